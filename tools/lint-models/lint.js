// Lints every BPMN model in bpmn/ with bpmnlint and the config in .bpmnlintrc beside this file
// (bpmnlint:recommended + camunda-compat for Camunda 7.24), run from the repository root:
// npm ci --prefix tools/lint-models && node tools/lint-models/lint.js
// Prints the findings of every model and exits 1 on any error, on any fake join (bpmnlint's rule is
// only a warning; here it fails) and on any model that cannot be parsed or linted.
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');
const { BpmnModdle } = require('bpmn-moddle');
const Linter = require('bpmnlint/lib/linter');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const { pathStringify } = require('@bpmn-io/moddle-utils');

const root = path.resolve(__dirname, '..', '..');
const here = createRequire(path.join(__dirname, 'lint.js'));
const config = JSON.parse(fs.readFileSync(path.join(__dirname, '.bpmnlintrc'), 'utf8'));

// rules whose findings fail the run whatever their category in the config
const FAILING_RULES = new Set(['fake-join']);

function models() {
  const dir = path.join(root, 'bpmn');
  return fs.readdirSync(dir).filter(name => name.endsWith('.bpmn')).sort().map(name => path.join(dir, name));
}

function moddle() {
  const extensions = {};
  for (const [prefix, file] of Object.entries(config.moddleExtensions || {})) extensions[prefix] = here(file);
  return new BpmnModdle(extensions);
}

async function lint(file, bpmn) {
  const findings = [];
  let rootElement;
  try {
    const result = await bpmn.fromXML(fs.readFileSync(file, 'utf8'));
    rootElement = result.rootElement;
    for (const w of result.warnings || []) {
      findings.push({ rule: 'import', category: 'error', id: w.element && w.element.id,
        message: 'Import warning: ' + w.message.split('\n')[0] });
    }
  } catch (e) {
    return [{ rule: 'import', category: 'error', message: 'Parse error: ' + e.message }];
  }
  const linter = new Linter({ config, resolver: new NodeResolver({ require: here }) });
  const results = await linter.lint(rootElement);
  for (const [rule, reports] of Object.entries(results)) {
    for (const r of reports) {
      findings.push({ rule: r.name || rule, category: r.category,
        id: r.path ? `${r.id}#${pathStringify(r.path)}` : r.id, message: r.message });
    }
  }
  return findings;
}

function fails(f) {
  return f.category === 'error' || f.category === 'rule-error' || FAILING_RULES.has(f.rule);
}

(async () => {
  const bpmn = moddle();
  const counts = { error: 0, warn: 0, info: 0, failing: 0 };
  for (const file of models()) {
    const findings = await lint(file, bpmn);
    const name = path.relative(root, file);
    if (!findings.length) {
      console.log(`${name}: no findings`);
      continue;
    }
    console.log(`${name}:`);
    for (const f of findings) {
      const category = f.category === 'warn' ? 'warning' : f.category;
      counts[f.category === 'rule-error' ? 'error' : f.category] += 1;
      if (fails(f)) counts.failing += 1;
      console.log(`  ${fails(f) ? 'FAIL' : 'ok  '}  ${category.padEnd(7)}  ${(f.id || '-').padEnd(32)}  ${f.rule}: ${f.message}`);
    }
  }
  const n = (count, word) => `${count} ${word}${count === 1 ? '' : 's'}`;
  console.log(`\n${n(counts.error, 'error')}, ${n(counts.warn, 'warning')}, ${n(counts.info, 'info')}; `
    + `${counts.failing} failing (errors and fake joins fail)`);
  process.exit(counts.failing ? 1 : 0);
})().catch(e => { console.error(e); process.exit(1); });
