// The browser entries' loading as a React or form app relies on it, run in
// Node with `fetch` standing in for the network (each case in a fresh
// process, so that no module is loaded before it starts): one promise per
// module on every call, an explicit source honoured while a default load is
// under way, a failed load retried, the errors of a call made too early or
// with wrong arguments, the Standard Schema validators before and after the
// load, locale tags, the keystroke-only entry and the schema entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { repo } from './scratch.mjs';

const pkg = join(repo, 'pkg');
const entry = (name) => JSON.stringify(pathToFileURL(join(pkg, name)).href);

// `fetch` for file: URLs of pkg/, with `serve(url)` deciding each answer:
// 'file' (the file), 404, or 'hang' (never answers). Counts fetches per file.
const PRELUDE = `
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
globalThis.fetches = {};
globalThis.serve = () => 'file';
globalThis.fetch = async (url) => {
  const name = String(url).split('/').pop();
  globalThis.fetches[name] = (globalThis.fetches[name] ?? 0) + 1;
  const how = globalThis.serve(name);
  if (how === 'hang') return new Promise(() => {});
  if (how === 404) return new Response('<!doctype html><p>Not found', { status: 404, headers: { 'content-type': 'text/html' } });
  return new Response(readFileSync(fileURLToPath(url)), { headers: { 'content-type': 'application/wasm' } });
};
const bytes = (name) => readFileSync(new URL(name, ${JSON.stringify(pathToFileURL(`${pkg}/`).href)}));
const out = (value) => process.stdout.write(JSON.stringify(value) + '\\n');
const error = (f) => { try { f(); return null; } catch (e) { return e.constructor.name + ': ' + e.message; } };
`;

/** Runs `body` (an async module body) in a fresh Node; its out(...) lines as values. */
function run(body) {
  const text = execFileSync(process.execPath, ['--input-type=module', '-e', `${PRELUDE}\n${body}`], { encoding: 'utf8', cwd: repo });
  return text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

test('one promise per module: the same object on every call, pending and once loaded, marked for React use()', () => {
  const [same, afterwards, status, both] = run(`
    const rules = await import(${entry('index.js')});
    const a = rules.initKeystroke();
    const b = rules.initKeystroke();
    const all = rules.init();
    out(a === b && all === rules.init());
    await a;
    out(rules.initKeystroke() === a && a.status === 'fulfilled');
    await all;
    out([all.status, rules.init() === all, rules.initRecords() === rules.initRecords()]);
    out(fetches);
  `);
  assert.equal(same, true, 'the same promise while loading');
  assert.equal(afterwards, true, 'the same promise once loaded, status fulfilled');
  assert.deepEqual(status, ['fulfilled', true, true]);
  assert.deepEqual(both, { 'keystroke_bg.wasm': 1, 'records_bg.wasm': 1 }, 'one fetch per module');
});

test('a function called before its module loads throws an Error naming it and the fix; wrong arguments throw a TypeError naming the argument, loaded or not', () => {
  const [early, typeEarly, optionEarly, locationEarly, typeLoaded, recordsEarly] = run(`
    const rules = await import(${entry('index.js')});
    out(error(() => rules.checkLink('https://doxy.me/drsmith')));
    out(error(() => rules.checkLink(42)));
    out(error(() => rules.checkLink('https://doxy.me/drsmith', { asOf: '2026-02-30' })));
    out(error(() => rules.checkLocation('CA')));
    await rules.initKeystroke();
    out(error(() => rules.checkInstructions('x', { link: 7 })));
    out(error(() => rules.checkLocation({ state: 'CA' })));
  `);
  assert.equal(early, 'Error: telehealth-rules: checkLink() ran before the keystroke module loaded: `await initKeystroke()` first (or init(); in React, `use(initKeystroke())` inside <Suspense>).');
  assert.equal(typeEarly, 'TypeError: telehealth-rules: checkLink(): input must be a string, not a number.');
  assert.match(optionEarly, /^TypeError: telehealth-rules: checkLink\(\): options\.asOf must be a date written YYYY-MM-DD/);
  assert.equal(locationEarly, 'TypeError: telehealth-rules: checkLocation(): location must be an object like {state, zip?, country?}, not the string "CA".');
  assert.match(typeLoaded, /^TypeError: telehealth-rules: checkInstructions\(\): options\.link must be the provider's link, a string, not a number\.$/);
  assert.match(recordsEarly, /^Error: telehealth-rules: checkLocation\(\) ran before the records module loaded: `await initRecords\(\)` first/);
});

test('a failed load can be retried: init().catch(() => init({...})) loads from the source given', () => {
  const [failed, retried, report] = run(`
    const rules = await import(${entry('index.js')});
    serve = () => 404;
    const first = rules.init();
    const reason = await first.then(() => null, (e) => e.message);
    out(reason);
    const second = rules.init({ keystroke: bytes('keystroke_bg.wasm'), records: bytes('records_bg.wasm') });
    out([second !== first, await second.then(() => 'loaded', (e) => e.message)]);
    out(rules.checkLink('doxy.me/drsmith').findings[0].fix);
  `);
  assert.match(failed, /init\(\) fetched .*keystroke_bg\.wasm and got 404/);
  assert.deepEqual(retried, [true, 'loaded']);
  assert.equal(report, 'https://doxy.me/drsmith');
});

test('an explicit source while the default load is pending is loaded, and fulfils the promise callers already hold', () => {
  const [same, status, result] = run(`
    const rules = await import(${entry('index.js')});
    serve = () => 'hang';
    const pending = rules.initKeystroke();
    const explicit = rules.initKeystroke(bytes('keystroke_bg.wasm'));
    out(pending === explicit);
    await pending;
    out([pending.status, rules.isReady('keystroke')]);
    out(rules.checkLink('https://doxy.me/drsmith').verdict);
  `);
  assert.equal(same, true);
  assert.deepEqual(status, ['fulfilled', true]);
  assert.equal(result, 'accept');
});

test('Standard Schema validators: a promise until the module loads (which validate starts), then plain results', () => {
  const [first, afterwards, review, location, badOption] = run(`
    const rules = await import(${entry('index.js')});
    const link = rules.linkSchema();
    const before = link['~standard'].validate('doxy.me/drsmith');
    out([before instanceof Promise, await before]);
    out(link['~standard'].validate('https://doxy.me/drsmith?utm_source=mail'));
    out([link['~standard'].validate('https://meet.example.org/room'), rules.linkSchema({ allowReview: true })['~standard'].validate('https://meet.example.org/room')]);
    const place = rules.locationSchema();
    out(await place['~standard'].validate({ state: 'Calif.', zip: '10001' }));
    out(rules.linkSchema({ asOf: '2026-02-30' })['~standard'].validate('https://doxy.me/drsmith'));
  `);
  assert.equal(first[0], true);
  assert.deepEqual(first[1].issues.map((i) => [i.code, i.severity, i.fix]), [['missing_scheme', 'error', 'https://doxy.me/drsmith']]);
  assert.equal(typeof first[1].issues[0].message, 'string');
  assert.deepEqual(afterwards, { value: 'https://doxy.me/drsmith' }, 'a plain result, the normalized link');
  assert.deepEqual(review[0].issues.map((i) => i.code), ['unknown_platform']);
  assert.deepEqual(review[1], { value: 'https://meet.example.org/room' });
  assert.deepEqual(location.issues.map((i) => [i.code, i.path]), [['zip_state_mismatch', ['zip']]]);
  // validate never throws: options checkLink refuses come back as the issue.
  assert.equal(badOption.issues[0].code, 'invalid_request');
  assert.match(badOption.issues[0].message, /checkLink\(\): options\.asOf must be a date/);
});

test('locale tags in the browser entry: es-MX loads and gives Spanish, the report says es; fr gives English and says en; the same bytes as the records module', () => {
  const [spanish, french, same] = run(`
    const rules = await import(${entry('index.js')});
    await rules.init();
    await rules.loadLocale('es-MX');
    const es = rules.checkLink('doxy.me/drsmith', { locale: 'es-MX', asOf: '2026-11-26' });
    out([es.locale, es.findings[0].message]);
    const fr = rules.checkInstructions('Call 555-123-4567', { locale: 'fr' });
    out([fr.locale, fr.findings[0].code]);
    out(JSON.stringify(es) === rules.checkJson(JSON.stringify({ kind: 'link', input: 'doxy.me/drsmith', as_of: '2026-11-26', locale: 'es-MX' })));
  `);
  assert.equal(spanish[0], 'es');
  assert.match(spanish[1], /enlace/);
  assert.deepEqual(french, ['en', 'phone_number']);
  assert.equal(same, true);
});

/** The names of the files with code in esbuild's browser bundle of `contents` (after tree shaking). */
async function bundled(contents) {
  const bundle = await build({
    stdin: { contents, resolveDir: repo },
    alias: { 'telehealth-rules/keystroke': join(pkg, 'keystroke-only.js'), 'telehealth-rules/schema': join(pkg, 'standard-schema.js') },
    bundle: true, format: 'esm', platform: 'browser', write: false, metafile: true, logLevel: 'silent', outfile: 'out.js',
  });
  const [output] = Object.values(bundle.metafile.outputs);
  return Object.entries(output.inputs).filter(([, { bytesInOutput }]) => bytesInOutput > 0).map(([p]) => p.split('/').pop());
}

test('telehealth-rules/keystroke: a bundle of it carries no records glue and no Standard Schema validators, and it checks links', async () => {
  const bundle = await build({
    stdin: { contents: "export * from 'telehealth-rules/keystroke';", resolveDir: repo },
    alias: { 'telehealth-rules/keystroke': join(pkg, 'keystroke-only.js') },
    bundle: true, format: 'esm', platform: 'browser', write: false, metafile: true, logLevel: 'silent',
  });
  const inputs = Object.keys(bundle.metafile.inputs).map((p) => p.split('/').pop());
  assert.ok(inputs.includes('keystroke.js'), inputs.join());
  assert.ok(!inputs.includes('records.js'), `no records glue: ${inputs.join()}`);
  assert.ok(!inputs.includes('schema.js'), `no validators: ${inputs.join()}`);
  const [ready, result, missing] = run(`
    const rules = await import(${entry('keystroke-only.js')});
    out(rules.isReady());
    await rules.initKeystroke();
    out([rules.checkLink('doxy.me/drsmith').findings[0].code]);
    out(['check', 'checkLocation', 'init', 'linkSchema', 'instructionsSchema', 'objectSchema'].filter((name) => name in rules));
  `);
  assert.equal(ready, false);
  assert.deepEqual(result, ['missing_scheme']);
  assert.deepEqual(missing, []);
});

test('telehealth-rules/schema: the validators over the modules the other entries load; a bundle without locationSchema carries no records glue', async () => {
  const links = await bundled("export { linkSchema, instructionsSchema, objectSchema } from 'telehealth-rules/schema';");
  assert.ok(links.includes('keystroke.js') && links.includes('schema.js'), links.join());
  assert.ok(!links.includes('records.js'), `no records glue without locationSchema: ${links.join()}`);
  const all = await bundled("export * from 'telehealth-rules/schema';");
  assert.ok(all.includes('records.js'), `locationSchema brings the records glue: ${all.join()}`);
  const [names, before, shared, location, fetched] = run(`
    const schema = await import(${entry('standard-schema.js')});
    const only = await import(${entry('keystroke-only.js')});
    const full = await import(${entry('index.js')});
    out(Object.keys(schema).sort());
    const early = schema.linkSchema()['~standard'].validate('doxy.me/drsmith');
    out(early instanceof Promise);
    await only.initKeystroke();
    const link = schema.linkSchema()['~standard'].validate('https://doxy.me/drsmith');
    const form = schema.objectSchema({ link: schema.linkSchema(), instructions: schema.instructionsSchema() })['~standard'].validate({ link: 'https://doxy.me/drsmith', instructions: 'Call 555-123-4567' });
    out([(await early).issues[0].code, link, form.issues.map((i) => [i.path, i.code]), full.linkSchema === schema.linkSchema]);
    out(await schema.locationSchema()['~standard'].validate({ state: 'Calif.', zip: '94110' }));
    out([fetches, full.isReady('records')]);
  `);
  assert.deepEqual(names, ['instructionsSchema', 'linkSchema', 'locationSchema', 'objectSchema']);
  assert.equal(before, true, 'a promise before the keystroke module is loaded');
  assert.deepEqual(shared, ['missing_scheme', { value: 'https://doxy.me/drsmith' }, [[['instructions'], 'phone_number']], true]);
  assert.deepEqual(location, { value: { state: 'CA', zip: '94110' } });
  assert.deepEqual(fetched, [{ 'keystroke_bg.wasm': 1, 'records_bg.wasm': 1 }, true], 'one fetch per module, shared with the full entry');
});

test('the two browser entries share one keystroke module: loaded through one, ready in the other, one fetch; a call without a source joins an explicit load', () => {
  const [shared, fetched] = run(`
    const full = await import(${entry('index.js')});
    const only = await import(${entry('keystroke-only.js')});
    const loading = only.initKeystroke(bytes('keystroke_bg.wasm'));
    const joined = full.initKeystroke();
    await joined;
    out([loading === joined, full.isReady('keystroke'), full.checkLink('doxy.me/drsmith').findings[0].code, only.checkLink('doxy.me/drsmith').findings[0].code]);
    out(fetches);
  `);
  assert.deepEqual(shared, [true, true, 'missing_scheme', 'missing_scheme']);
  assert.deepEqual(fetched, {}, 'nothing fetched: the bytes given were loaded');
});
