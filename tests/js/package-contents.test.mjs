// What the packed tarball holds and says about itself: package.json fields,
// the file list, the JSON Schema against the shared vectors, the README's
// codes table and examples, and the publish check.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { installScratch, removeScratch, repo } from './scratch.mjs';
import { cases } from './vectors.mjs';

let scratch;
let installed;
let tarball;
before(() => {
  const install = installScratch('contents');
  scratch = install.dir;
  tarball = install.tarball;
  installed = join(scratch, 'node_modules/telehealth-rules');
  console.log(`# scratch install from the tarball: ${install.ms} ms`);
});
after(() => removeScratch(scratch));

const crate = () => {
  const cargo = readFileSync(join(repo, 'Cargo.toml'), 'utf8');
  return Object.fromEntries(['version', 'description', 'license', 'repository'].map((k) => [k, cargo.match(new RegExp(`^${k} = "([^"]*)"`, 'm'))?.[1]]));
};

test('package.json: conditional exports, types, sideEffects, files, metadata, version equal to the crate', () => {
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const cargo = crate();
  assert.equal(pkg.name, 'telehealth-rules');
  assert.equal(pkg.version, cargo.version, 'version is the crate version');
  assert.equal(pkg.description, cargo.description);
  assert.equal(pkg.license, cargo.license);
  // The crate's repository, or none while it is a placeholder (example.invalid).
  if (/\.invalid(\/|$)/.test(new URL(cargo.repository).host + '/')) assert.equal(pkg.repository, undefined, 'no placeholder repository');
  else assert.equal(pkg.repository.url, cargo.repository);
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.sideEffects, false);
  assert.equal(pkg.types, './index.d.ts');
  // Conditions are tried in order: types first (the .d.cts for require),
  // node (import: node.js, require: node.cjs), then require without node
  // (Jest with jsdom), and the browser default last.
  assert.deepEqual(pkg.exports['.'], {
    types: { require: './index.d.cts', default: './index.d.ts' },
    node: { require: './node.cjs', default: './node.js' },
    require: './node.cjs',
    default: './index.js',
  });
  assert.deepEqual(Object.keys(pkg.exports['.']), ['types', 'node', 'require', 'default']);
  assert.equal(pkg.exports['./schema.json'], './schema.json');
  // The keystroke-only entry: its own browser file, the server entry elsewhere.
  assert.deepEqual(pkg.exports['./keystroke'], {
    types: { require: './keystroke-only.d.cts', default: './keystroke-only.d.ts' },
    node: { require: './node.cjs', default: './node.js' },
    require: './node.cjs',
    default: './keystroke-only.js',
  });
  // The Standard Schema validators' entry, likewise.
  assert.deepEqual(pkg.exports['./schema'], {
    types: { require: './standard-schema.d.cts', default: './standard-schema.d.ts' },
    node: { require: './node.cjs', default: './node.js' },
    require: './node.cjs',
    default: './standard-schema.js',
  });
  assert.equal(pkg.exports['./keystroke_bg.wasm'], './keystroke_bg.wasm');
  assert.equal(pkg.exports['./records_bg.wasm'], './records_bg.wasm');
  assert.match(pkg.engines.node, />=\s*20/);
  // Nothing in the published package.json points outside the package.
  assert.equal(pkg.scripts, undefined, 'no scripts (the publish check runs from the repository: make publish)');
  assert.doesNotMatch(JSON.stringify(pkg), /\.\.\//);

  // The tarball holds exactly the listed files (npm adds package.json).
  const listed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, '')).sort();
  assert.deepEqual(listed, [...pkg.files, 'package.json'].sort());

  // Node itself picks the node entry; a browser resolver the default one.
  const resolved = execFileSync('node', ['--input-type=module', '-e', "console.log(import.meta.resolve('telehealth-rules'))"], { cwd: scratch, encoding: 'utf8' }).trim();
  assert.ok(resolved.endsWith('/node_modules/telehealth-rules/node.js'), resolved);
  const required = execFileSync('node', ['-e', "console.log(require.resolve('telehealth-rules'))"], { cwd: scratch, encoding: 'utf8' }).trim();
  assert.ok(required.endsWith('/node_modules/telehealth-rules/node.cjs'), required);
});

// The JSON Schema: every golden report is a valid `Report`, and every vector
// request is a valid `Request` exactly when the rules can read it, except
// where the schema does not (yet) say what the rules check: a day that does
// not exist, more than 1,000 list entries, a provider jurisdiction that is
// not a real code (SCHEMA_LOOSER). Validated with ajv's draft 2020-12
// validator (a dev dependency), strict about the schema itself, so that the
// test always runs.
const SCHEMA_LOOSER = /a day that does not exist|at most 1000 are accepted|must be a US state, DC or territory code|give one of them, or make them agree/;

/** A validator per name in the schema's `$defs` (`Request`, `Report`). */
function validators(schema) {
  const ajv = new Ajv2020({ allErrors: false, strict: false });
  addFormats(ajv);
  ajv.addSchema(schema, 'contract');
  return Object.fromEntries(['Request', 'Report'].map((name) => [name, ajv.getSchema(`contract#/$defs/${name}`)]));
}

test('schema.json: vector requests and golden reports validate against Request and Report', async () => {
  const schema = JSON.parse(readFileSync(join(installed, 'schema.json'), 'utf8'));
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  const check = validators(schema);
  const all = cases();
  const items = [];
  for (const c of all) {
    items.push({ against: 'Report', instance: JSON.parse(c.golden), c, role: 'report' });
    if (c.request !== null && typeof c.request === 'object' && !Array.isArray(c.request)) items.push({ against: 'Request', instance: c.request, c, role: 'request' });
  }
  // The invalid_request reports the JS layer makes itself are Reports too.
  const node = await import(join(installed, 'node.js'));
  const cyclic = { kind: 'location' };
  cyclic.self = cyclic;
  for (const report of [node.check(cyclic), node.check({ kind: 'link', input: 1n }), node.audit({ id: 'x', request: 1n }).report]) {
    items.push({ against: 'Report', instance: report, c: { file: 'js', name: report.findings[0].message }, role: 'report' });
  }
  const errors = items.map((item) => {
    const validate = check[item.against];
    if (validate(item.instance)) return null;
    const [first] = validate.errors;
    return `${first.instancePath || '/'} ${first.message}`.slice(0, 300);
  });
  const problems = [];
  let requests = 0;
  items.forEach((item, i) => {
    const where = `${item.c.file} / ${item.c.name}`;
    if (item.role === 'report') {
      if (errors[i]) problems.push(`${where}: report not a valid Report: ${errors[i]}`);
      return;
    }
    requests++;
    const golden = JSON.parse(item.c.golden);
    const readable = golden.kind !== 'invalid_request';
    if (readable && errors[i]) problems.push(`${where}: the rules read it, the schema rejects it: ${errors[i]}`);
    if (!readable && !errors[i] && !SCHEMA_LOOSER.test(golden.findings[0].message)) {
      problems.push(`${where}: the schema accepts a request the rules cannot read: ${golden.findings[0].message}`);
    }
  });
  assert.ok(requests > 800, `${requests} requests checked`);
  assert.deepEqual(problems, []);
});

test('README: the codes table is generated from schema.json and agrees with every golden finding', async () => {
  const { withCodesTable } = await import(join(repo, 'scripts/gen-types.mjs'));
  const schema = JSON.parse(readFileSync(join(installed, 'schema.json'), 'utf8'));
  const readme = readFileSync(join(installed, 'README.md'), 'utf8');
  assert.equal(withCodesTable(readme, schema), readme, 'run: node scripts/gen-types.mjs --readme pkg/schema.json npm/README.md');
  const table = new Map([...readme.matchAll(/^\| `([a-z_]+)` \| (info|warning|error) \|/gm)].map((m) => [m[1], m[2]]));
  assert.deepEqual([...table.keys()].sort(), schema.$defs.Code.oneOf.map((c) => c.const).sort());
  const wrong = new Set();
  for (const c of cases()) {
    for (const f of JSON.parse(c.golden).findings) if (table.get(f.code) !== f.severity) wrong.add(`${f.code}: ${f.severity}, table ${table.get(f.code)}`);
  }
  assert.deepEqual([...wrong], []);
});

test('README: the size figures are the ones measured from the installed package', async () => {
  const { withSizes, measure } = await import(join(repo, 'scripts/readme-sizes.mjs'));
  const readme = readFileSync(join(installed, 'README.md'), 'utf8');
  assert.equal(withSizes(readme, installed), readme);
  const sizes = measure(installed);
  assert.ok(readme.includes(`${(sizes.brotli / 1000).toFixed(1)} KB together with brotli`), 'the brotli total is in the text');
  assert.doesNotMatch(readme, /about 185 KB|about 73 KB|filled in from the measured build/);
});

test('README: every example with results (`expr; // → value`) gives those results from the installed package', () => {
  const readme = readFileSync(join(installed, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]).filter((b) => b.includes('// →'));
  assert.ok(blocks.length >= 7, `${blocks.length} runnable examples`);
  blocks.forEach((block, i) => {
    const body = block.replace(/^(.+?);\s*\/\/ → (.+)$/gm, (_, expr, value) => `assert.deepStrictEqual((${expr}), (${value}), ${JSON.stringify(expr)});`);
    const file = join(scratch, `readme-example-${i}.mjs`);
    writeFileSync(file, `import assert from 'node:assert';\n${body}`);
    try {
      execFileSync('node', [file], { cwd: scratch, stdio: 'pipe' });
    } catch (error) {
      assert.fail(`README example ${i + 1} failed:\n${block}\n${error.stderr}`);
    }
  });
});

test('the publish check: version, files, ruleset, generated types and README table are in order', () => {
  let output;
  try {
    output = execFileSync('node', [join(repo, 'npm/prepublish-check.mjs')], { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    output = `${error.stdout}${error.stderr}`;
  }
  // pkg/ freshness and the size ceiling depend on what else is being built
  // in this checkout; the rest must hold whenever pkg/ was just built.
  for (const ok of [/ok: version .* equals the crate's/, /ok: every file and export target exists/, /ok: ruleset .* is the modules' and the crate's/,
    /ok: types\.d\.ts is generated from schema\.json/, /ok: the README lists every code/, /ok: the JS layer in pkg\/ is the current npm\//]) {
    assert.match(output, ok);
  }
});
