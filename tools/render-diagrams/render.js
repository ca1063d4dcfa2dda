// Renders every BPMN and DMN model to docs/diagrams/<file>.png (run from the repository root:
// npm ci --prefix tools/render-diagrams && node tools/render-diagrams/render.js).
// Needs Chromium: Debian's /usr/bin/chromium, or CHROMIUM=/path/to/chrome.
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const root = path.resolve(__dirname, '..', '..');
const out = path.join(root, 'docs', 'diagrams');
const modules = path.join(__dirname, 'node_modules');

function models() {
  const files = [];
  for (const [dir, ext] of [['bpmn', '.bpmn'], ['dmn', '.dmn']]) {
    for (const name of fs.readdirSync(path.join(root, dir)).sort()) {
      if (name.endsWith(ext)) files.push(path.join(root, dir, name));
    }
  }
  return files;
}

function page(kind) {
  const dist = path.join(modules, kind === 'bpmn' ? 'bpmn-js' : 'dmn-js', 'dist');
  const css = kind === 'bpmn'
    ? ['assets/diagram-js.css', 'assets/bpmn-js.css', 'assets/bpmn-font/css/bpmn.css']
    : ['assets/diagram-js.css', 'assets/dmn-js-shared.css', 'assets/dmn-js-drd.css',
       'assets/dmn-js-decision-table.css', 'assets/dmn-js-literal-expression.css', 'assets/dmn-font/css/dmn.css'];
  const script = kind === 'bpmn' ? 'bpmn-viewer.development.js' : 'dmn-viewer.development.js';
  return `<!doctype html><html><head><meta charset="utf-8">
    ${css.map(c => `<link rel="stylesheet" href="file://${path.join(dist, c)}">`).join('\n')}
    <style>html, body { margin: 0; background: white; font-family: sans-serif; }
      #canvas { width: 100%; height: 100vh; } .dmn-decision-table-container { padding: 16px; }
      .bjs-breadcrumbs, .bjs-drilldown { display: none !important; }</style>
    <script src="file://${path.join(dist, script)}"></script></head>
    <body><div id="canvas"></div></body></html>`;
}

// The process, then each collapsed sub-process on its own plane (bpmn-js drill-down) as <file>--<id>.png:
// one picture per level, as a process owner opens them in the Modeler.
async function renderBpmn(browser, file, target) {
  const tab = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  const html = path.join(out, '.render-bpmn.html');
  fs.writeFileSync(html, page('bpmn'));
  await tab.goto('file://' + html);
  const roots = await tab.evaluate(async (xml) => {
    const viewer = new BpmnJS({ container: '#canvas' });
    const { warnings } = await viewer.importXML(xml);
    window.viewer = viewer;
    if (warnings.length) console.warn(warnings.map(w => w.message).join('; '));
    return viewer.get('canvas').getRootElements().map(r => r.id);
  }, fs.readFileSync(file, 'utf8'));
  const written = [];
  for (const [index, root] of roots.entries()) {
    const box = await tab.evaluate((id) => {
      const canvas = window.viewer.get('canvas');
      canvas.setRootElement(canvas.findRoot(id));
      // the bounding box of this plane's layer only (the viewbox's inner box may still span other planes)
      const inner = canvas.getActiveLayer().getBBox();
      return { x: inner.x, y: inner.y, width: inner.width, height: inner.height };
    }, root);
    if (!box.width) continue;
    // 1:1 scale, the diagram's bounding box plus a margin
    const width = Math.ceil(box.width) + 80;
    const height = Math.ceil(box.height) + 80;
    await tab.setViewportSize({ width, height });
    await tab.evaluate(({ x, y, width, height }) => window.viewer.get('canvas').viewbox({ x: x - 40, y: y - 40,
      width, height }), { x: box.x, y: box.y, width, height });
    const png = index === 0 ? target : target.replace(/\.png$/, '--' + root.replace(/_plane$/, '') + '.png');
    await tab.screenshot({ path: png });
    written.push(png);
  }
  await tab.close();
  return written;
}

async function renderDmn(browser, file, target) {
  const tab = await browser.newPage({ viewport: { width: 2600, height: 900 } });
  const html = path.join(out, '.render-dmn.html');
  fs.writeFileSync(html, page('dmn'));
  await tab.goto('file://' + html);
  await tab.evaluate(async (xml) => {
    const viewer = new DmnJS({ container: '#canvas' });
    await viewer.importXML(xml);
    const table = viewer.getViews().find(v => v.type === 'decisionTable');
    if (table) await viewer.open(table);
  }, fs.readFileSync(file, 'utf8'));
  const size = await tab.evaluate(() => {
    document.getElementById('canvas').style.height = 'auto';
    document.querySelectorAll('.drd-switch, .view-drd').forEach(e => e.remove());
    const table = document.querySelector('.tjs-table') || document.body;
    return { width: Math.ceil(table.getBoundingClientRect().right) + 40, height: document.body.scrollHeight };
  });
  await tab.setViewportSize({ width: Math.min(size.width, 6000), height: Math.min(size.height, 12000) });
  await tab.screenshot({ path: target, fullPage: true });
  await tab.close();
}

(async () => {
  fs.mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    for (const file of models()) {
      const target = path.join(out, path.basename(file).replace(/\.(bpmn|dmn)$/, '.png'));
      const written = file.endsWith('.bpmn') ? await renderBpmn(browser, file, target)
        : (await renderDmn(browser, file, target), [target]);
      written.forEach(png => console.log('rendered', path.relative(root, png)));
    }
  } finally {
    await browser.close();
    for (const f of ['.render-bpmn.html', '.render-dmn.html']) fs.rmSync(path.join(out, f), { force: true });
  }
})().catch(e => { console.error(e); process.exit(1); });
