// IR Foundation branding (Camunda 7 webapp customisation point): "IR Foundation Admin" in the header, and a script that turns the
// engine's end-of-life banner into one line linking the support status and plan.
export default {
  app: {
    name: 'Admin',
    vendor: 'IR Foundation'
  },
  customScripts: ['../welcome/scripts/irf-support-line.js'],
};
