// The settings page's files as `telehealth-rules serve` sends them: the
// precompressed variants scripts/compress-www.mjs makes, chosen by
// Accept-Encoding, with the file's own Content-Type, `Vary: Accept-Encoding`
// and its validators; the file itself while a variant is older than it.
// Runs on a copy of www/'s source, built there, so the repository's folder is
// not written to.
//
//   cargo build --bin telehealth-rules && make pkg
//   node --test tests/js/page-files.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request, serve } from './server.mjs';

const repo = resolve(import.meta.dirname, '../..');
let folder;
let server;

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'telehealth-rules-www-'));
  // The page's source; the copy is built (scripts/build-www.mjs, from pkg/) and compressed as `make www` does.
  cpSync(join(repo, 'www'), folder, {
    recursive: true,
    filter: (path) => !/\.(br|gz)$/.test(path) && !/[\\/]www[\\/](build|index\.html)$/.test(path),
  });
  execFileSync(process.execPath, [join(repo, 'scripts/build-www.mjs'), folder], { stdio: 'ignore' });
  execFileSync(process.execPath, [join(repo, 'scripts/compress-www.mjs'), folder], { stdio: 'ignore' });
  server = await serve(['--www', folder]);
});

after(async () => {
  await server?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** One request; resolves to {status, headers, body} with the body's bytes as sent (not decoded). */
const get = (path, headers = {}, method = 'GET') => request(server, { method, path, headers });

const BROWSER = 'gzip, deflate, br, zstd';
const TYPES = { html: /^text\/html/, js: /^text\/javascript/, css: /^text\/css/, wasm: /^application\/wasm/ };

test('every page file is sent brotli to a browser, gzip to a gzip-only client, as is otherwise: the same bytes, type and Vary', async () => {
  const names = readdirSync(folder).filter((n) => /\.(html|js|css)$/.test(n));
  assert.ok(names.length >= 15, names.join(' '));
  for (const name of names) {
    const original = readFileSync(join(folder, name));
    const type = TYPES[name.split('.').pop()];
    const br = await get(`/${name}`, { 'accept-encoding': BROWSER });
    assert.equal(br.status, 200, name);
    assert.equal(br.headers['content-encoding'], 'br', name);
    assert.match(br.headers['content-type'], type, name);
    assert.match(br.headers.vary ?? '', /accept-encoding/i, name);
    assert.ok(br.body.length < original.length, `${name}: ${br.body.length} bytes compressed, ${original.length} as is`);
    assert.deepEqual(brotliDecompressSync(br.body), original, name);

    const gz = await get(`/${name}`, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip', name);
    assert.match(gz.headers['content-type'], type, name);
    assert.deepEqual(gunzipSync(gz.body), original, name);

    const plain = await get(`/${name}`);
    assert.equal(plain.headers['content-encoding'], undefined, name);
    assert.match(plain.headers.vary ?? '', /accept-encoding/i, name);
    assert.deepEqual(plain.body, original, name);
  }
});

test('the built page: its scripts and the wasm beside them are sent brotli, with their types; the HTML names only files that are there', async () => {
  const html = readFileSync(join(folder, 'index.html'), 'utf8');
  assert.match(html, /<script type="module" src="\/build\/page-\w+\.js"><\/script>/);
  assert.doesNotMatch(html, /build:scripts/, 'the source block was replaced');
  const named = [...html.matchAll(/(?:src|href)="(\/build\/[^"]+)"/g)].map((m) => m[1]);
  assert.ok(named.includes('/build/keystroke_bg.wasm'), named.join(' '));
  const built = readdirSync(join(folder, 'build')).filter((n) => /\.(js|wasm)$/.test(n)).map((n) => `/build/${n}`);
  assert.ok(built.includes('/build/records_bg.wasm'), built.join(' '));
  for (const path of new Set([...named, ...built])) {
    const original = readFileSync(join(folder, path));
    const br = await get(path, { 'accept-encoding': BROWSER });
    assert.equal(br.status, 200, path);
    assert.equal(br.headers['content-encoding'], 'br', path);
    assert.match(br.headers['content-type'], TYPES[path.split('.').pop()], path);
    assert.deepEqual(brotliDecompressSync(br.body), original, path);
  }
  // The wasm is the package's, copied as it is.
  assert.deepEqual(readFileSync(join(folder, 'build/keystroke_bg.wasm')), readFileSync(join(repo, 'pkg/keystroke_bg.wasm')));
});

test('the page at / is index.html, compressed; HEAD and If-Modified-Since answer for the variant sent', async () => {
  const page = await get('/', { 'accept-encoding': BROWSER });
  assert.equal(page.status, 200);
  assert.equal(page.headers['content-encoding'], 'br');
  assert.match(page.headers['content-type'], /^text\/html/);
  assert.deepEqual(brotliDecompressSync(page.body), readFileSync(join(folder, 'index.html')));
  assert.match(page.headers['content-security-policy'], /default-src 'self'/);
  assert.equal(page.headers['cache-control'], 'no-cache');

  const head = await get('/app.js', { 'accept-encoding': BROWSER }, 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.headers['content-encoding'], 'br');
  assert.equal(Number(head.headers['content-length']), readFileSync(join(folder, 'app.js.br')).length);
  assert.equal(head.body.length, 0);

  const modified = head.headers['last-modified'];
  assert.ok(modified, 'a validator');
  const again = await get('/app.js', { 'accept-encoding': BROWSER, 'if-modified-since': modified });
  assert.equal(again.status, 304);
  assert.match(again.headers.vary ?? '', /accept-encoding/i);
});

test('a file edited after its variants were made is sent as it is now, never its old compressed copy', async () => {
  const file = join(folder, 'store.js');
  const edited = `${readFileSync(file, 'utf8')}\n// edited after compress-www\n`;
  writeFileSync(file, edited);
  // Its variants were made a minute before the edit.
  const earlier = new Date(Date.now() - 60_000);
  for (const suffix of ['.br', '.gz']) utimesSync(file + suffix, earlier, earlier);
  for (const encoding of [BROWSER, 'gzip', undefined]) {
    const answer = await get('/store.js', encoding ? { 'accept-encoding': encoding } : {});
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['content-encoding'], undefined, `Accept-Encoding ${encoding}`);
    assert.match(answer.headers['content-type'], /^text\/javascript/);
    assert.match(answer.headers.vary ?? '', /accept-encoding/i);
    assert.equal(answer.body.toString('utf8'), edited);
  }
  // Made again, the variants are sent again.
  execFileSync(process.execPath, [join(repo, 'scripts/compress-www.mjs'), folder], { stdio: 'ignore' });
  const fresh = await get('/store.js', { 'accept-encoding': BROWSER });
  assert.equal(fresh.headers['content-encoding'], 'br');
  assert.equal(brotliDecompressSync(fresh.body).toString('utf8'), edited);
});

test('compress-www removes the variants of a file that is gone', () => {
  writeFileSync(join(folder, 'gone.js'), 'export const gone = true;\n');
  execFileSync(process.execPath, [join(repo, 'scripts/compress-www.mjs'), folder], { stdio: 'ignore' });
  assert.ok(readdirSync(folder).includes('gone.js.br'));
  rmSync(join(folder, 'gone.js'));
  execFileSync(process.execPath, [join(repo, 'scripts/compress-www.mjs'), folder], { stdio: 'ignore' });
  assert.deepEqual(readdirSync(folder).filter((n) => n.startsWith('gone.')), []);
});
