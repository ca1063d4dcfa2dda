// IR Foundation branding (Camunda 7 webapp customisation point): "IR Foundation Tasklist" in the header, and a script that turns the
// engine's end-of-life banner into one line linking the support status and plan.
export default {
  app: {
    name: 'Tasklist',
    vendor: 'IR Foundation'
  },
  customScripts: ['../welcome/scripts/irf-support-line.js', 'scripts/irf-default-sort.js'],
  // the shortcuts Camunda's own Tasklist config.js sets
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
