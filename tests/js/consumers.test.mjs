// The package as its consumers get it, from the packed tarball installed into
// a scratch folder: a Vite app (production build and dev server) and a plain
// ES-module page in headless Chromium, server bundles (Vite SSR, esbuild),
// and Node without fetch. Every step reports its time as a diagnostic.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './server.mjs';
import { bin, copyFixture, installScratch, removeScratch, serveStatic, since } from './scratch.mjs';
import { cases, FILES } from './vectors.mjs';

let scratch;
let browser;
const servers = [];
const children = [];

before(async () => {
  const install = installScratch('consumers');
  scratch = install.dir;
  console.log(`# scratch install from the tarball: ${install.ms} ms (${scratch})`);
  browser = await launchChromium();
});

after(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(servers.map((s) => s.close()));
  await browser?.close();
  removeScratch(scratch, scratch && `${scratch}-away`);
});

async function serve(root) {
  const server = await serveStatic(root);
  servers.push(server);
  return server;
}

/** A page that records console errors and uncaught exceptions. */
async function openPage(url, { ready = 'true', route } = {}) {
  const page = await browser.newPage();
  const errors = [];
  const wasmRequests = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('request', (r) => r.url().endsWith('.wasm') && wasmRequests.push(r.url()));
  if (route) await route(page);
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 15_000 });
  assert.equal(await page.evaluate(() => document.body.dataset.ready), ready, `page state (${errors.join('; ')})`);
  return { page, errors, wasmRequests };
}

// The shared vectors, run in the page: each report as JSON.stringify gives it,
// through check()/checkJson() and through the typed function of its kind.
function runVectorsInPage(page, all) {
  return page.evaluate((all) => {
    const api = window.telehealthRules;
    const typed = {
      link: (r) => api.checkLink(r.input, { asOf: r.as_of, typing: r.typing }),
      instructions: (r) => api.checkInstructions(r.input, { link: r.link, asOf: r.as_of, typing: r.typing }),
      location: ({ kind, ...r }) => api.checkLocation(r),
      continuity: ({ kind, ...r }) => api.checkContinuity(r),
      session: ({ kind, ...r }) => api.checkSession(r),
    };
    return all.map((c) => {
      const generic = c.raw ? api.checkJson(c.text) : JSON.stringify(api.check(c.request));
      const viaTyped = !c.raw && c.file in typed ? JSON.stringify(typed[c.file](c.request)) : generic;
      return { generic, typed: viaTyped };
    });
  }, all);
}

// The Vite app, built once (by whichever test needs it first).
let viteBuild;
function buildViteApp() {
  if (!viteBuild) {
    const app = copyFixture('vite-app', scratch);
    const start = performance.now();
    execFileSync(bin('vite'), ['build', app], { cwd: scratch, stdio: 'pipe' });
    viteBuild = { app, dist: join(app, 'dist'), ms: since(start) };
  }
  return viteBuild;
}

const vectorCases = () =>
  cases().map((c) => ({ file: c.file, name: c.name, raw: c.request === undefined, request: c.request, text: c.text, golden: c.golden }));

test('Vite production build: the app builds, emits the wasm asset, and runs every vector in Chromium', async (t) => {
  const { app, ms } = buildViteApp();
  t.diagnostic(`vite build: ${ms} ms`);

  const assets = readdirSync(join(app, 'dist/assets'));
  const wasm = assets.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 2, `two .wasm assets, keystroke and records (${assets})`);
  const js = assets.filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(app, 'dist/assets', f), 'utf8')).join('');
  for (const module of ['keystroke', 'records']) {
    const asset = wasm.find((f) => f.startsWith(`${module}_bg`));
    assert.ok(asset, `the ${module} module is emitted (${wasm})`);
    const packaged = readFileSync(join(scratch, `node_modules/telehealth-rules/${module}_bg.wasm`));
    assert.deepEqual(readFileSync(join(app, 'dist/assets', asset)), packaged, `the ${module} asset is the package wasm, unchanged`);
    assert.ok(js.includes(`/assets/${asset}`), `the bundle points at the emitted ${module} asset`);
  }

  const server = await serve(join(app, 'dist'));
  let start = performance.now();
  const { page, errors, wasmRequests } = await openPage(`${server.url}/`);
  t.diagnostic(`page ready (3 concurrent init() calls): ${since(start)} ms`);

  // Called before init(): an Error that says to call init().
  const early = await page.evaluate(() => window.beforeInit);
  assert.equal(early.threw, true);
  assert.equal(early.isError, true);
  assert.match(early.message, /checkLink\(\).*before.*Call init\(\) once and await it/);

  // More concurrent init() calls after the load: still one fetch of each module.
  await page.evaluate(() => Promise.all(Array.from({ length: 5 }, () => window.telehealthRules.init())));
  assert.equal(wasmRequests.length, 2, `each module fetched once (${wasmRequests})`);
  assert.equal(server.hits.get(`/assets/${wasm[0]}`), 1);

  // The form works: a keystroke gives a verdict and a suggested fix.
  await page.fill('#link', 'doxy.me/drsmith');
  assert.equal(await page.textContent('#verdict'), 'reject');
  assert.match(await page.textContent('li[data-code="missing_scheme"]'), /Suggested: https:\/\/doxy\.me\/drsmith/);
  await page.fill('#link', 'https://doxy.me/drsmith');
  assert.equal(await page.textContent('#verdict'), 'accept');

  // Every shared vector, compared with the golden report line.
  const all = vectorCases();
  start = performance.now();
  const got = await runVectorsInPage(page, all);
  t.diagnostic(`${all.length} vectors (generic and typed API) in the page: ${since(start)} ms`);
  const differ = all.flatMap((c, i) => [
    ...(got[i].generic === c.golden ? [] : [`${c.file} / ${c.name}: ${got[i].generic}`]),
    ...(got[i].typed === c.golden ? [] : [`${c.file} / ${c.name} (typed API): ${got[i].typed}`]),
  ]);
  assert.deepEqual(differ, [], 'page and golden reports disagree');
  assert.deepEqual(new Set(all.map((c) => c.file)), new Set(FILES));
  assert.deepEqual(errors, []);
});

test('wrong use in the browser: clear answers, and the module is never left broken', async () => {
  const server = await serve(buildViteApp().dist);
  const { page, errors } = await openPage(`${server.url}/`);
  const answers = await page.evaluate(() => {
    const api = window.telehealthRules;
    const finding = (report) => ({ kind: report.kind, verdict: report.verdict, field: report.findings[0]?.field, message: report.findings[0]?.message });
    const cyclic = {};
    cyclic.self = cyclic;
    return {
      number: finding(api.checkLink(42)),
      missing: finding(api.checkLink()),
      badDate: finding(api.checkLink('https://doxy.me/drsmith', { asOf: '2026-02-30' })),
      optionsString: finding(api.checkLink('https://doxy.me/drsmith', '2026-11-26')),
      instructions: finding(api.checkInstructions(['not', 'text'])),
      location: finding(api.checkLocation('CA')),
      locationState: finding(api.checkLocation({ state: 6 })),
      continuity: finding(api.checkContinuity(null)),
      session: finding(api.checkSession({
        session_date: 20261201, modality: 'video', payment: 'insurance', location: 'NY',
        provider: { licenses: [{ jurisdiction: 'NY', status: 'active' }] }, client: { coverage: 'none', saved_locations: ['NY'] },
      })),
      unknownKind: finding(api.check({ kind: 'video' })),
      notObject: finding(api.check('link')),
      cyclic: finding(api.check(cyclic)),
      bigint: finding(api.check({ kind: 'link', input: 1n })),
      notJson: finding(JSON.parse(api.checkJson('{"kind":'))),
      huge: finding(JSON.parse(api.checkJson(JSON.stringify({ kind: 'instructions', input: 'x'.repeat(17_000_000) })))),
      surrogate: api.checkLink('https://zo\ud800om.us/j/1234567890').findings[0].code,
      // After all of that, a valid call still works.
      after: finding(api.checkLink('https://doxy.me/drsmith')),
    };
  });
  const rejected = (field, message) => ({ kind: 'invalid_request', verdict: 'reject', field, message });
  assert.deepEqual(answers.number, rejected('input', '"input" must be a string, not a number.'));
  assert.deepEqual(answers.missing, rejected('input', '"input" is required.'));
  assert.equal(answers.badDate.field, 'as_of');
  assert.deepEqual(answers.optionsString, rejected('', "checkLink()'s options must be an object like {asOf, locale}, not a string."));
  assert.deepEqual(answers.instructions, rejected('input', '"input" must be a string, not a list.'));
  assert.deepEqual(answers.location, rejected('', 'checkLocation() takes an object like {state, zip?, country?}, not a string.'));
  assert.deepEqual(answers.locationState, rejected('state', '"state" must be a string, not a number.'));
  assert.match(answers.continuity.message, /^checkContinuity\(\) takes an object like .*, not null\.$/);
  assert.equal(answers.session.field, 'session_date');
  assert.match(answers.session.message, /^"session_date" must be a date written YYYY-MM-DD, not a number\.$/);
  assert.equal(answers.unknownKind.field, 'kind');
  assert.equal(answers.notObject.kind, 'invalid_request');
  assert.match(answers.cyclic.message, /cannot be written as JSON/);
  assert.match(answers.bigint.message, /cannot be written as JSON.*BigInt/);
  assert.match(answers.notJson.message, /not valid JSON/);
  assert.match(answers.huge.message, /at most 16777216/);
  assert.equal(answers.surrogate, 'lookalike_characters');
  assert.deepEqual(answers.after, { kind: 'link', verdict: 'accept', field: undefined, message: undefined });
  assert.deepEqual(errors, []);
});

test('a failed init() (network error) rejects, and a later init() loads the module', async () => {
  const server = await serve(buildViteApp().dist);
  let failed = 0;
  const { page, wasmRequests } = await openPage(`${server.url}/`, {
    ready: 'error',
    route: (page) =>
      page.route('**/*.wasm', (route) => (failed++ === 0 ? route.abort('internetdisconnected') : route.continue())),
  });
  assert.match(await page.textContent('#status'), /could not be loaded/);
  assert.equal(await page.evaluate(() => { try { window.telehealthRules.checkLink('x'); return 'no error'; } catch (e) { return e.message; } }), 
    await page.evaluate(() => window.beforeInit.message));
  await page.evaluate(() => window.telehealthRules.init());
  assert.equal(await page.evaluate(() => window.telehealthRules.checkLink('https://doxy.me/drsmith').verdict), 'accept');
  // The first fetch (of either module) failed; the later init() fetched only what was still missing.
  const names = wasmRequests.map((url) => url.match(/(keystroke|records)_bg/)?.[1]).sort();
  assert.equal(names.length, 3, `each module loaded once, and the failed one fetched again (${names})`);
  assert.deepEqual([...new Set(names)], ['keystroke', 'records']);
});

test('Vite dev server with no config (dependency pre-bundling on): the page loads the wasm', async (t) => {
  const { app } = buildViteApp();
  const start = performance.now();
  const port = String(20_000 + Math.floor(Math.random() * 20_000));
  const child = spawn(bin('vite'), [app, '--host', '127.0.0.1', '--port', port, '--logLevel', 'info'], {
    cwd: scratch,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  children.push(child);
  const url = await new Promise((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`vite dev did not start: ${out}`)), 20_000);
    const read = (chunk) => {
      out += chunk;
      const match = out.match(/(http:\/\/127\.0\.0\.1:\d+)\//);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`vite dev exited (${code}): ${out}`)));
  });
  const { page, errors, wasmRequests } = await openPage(`${url}/`);
  t.diagnostic(`vite dev server up and page ready: ${since(start)} ms`);
  assert.equal(await page.evaluate(() => window.telehealthRules.checkLocation({ state: 'Calif.' }).jurisdiction.code), 'CA');
  assert.equal(wasmRequests.length, 2);
  // The package was pre-bundled into node_modules/.vite/deps/, and the wasm
  // still came from the package itself.
  assert.deepEqual(
    wasmRequests.map((url) => url.match(/\/node_modules\/telehealth-rules\/(\w+_bg\.wasm)$/)?.[1]).sort(),
    ['keystroke_bg.wasm', 'records_bg.wasm'],
  );
  assert.deepEqual(errors.filter((e) => !/\[vite\]/.test(e)), []);
  child.kill('SIGTERM');
});

test('plain browser ES module (import map, no bundler): await init(), then synchronous calls', async () => {
  const page = copyFixture('plain-esm', scratch);
  // Served from the scratch root so /node_modules/telehealth-rules/ is reachable.
  writeFileSync(join(scratch, 'index.html'), readFileSync(join(page, 'index.html')));
  const server = await serve(scratch);
  const { page: tab, errors, wasmRequests } = await openPage(`${server.url}/`);
  assert.equal(await tab.textContent('#out'), 'reject https://doxy.me/drsmith CA');
  const early = await tab.evaluate(() => window.beforeInit);
  assert.equal(early.isError, true);
  assert.match(early.message, /init\(\)/);
  assert.equal(server.hits.get('/node_modules/telehealth-rules/keystroke_bg.wasm'), 1);
  assert.equal(server.hits.get('/node_modules/telehealth-rules/records_bg.wasm'), 1);
  assert.equal(wasmRequests.length, 2);
  assert.deepEqual(errors, []);
});

test('server bundles resolve the node condition and work with no init(): Vite SSR and esbuild', async (t) => {
  const dir = join(scratch, 'ssr');
  mkdirSync(dir, { recursive: true });
  // Uses one function only: with `sideEffects: false` nothing it needs may be dropped.
  writeFileSync(join(dir, 'entry.mjs'), `import { checkLink } from 'telehealth-rules';\nconsole.log(checkLink('doxy.me/drsmith', { asOf: '2026-11-26' }).findings[0].fix);\n`);
  writeFileSync(
    join(dir, 'vite.config.mjs'),
    `export default { logLevel: 'warn', ssr: { noExternal: true }, build: { ssr: 'entry.mjs', outDir: 'dist', emptyOutDir: true } };\n`,
  );
  let start = performance.now();
  execFileSync(bin('vite'), ['build', dir], { cwd: dir, stdio: 'pipe' });
  t.diagnostic(`vite SSR build (package bundled in): ${since(start)} ms`);
  assert.equal(execFileSync('node', [join(dir, 'dist/entry.js')], { encoding: 'utf8' }).trim(), 'https://doxy.me/drsmith');

  start = performance.now();
  execFileSync(bin('esbuild'), ['entry.mjs', '--bundle', '--platform=node', '--format=esm', '--outfile=out/entry.mjs', '--log-level=warning'], { cwd: dir });
  t.diagnostic(`esbuild --platform=node bundle: ${since(start)} ms`);
  assert.equal(execFileSync('node', [join(dir, 'out/entry.mjs')], { encoding: 'utf8' }).trim(), 'https://doxy.me/drsmith');
  // The browser build of the same entry takes the default (browser) entry.
  execFileSync(bin('esbuild'), ['entry.mjs', '--bundle', '--platform=browser', '--format=esm', '--outfile=web/entry.mjs', '--log-level=error'], { cwd: dir });
  const web = readFileSync(join(dir, 'web/entry.mjs'), 'utf8');
  assert.ok(!web.includes('node:fs') && web.includes('Call init()'), 'browser bundle uses index.js');

  // A bundle moved away from node_modules still works: the module is in it.
  const away = `${scratch}-away`;
  cpSync(join(dir, 'out'), away, { recursive: true });
  assert.equal(execFileSync('node', [join(away, 'entry.mjs')], { cwd: away, encoding: 'utf8' }).trim(), 'https://doxy.me/drsmith');
  // The Vite SSR build (the package bundled in) holds no path into node_modules either.
  assert.doesNotMatch(readFileSync(join(dir, 'dist/entry.js'), 'utf8'), /readFileSync|import\.meta\.resolve|file:\/\//);
});

test('Node 20: import by name works with no fetch and no init(); require() works too, in every Node 20', () => {
  writeFileSync(
    join(scratch, 'nofetch.mjs'),
    `delete globalThis.fetch;\nconst { checkLocation, ruleset } = await import('telehealth-rules');\nconsole.log(checkLocation({ state: 'Calif.' }).jurisdiction.code, ruleset);\n`,
  );
  const [code, ruleset] = execFileSync('node', ['nofetch.mjs'], { cwd: scratch, encoding: 'utf8' }).trim().split(' ');
  assert.equal(code, 'CA');
  assert.match(ruleset, /^\d{4}\.\d{2}\.\d{2}$/);
  // require() gets the CommonJS entry (not require(esm), which needs Node 20.19+).
  writeFileSync(join(scratch, 'required.cjs'), `const { checkLink } = require('telehealth-rules');\nconsole.log(checkLink('https://doxy.me/drsmith').verdict, require.resolve('telehealth-rules').endsWith('node.cjs'));\n`);
  assert.equal(execFileSync('node', ['--no-experimental-require-module', 'required.cjs'], { cwd: scratch, encoding: 'utf8' }).trim(), 'accept true');
  // No fetch, no file read: the module is in the entry.
  writeFileSync(join(scratch, 'nofs.mjs'), `import fs from 'node:fs';\nimport { syncBuiltinESMExports } from 'node:module';\nfs.readFileSync = () => { throw new Error('read a file'); };\nsyncBuiltinESMExports();\ndelete globalThis.fetch;\nconst { checkLink, isReady, initSync } = await import('telehealth-rules');\nconst before = isReady();\ninitSync();\nconsole.log(before, isReady(), checkLink('doxy.me/drsmith').findings[0].fix);\n`);
  assert.equal(execFileSync('node', ['nofs.mjs'], { cwd: scratch, encoding: 'utf8' }).trim(), 'false true https://doxy.me/drsmith');
});

test('checkLink never waits for the records module: initKeystroke() fetches one module; preloadRecords() the other', async () => {
  writeFileSync(
    join(scratch, 'keystroke.html'),
    `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="importmap">{ "imports": { "telehealth-rules": "/node_modules/telehealth-rules/index.js" } }</script>
<script type="module">
  import { initKeystroke, preloadRecords, isReady, checkLink, checkInstructions, checkLocation } from 'telehealth-rules';
  const out = {};
  await initKeystroke();
  out.afterKeystroke = { keystroke: isReady('keystroke'), records: isReady('records'), both: isReady() };
  out.link = checkLink('doxy.me/drsmith', { asOf: '2026-11-26' }).findings[0].fix;
  out.instructions = checkInstructions('Call (646) 558-8656', { link: 'https://doxy.me/drsmith' }).findings.map((f) => f.code);
  try { checkLocation({ state: 'CA' }); out.location = 'answered'; } catch (error) { out.location = error.message; }
  window.out = out;
  document.body.dataset.ready = 'true';
  window.preload = () => preloadRecords().then(() => ({ records: isReady('records'), ca: checkLocation({ state: 'Calif.' }).jurisdiction.code }));
</script></head><body></body></html>`,
  );
  const server = await serve(scratch);
  const { page, errors, wasmRequests } = await openPage(`${server.url}/keystroke.html`);
  const out = await page.evaluate(() => window.out);
  assert.deepEqual(out.afterKeystroke, { keystroke: true, records: false, both: false });
  assert.equal(out.link, 'https://doxy.me/drsmith');
  assert.deepEqual(out.instructions, ['phone_number']);
  assert.match(out.location, /checkLocation\(\) was called before its wasm module was loaded/);
  assert.deepEqual(wasmRequests.map((url) => url.split('/').at(-1)), ['keystroke_bg.wasm'], 'only the keystroke module was fetched');
  assert.deepEqual(await page.evaluate(() => window.preload()), { records: true, ca: 'CA' });
  assert.deepEqual(wasmRequests.map((url) => url.split('/').at(-1)), ['keystroke_bg.wasm', 'records_bg.wasm']);
  assert.deepEqual(errors, []);
});

test('init() given something that is not the module rejects naming the URL, the status, the content type and the fix; then initSync(bytes) and isReady() in the browser', async () => {
  writeFileSync(
    join(scratch, 'errors.html'),
    `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="importmap">{ "imports": { "telehealth-rules": "/node_modules/telehealth-rules/index.js" } }</script>
<script type="module">
  import { init, initKeystroke, initSync, isReady, checkLink } from 'telehealth-rules';
  const failure = (source) => initKeystroke(source).then(() => 'resolved', (error) => error.message);
  const out = { readyFirst: isReady() };
  out.missing = await failure('/missing.wasm');
  out.html = await failure(new URL('/errors.html', location.href));
  out.garbage = await failure(new Uint8Array([0x3c, 0x21, 0x64, 0x6f]));
  out.oneSource = await init('/missing.wasm').then(() => 'resolved', (error) => error.message);
  try { initSync(); } catch (error) { out.initSyncNoBytes = error.message; }
  out.readyAfterFailures = isReady('keystroke');
  const bytes = await (await fetch('/node_modules/telehealth-rules/keystroke_bg.wasm')).arrayBuffer();
  initSync({ keystroke: bytes });
  out.readyAfterInitSync = isReady('keystroke');
  out.bothReady = isReady();
  out.fix = checkLink('doxy.me/drsmith').findings[0].fix;
  window.out = out;
  document.body.dataset.ready = 'true';
</script></head><body></body></html>`,
  );
  const server = await serve(scratch);
  const { page, errors } = await openPage(`${server.url}/errors.html`);
  const out = await page.evaluate(() => window.out);
  assert.equal(out.readyFirst, false);
  assert.match(out.missing, new RegExp(`init\\(\\) fetched ${server.url}/missing\\.wasm and got 404 Not Found \\(text/plain\\), not keystroke_bg\\.wasm\\. .*pass its URL, \`await init\\(\\{keystroke: url\\}\\)\``));
  assert.match(out.html, new RegExp(`init\\(\\) fetched ${server.url}/errors\\.html and got 200 OK \\(text/html; charset=utf-8\\), which is not keystroke_bg\\.wasm but an HTML page \\(it starts with 3c 21 64 6f; a wasm module starts with 00 61 73 6d\\)\\. A bundler copies`));
  assert.match(out.garbage, /the bytes given to init\(\) are not a wasm module \(it starts with 3c 21 64 6f/);
  assert.match(out.oneSource, /init\(\) takes \{keystroke, records\}: the package has two wasm modules/);
  assert.match(out.initSyncNoBytes, /initSync\(\) needs the bytes of keystroke_bg\.wasm or a WebAssembly\.Module in the browser; or await init\(\)/);
  assert.equal(out.readyAfterFailures, false);
  assert.equal(out.readyAfterInitSync, true);
  assert.equal(out.bothReady, false, 'the records module is not loaded by initSync({keystroke})');
  assert.equal(out.fix, 'https://doxy.me/drsmith');
  // The browser's own log of the 404 is the only console error.
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
});
