// Replaces the webapps' "migrate to Camunda 8" banner with one discreet line on the engine's support status.
const root = document.querySelector('base')?.getAttribute('app-root') || '/camunda';
const LINE = 'Camunda 7.24 CE, the last community release: no more security fixes from Camunda. '
  + `<a href="${root}/app/welcome/engine-support.html" target="_blank" rel="noopener">Support status and plan</a>`;

function rewrite() {
  document.querySelectorAll('.ce-eol-banner').forEach((banner) => {
    if (banner.innerHTML !== LINE) {
      banner.innerHTML = LINE;
      banner.classList.add('irf-support-line');
    }
  });
}

new MutationObserver(rewrite).observe(document.documentElement, { childList: true, subtree: true });
rewrite();
