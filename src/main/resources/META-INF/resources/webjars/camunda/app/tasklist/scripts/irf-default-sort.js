// Tasklist sorts by creation date unless its URL names a sorting (the filters' stored sorting does not count):
// without one, sort as the IR Foundation filters do, P1 first, then the soonest due.
const SORTING = JSON.stringify([{ sortBy: 'priority', sortOrder: 'desc' }, { sortBy: 'dueDate', sortOrder: 'asc' }]);

function defaultSort() {
  const hash = window.location.hash || '#/';
  const [path, query = ''] = hash.slice(1).split('?');
  if (path !== '/' && path !== '') {
    return;
  }
  const params = new URLSearchParams(query);
  if (!params.has('sorting')) {
    params.set('sorting', SORTING);
    window.location.replace('#/?' + params.toString());
  }
}

window.addEventListener('hashchange', defaultSort);
defaultSort();
