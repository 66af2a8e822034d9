// The package in the frameworks and bundlers a frontend team runs, each a
// real scratch app built from tests/consumers/<app>/ with no configuration
// for the package, the package installed from the packed tarball, and the
// result run in headless Chromium or Node, asserting real reports:
// Next.js 16 (Turbopack and webpack: server component, route handler, server
// action, client component; `next build` + `next start`, and `next dev`),
// webpack 5 (browser and node), Rollup (browser; node ESM and CommonJS
// outputs), esbuild (node ESM and CommonJS), Node require(), Jest and Vitest
// with jsdom. (Vite, plain HTML and the server bundles of Vite SSR are in
// consumers.test.mjs.) The frameworks come from one shared install
// (tests/consumers/package.json and its lockfile); every step reports its
// time as a diagnostic.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './server.mjs';
import { copyFixture, installScratch, removeScratch, serveStatic, since } from './scratch.mjs';
import { consumersInstall } from './consumers-install.mjs';

const FIX = 'https://doxy.me/drsmith';
let consumers;
let scratch;
let browser;
const servers = [];
const children = [];

before(async () => {
  const start = performance.now();
  consumers = consumersInstall();
  console.log(`# tests/consumers install: ${consumers.ran ? 'npm ci' : 'already installed'}, ${consumers.ms} ms`);
  const install = installScratch('frameworks', consumers.scratchRoot);
  scratch = install.dir;
  console.log(`# scratch install from the tarball: ${install.ms} ms (${scratch}); set-up ${since(start)} ms`);
  browser = await launchChromium();
});

after(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(servers.map((s) => s.close()));
  await browser?.close();
  removeScratch(scratch);
});

const env = { ...process.env, NO_COLOR: '1', NEXT_TELEMETRY_DISABLED: '1', CI: '1' };

/** Runs a tool from the shared install in `cwd`: its output (stdout + stderr). */
function run(tool, args, cwd) {
  const result = spawnSync(consumers.bin(tool), args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const out = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (${result.status ?? result.error}):\n${out}`);
  return out;
}

const node = (file, cwd) => execFileSync(process.execPath, [file], { cwd, env, encoding: 'utf8', stdio: 'pipe' }).trim();

/** Starts a long-running tool and resolves with the URL it prints. */
function start(tool, args, cwd, pattern = /(http:\/\/(?:127\.0\.0\.1|localhost):\d+)/) {
  const child = spawn(consumers.bin(tool), args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${tool} did not start: ${out}`)), 90_000);
    const read = (chunk) => {
      out += chunk;
      const match = out.match(pattern);
      if (match && /ready|Local/i.test(out)) {
        clearTimeout(timer);
        resolveUrl({ url: match[1].replace('localhost', '127.0.0.1'), child, output: () => out });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`${tool} exited (${code}): ${out}`)));
  });
}

const port = () => String(20_000 + Math.floor(Math.random() * 20_000));

/** Opens `url`, waits for `ready()` in the page, and returns the page's errors and wasm requests. */
async function open(url, ready) {
  const page = await browser.newPage();
  const errors = [];
  const wasm = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(`${m.text()} (${m.location()?.url})`));
  page.on('response', (r) => r.url().endsWith('.wasm') && wasm.push(`${r.status()} ${r.headers()['content-type']} ${r.url()}`));
  await page.goto(url);
  await page.waitForFunction(ready, null, { timeout: 60_000 });
  return { page, errors, wasm };
}

// ---------------------------------------------------------------- Next.js

/** The Next.js page and its parts, in Chromium: server component, client component, server action; and the route handler. */
async function checkNextApp(t, url, label) {
  const started = performance.now();
  const { page, errors, wasm } = await open(`${url}/`, () =>
    ['client', 'action'].every((id) => !/^loading$/.test(document.getElementById(id)?.textContent ?? 'loading')),
  );
  t.diagnostic(`${label}: page ready in ${since(started)} ms`);
  const text = (id) => page.textContent(`#${id}`);
  assert.equal(await text('server'), `reject ${FIX}`, 'server component');
  assert.equal(await text('client'), `true reject ${FIX}`, 'client component: use(initKeystroke()), then checkLink while rendering (server-rendered, then hydrated)');
  assert.equal(await text('action'), 'CA', 'server action');
  assert.equal(wasm.length, 1, `one wasm fetch, the keystroke module: ${wasm}`);
  assert.match(wasm[0], /^200 application\/wasm .*keystroke_bg[^/]*\.wasm$/);
  assert.deepEqual(errors, []);
  await page.close();
  const response = await fetch(`${url}/api/check`, { method: 'POST', body: JSON.stringify({ kind: 'link', input: 'doxy.me/drsmith' }) });
  assert.equal(response.status, 200, 'route handler');
  const report = await response.json();
  assert.equal(report.findings.find((f) => f.code === 'missing_scheme')?.fix, FIX, 'route handler report');
}

async function nextProduction(t, bundler) {
  const app = copyFixture('next-app', scratch);
  const dir = join(scratch, `next-${bundler}`);
  cpSync(app, dir, { recursive: true });
  let started = performance.now();
  const output = run('next', ['build', ...(bundler === 'webpack' ? ['--webpack'] : [])], dir);
  t.diagnostic(`next build (${bundler}): ${since(started)} ms`);
  assert.match(output, bundler === 'webpack' ? /Compiled successfully/ : /Turbopack[\s\S]*Compiled successfully/);
  assert.doesNotMatch(output, /Critical dependency|import\.meta|telehealth-rules.*(warn|error)/i, 'no warning about the package');
  started = performance.now();
  const server = await start('next', ['start', '-H', '127.0.0.1', '-p', port()], dir);
  t.diagnostic(`next start (${bundler}): up in ${since(started)} ms`);
  await checkNextApp(t, server.url, `next start (${bundler})`);
  assert.doesNotMatch(server.output(), /Error|ERR_/, 'no server error');
  server.child.kill('SIGTERM');
}

test('Next.js 16, Turbopack: next build + next start (server component, route handler, server action, client component)', (t) => nextProduction(t, 'turbopack'));

test('Next.js 16, webpack: next build --webpack + next start', (t) => nextProduction(t, 'webpack'));

test('Next.js 16: next dev (Turbopack)', async (t) => {
  const dir = join(scratch, 'next-dev');
  cpSync(join(repo(), 'tests/consumers/next-app'), dir, { recursive: true });
  const started = performance.now();
  const server = await start('next', ['dev', '-H', '127.0.0.1', '-p', port()], dir);
  await checkNextApp(t, server.url, 'next dev');
  t.diagnostic(`next dev: up and checked in ${since(started)} ms`);
  assert.doesNotMatch(server.output(), /⨯|Error:/, 'no dev server error');
  server.child.kill('SIGTERM');
});

// ---------------------------------------------------------------- webpack 5

async function webpackBuild(config) {
  const { default: webpack } = await import(join(consumers.dir, 'node_modules/webpack/lib/index.js'));
  return new Promise((done, reject) =>
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      const info = stats.toJson({ all: false, errors: true, warnings: true });
      if (stats.hasErrors()) return reject(new Error(JSON.stringify(info.errors, null, 2)));
      done(info);
    }),
  );
}

test('webpack 5: a browser bundle copies the wasm and runs in Chromium; a target-node bundle runs in Node', async (t) => {
  const app = copyFixture('webpack-app', scratch);
  let started = performance.now();
  // webpack's defaults only: the entry, where to write, and the target.
  const web = await webpackBuild({ mode: 'production', context: app, entry: './src/index.js', output: { path: join(app, 'dist') } });
  t.diagnostic(`webpack (web): ${since(started)} ms`);
  // webpack's one remark is its performance hint: records_bg.wasm is over its
  // 244 KiB recommendation (the page fetches it only when it needs it).
  const wasm = readdirSync(join(app, 'dist')).filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 2, `both .wasm files are emitted (${wasm})`);
  const records = readFileSync(join(scratch, 'node_modules/telehealth-rules/records_bg.wasm'));
  const recordsAsset = wasm.find((f) => readFileSync(join(app, 'dist', f)).equals(records));
  assert.ok(recordsAsset, 'the records module is emitted unchanged');
  const hints = web.warnings.map((w) => w.message);
  assert.deepEqual(hints.filter((m) => !/asset size limit|entrypoint size limit|webpack performance recommendations/.test(m)), []);
  for (const hint of hints.filter((m) => /asset size limit/.test(m))) {
    const named = [...hint.matchAll(/(\S+\.wasm) \(/g)].map((m) => m[1]);
    assert.deepEqual(named, [recordsAsset], hint);
  }
  writeFileSync(join(app, 'dist/index.html'), readFileSync(join(app, 'index.html')));
  const server = await serveStatic(join(app, 'dist'));
  servers.push(server);
  const { page, errors } = await open(`${server.url}/`, () => document.body.dataset.ready);
  assert.equal(await page.textContent('#out'), `reject missing_scheme ${FIX}`);
  assert.deepEqual(errors, []);
  await page.close();

  started = performance.now();
  const server2 = await webpackBuild({ mode: 'production', target: 'node', context: app, entry: './src/server.js', output: { path: join(app, 'dist-node') } });
  t.diagnostic(`webpack (node): ${since(started)} ms`);
  assert.deepEqual(server2.warnings, []);
  assert.equal(node(join(app, 'dist-node/main.js'), app), `reject missing_scheme ${FIX}`);
});

// ---------------------------------------------------------------- Rollup

test('Rollup: a browser build (with the usual import-meta-assets plugin) in Chromium; node builds, ESM and CommonJS outputs', async (t) => {
  const app = copyFixture('rollup-app', scratch);
  const { rollup } = await import(join(consumers.dir, 'node_modules/rollup/dist/es/rollup.js'));
  const { nodeResolve } = await import(join(consumers.dir, 'node_modules/@rollup/plugin-node-resolve/dist/es/index.js'));
  const { importMetaAssets } = await import(join(consumers.dir, 'node_modules/@web/rollup-plugin-import-meta-assets/index.mjs'));
  const warnings = [];
  const onwarn = (w) => warnings.push(w.message);

  let started = performance.now();
  const web = await rollup({ input: join(app, 'main.js'), plugins: [nodeResolve({ browser: true }), importMetaAssets()], onwarn });
  await web.write({ dir: join(app, 'dist'), format: 'es' });
  t.diagnostic(`rollup (browser): ${since(started)} ms`);
  writeFileSync(join(app, 'dist/index.html'), readFileSync(join(app, 'index.html')));
  const server = await serveStatic(join(app, 'dist'));
  servers.push(server);
  const { page, errors } = await open(`${server.url}/`, () => document.body.dataset.ready);
  assert.equal(await page.textContent('#out'), `reject missing_scheme ${FIX}`);
  assert.deepEqual(errors, []);
  await page.close();

  started = performance.now();
  const server2 = await rollup({ input: join(app, 'server.js'), plugins: [nodeResolve({ exportConditions: ['node'] })], onwarn });
  await server2.write({ file: join(app, 'out/server.mjs'), format: 'es' });
  await server2.write({ file: join(app, 'out/server.cjs'), format: 'cjs' });
  t.diagnostic(`rollup (node, es + cjs): ${since(started)} ms`);
  assert.equal(node(join(app, 'out/server.mjs'), app), `reject missing_scheme ${FIX}`);
  assert.equal(node(join(app, 'out/server.cjs'), app), `reject missing_scheme ${FIX}`);
  assert.deepEqual(warnings, []);
});

// ---------------------------------------------------------------- form libraries, esbuild for the browser

test('Form libraries with the Standard Schema validators (React Hook Form standardSchemaResolver, TanStack Form, zod 4): in Node, and bundled from telehealth-rules/keystroke and telehealth-rules/schema by esbuild --platform=browser as the README says, in Chromium', async (t) => {
  const app = copyFixture('forms-app', scratch);
  const expected = {
    rhfErrors: { link: 'The link must start with https://.', instructions: /^555-123-4567 looks like a phone number/ },
    rhfValues: { link: 'https://doxy.me/drsmith', instructions: '' },
    tanstackErrors: ['Links must use https://, which encrypts the connection. Use the https:// form of the link.'],
    tanstackValid: true,
    zodIssues: [['link', 'https_required', FIX]],
    zodValue: 'https://zoom.us/j/1234567890',
  };
  const same = (got, where) => {
    assert.equal(got.rhfErrors.link, expected.rhfErrors.link, `${where}: React Hook Form, link`);
    assert.match(got.rhfErrors.instructions, expected.rhfErrors.instructions, `${where}: React Hook Form, instructions`);
    for (const key of ['rhfValues', 'tanstackErrors', 'tanstackValid', 'zodIssues', 'zodValue']) assert.deepEqual(got[key], expected[key], `${where}: ${key}`);
  };
  let started = performance.now();
  const fromNode = JSON.parse(node(join(app, 'node.mjs'), app));
  t.diagnostic(`forms in Node: ${since(started)} ms`);
  same(fromNode, 'Node');
  assert.deepEqual(fromNode.rhfLocation, { zip: 'ZIP code 10001 is in New York, not California. Check both: the state is what counts for licensing.' });
  assert.deepEqual(fromNode.rhfLocationValues, { state: 'CA', zip: '94110' });

  // The README's esbuild recipe, step for step: bundle, copy the .wasm file it names, pass its URL.
  const readme = readFileSync(join(repo(), 'npm/README.md'), 'utf8');
  const recipe = readme.slice(readme.indexOf('### esbuild'), readme.indexOf('### Node'));
  assert.match(recipe, /--platform=browser/);
  const named = [...new Set(recipe.match(/[\w-]+_bg\.wasm/g))];
  assert.deepEqual(named.filter((f) => !readdirSync(join(scratch, 'node_modules/telehealth-rules')).includes(f)), [], 'the files the README names exist');
  started = performance.now();
  const out = run('esbuild', ['main.js', '--bundle', '--platform=browser', '--format=esm', '--outdir=dist', '--log-level=warning'], app);
  t.diagnostic(`esbuild --platform=browser: ${since(started)} ms`);
  assert.equal(out.trim(), '', `no warning: ${out}`);
  const bundle = readFileSync(join(app, 'dist/main.js'), 'utf8');
  // The records glue defines these functions and names its module; the API only calls them.
  assert.doesNotMatch(bundle, /records_bg|function (checkJson\(request|auditJson\(record|catalogJson\()/, 'the keystroke-only and schema entries carry no records glue without locationSchema');
  cpSync(join(scratch, 'node_modules/telehealth-rules/keystroke_bg.wasm'), join(app, 'dist/static/keystroke_bg.wasm'));
  writeFileSync(join(app, 'dist/index.html'), readFileSync(join(app, 'index.html')));
  const server = await serveStatic(join(app, 'dist'));
  servers.push(server);
  const { page, errors, wasm } = await open(`${server.url}/`, () => document.body.dataset.ready);
  const fromBrowser = JSON.parse(await page.textContent('#out'));
  same(fromBrowser, 'Chromium');
  assert.equal(fromBrowser.earlyWasPromise, true, 'validate() before the load gives a promise');
  assert.equal(fromBrowser.earlyIssue, 'missing_scheme', 'which settles once validate() has loaded the module');
  assert.deepEqual(wasm.map((w) => w.replace(/ \S+ http:\/\/[^/]+/, ' ')), ['200 /static/keystroke_bg.wasm'], 'one fetch, the keystroke module from the URL given');
  assert.deepEqual(errors, []);
  await page.close();
});

// ---------------------------------------------------------------- esbuild, Node

test('esbuild --platform=node: ESM and CommonJS bundles run anywhere, even moved away from node_modules', (t) => {
  const dir = join(scratch, 'esbuild');
  cpSync(join(repo(), 'tests/consumers/webpack-app/src'), dir, { recursive: true });
  for (const format of ['esm', 'cjs']) {
    const started = performance.now();
    const out = run('esbuild', ['server.js', '--bundle', '--platform=node', `--format=${format}`, `--outfile=out/server.${format === 'esm' ? 'mjs' : 'cjs'}`, '--log-level=warning'], dir);
    t.diagnostic(`esbuild --format=${format}: ${since(started)} ms`);
    assert.equal(out.trim(), '', `no warning: ${out}`);
  }
  // Moved out of the scratch folder: nothing is left to find on disk.
  const away = `${scratch}-away`;
  cpSync(join(dir, 'out'), away, { recursive: true });
  try {
    assert.equal(node(join(away, 'server.mjs'), away), `reject missing_scheme ${FIX}`);
    assert.equal(node(join(away, 'server.cjs'), away), `reject missing_scheme ${FIX}`);
  } finally {
    removeScratch(away);
  }
});

test('Node: require() (the CommonJS entry, any Node 20) and import give the same reports', () => {
  writeFileSync(join(scratch, 'required.cjs'), `const rules = require('telehealth-rules');\nconst ready = rules.isReady();\nconst r = rules.checkLink('doxy.me/drsmith');\nconsole.log(require.resolve('telehealth-rules').endsWith('node.cjs'), ready, rules.isReady('keystroke'), r.verdict, r.findings[0].fix, rules.checkLocation({ state: 'Calif.' }).jurisdiction.code);\n`);
  assert.equal(node('required.cjs', scratch), `true false true reject ${FIX} CA`);
  writeFileSync(join(scratch, 'imported.mjs'), `import * as rules from 'telehealth-rules';\nconst ready = rules.isReady();\nconst r = rules.checkLink('doxy.me/drsmith');\nconsole.log(import.meta.resolve('telehealth-rules').endsWith('node.js'), ready, rules.isReady('keystroke'), r.verdict, r.findings[0].fix, rules.checkLocation({ state: 'Calif.' }).jurisdiction.code);\n`);
  assert.equal(node('imported.mjs', scratch), `true false true reject ${FIX} CA`);
});

// ---------------------------------------------------------------- test runners

test('Jest 30 with jsdom (CommonJS): require() works with no init() and no config', (t) => {
  const app = copyFixture('jest-app', scratch);
  const started = performance.now();
  const out = run('jest', ['--ci', '--rootDir', app], app);
  t.diagnostic(`jest: ${since(started)} ms`);
  assert.match(out, /Tests:\s+1 passed, 1 total/);
});

test('Vitest 4 with jsdom: import works, init() resolves, no config', (t) => {
  const app = copyFixture('vitest-app', scratch);
  const started = performance.now();
  const out = run('vitest', ['run', '--root', app], app);
  t.diagnostic(`vitest: ${since(started)} ms`);
  assert.match(out, /Tests\s+1 passed \(1\)/);
});

function repo() {
  return join(consumers.dir, '../..');
}

// Deno and Bun: not in the shared install (about 200 MB of binaries); run
// when found on PATH or named by TELEHEALTH_RULES_DENO / TELEHEALTH_RULES_BUN
// (`npm install deno bun` elsewhere gives both: node_modules/@deno/*/deno and
// node_modules/bun/bin/bun.exe).
function findRuntime(name) {
  const named = process.env[`TELEHEALTH_RULES_${name.toUpperCase()}`];
  if (named) return named;
  try {
    execFileSync(name, ['--version'], { stdio: 'ignore' });
    return name;
  } catch {
    return undefined;
  }
}

for (const [name, args] of [['deno', ['run']], ['bun', ['run']]]) {
  const runtime = findRuntime(name);
  test(`${name}: import and require() by name, no init()`, { skip: !runtime && `${name} is not installed (set TELEHEALTH_RULES_${name.toUpperCase()})` }, (t) => {
    t.diagnostic(execFileSync(runtime, ['--version'], { encoding: 'utf8' }).split('\n')[0]);
    const imported = join(scratch, `${name}.mjs`);
    const required = join(scratch, `${name}.cjs`);
    writeFileSync(imported, `import { checkLink, isReady } from 'telehealth-rules';\nconst ready = isReady();\nconst r = checkLink('doxy.me/drsmith');\nconsole.log(ready, r.verdict, r.findings[0].code, r.findings[0].fix);\n`);
    writeFileSync(required, `const { checkLink } = require('telehealth-rules');\nconsole.log(checkLink('doxy.me/drsmith').findings[0].fix);\n`);
    const go = (file) => execFileSync(runtime, [...args, file], { cwd: scratch, env, encoding: 'utf8', stdio: 'pipe' }).trim();
    assert.equal(go(imported), `false reject missing_scheme ${FIX}`);
    assert.equal(go(required), FIX);
  });
}

test("the package README's Next.js snippets are this test's app, file for file", () => {
  const readme = readFileSync(join(repo(), 'npm/README.md'), 'utf8');
  for (const path of ['app/page.js', 'app/api/check/route.js', 'app/actions.js', 'app/client.js']) {
    const source = readFileSync(join(repo(), 'tests/consumers/next-app', path), 'utf8');
    assert.ok(readme.includes(`// ${path}\n${source}\`\`\``), `npm/README.md shows tests/consumers/next-app/${path} as it is`);
  }
});
