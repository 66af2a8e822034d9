// What `make publish` checks before `npm publish pkg/` uploads anything (the
// published package.json has no scripts, so this is not a prepublishOnly);
// also runnable by hand:
//
//   node npm/prepublish-check.mjs
//
// It does not run the tests: `make test` first (see npm/README.md). Exits 1,
// listing every problem, when the package must not be published.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const pkgDir = join(repo, 'pkg');
const problems = [];
const checked = [];
const check = (what, ok, problem) => (ok ? checked.push(what) : problems.push(problem));

if (!existsSync(join(pkgDir, 'package.json'))) {
  console.error('prepublish: pkg/ is not built; run `make pkg` (or `make test`) first.');
  process.exit(1);
}
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const cargo = readFileSync(join(repo, 'Cargo.toml'), 'utf8');
const crateVersion = cargo.match(/^version = "([^"]*)"/m)?.[1];
const rustRuleset = readFileSync(join(repo, 'src/finding.rs'), 'utf8').match(/pub const RULESET: &str = "([^"]+)"/)?.[1];

// 1. The version is the crate's.
check(`version ${pkg.version} equals the crate's`, pkg.version === crateVersion,
  `pkg/package.json has version ${pkg.version}, Cargo.toml ${crateVersion}: rebuild with \`make pkg\`.`);

// 2. Every published file and export target exists.
const leaves = (e) => (typeof e === 'string' ? [e] : Object.values(e).flatMap(leaves));
const targets = [...pkg.files, ...leaves(pkg.exports)];
const missing = [...new Set(targets.map((t) => t.replace(/^\.\//, '')))].filter((f) => !existsSync(join(pkgDir, f)));
check('every file and export target exists', missing.length === 0, `missing from pkg/: ${missing.join(', ')}`);

// 3. pkg/ is fresh: the JS layer is the current npm/, the wasm and the
//    schema are newer than every Rust source.
const { withSizes } = await import(join(repo, 'scripts/readme-sizes.mjs'));
const stale = ['api.js', 'loader.js', 'schema.js', 'index.js', 'node.js', 'keystroke-only.js', 'keystroke-core.js', 'records-core.js', 'standard-schema.js', 'index.d.ts', 'keystroke-only.d.ts', 'standard-schema.d.ts', 'README.md'].filter((f) => {
  const source = readFileSync(join(repo, 'npm', f), 'utf8');
  return (f === 'README.md' ? withSizes(source, pkgDir) : source) !== readFileSync(join(pkgDir, f), 'utf8');
});
check('the JS layer in pkg/ is the current npm/', stale.length === 0, `pkg/ has old copies of npm/${stale.join(', npm/')}: rebuild with \`make pkg\`.`);
const newest = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.rs'))
    .reduce((t, d) => Math.max(t, statSync(join(d.parentPath ?? d.path, d.name)).mtimeMs), 0);
const sources = Math.max(newest(join(repo, 'src')), newest(join(repo, 'examples')), statSync(join(repo, 'Cargo.toml')).mtimeMs);
const built = Math.min(...['keystroke_bg.wasm', 'records_bg.wasm', 'schema.json'].map((f) => statSync(join(pkgDir, f)).mtimeMs));
check('the wasm modules and schema are newer than the Rust sources', built >= sources,
  'a Rust source is newer than pkg/keystroke_bg.wasm, pkg/records_bg.wasm or pkg/schema.json: rebuild with `make pkg`.');

// 4. One ruleset everywhere: the Rust constant, ruleset.js, the module.
const node = await import(join(pkgDir, 'node.js'));
const recordsRuleset = JSON.parse(node.checkJson('{"kind":"location","state":"NY"}')).ruleset;
const keystrokeRuleset = node.checkLink('https://doxy.me/drsmith').ruleset;
check(`ruleset ${node.ruleset} is the modules' and the crate's`, [recordsRuleset, keystrokeRuleset, rustRuleset].every((r) => r === node.ruleset),
  `rulesets differ: src/finding.rs ${rustRuleset}, pkg/ruleset.js ${node.ruleset}, records ${recordsRuleset}, keystroke ${keystrokeRuleset}.`);

// 5. The generated types and the README's codes table match the schema.
const { types, withCodesTable } = await import(join(repo, 'scripts/gen-types.mjs'));
const schema = JSON.parse(readFileSync(join(pkgDir, 'schema.json'), 'utf8'));
check('types.d.ts is generated from schema.json', (await types(schema)) === readFileSync(join(pkgDir, 'types.d.ts'), 'utf8'),
  'pkg/types.d.ts is not what scripts/gen-types.mjs makes from pkg/schema.json: rebuild with `make pkg`.');
const readme = readFileSync(join(repo, 'npm/README.md'), 'utf8');
check('the README lists every code', withCodesTable(readme, schema) === readme,
  'the codes table in npm/README.md is out of date: node scripts/gen-types.mjs --readme pkg/schema.json npm/README.md');

// 6. The size budget (scripts/size.mjs, brotli-11 of wasm + JS).
let size = '';
try {
  size = execFileSync(process.execPath, [join(repo, 'scripts/size.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  checked.push(size.trim().split('\n').at(-1));
} catch (error) {
  problems.push(`${error.stderr || error.message}`.trim());
}

// 7. Uncommitted changes are worth a look, not a refusal.
try {
  const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  if (dirty.trim()) console.warn('prepublish: warning: the working tree has uncommitted changes.');
} catch {
  // not a git checkout
}

for (const line of checked) console.log(`prepublish: ok: ${line}`);
if (problems.length > 0) {
  for (const line of problems) console.error(`prepublish: NOT OK: ${line}`);
  console.error(`prepublish: ${pkg.name}@${pkg.version} must not be published as it is.`);
  process.exit(1);
}
console.log(`prepublish: ${pkg.name}@${pkg.version} is ready to publish.`);
