// A scratch consumer folder with the package installed from its packed
// tarball, as a newcomer gets it (`npm pack pkg`, then `npm install <tgz>`),
// plus a static file server for the browser consumers.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

export const repo = resolve(import.meta.dirname, '../..');
export const bin = (name) => join(repo, 'node_modules/.bin', name);

/**
 * Packs pkg/ and installs the tarball into a new scratch folder: {dir, tarball, ms}.
 * The folder is made in `under` (the system's temporary folder by default).
 */
export function installScratch(prefix, under = tmpdir()) {
  const started = performance.now();
  const dir = mkdtempSync(join(under, `telehealth-rules-${prefix}-`));
  execFileSync('npm', ['pack', join(repo, 'pkg'), '--pack-destination', dir, '--silent'], { stdio: 'pipe' });
  const tarball = join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz')));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${prefix}`, private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--silent', tarball], { cwd: dir, stdio: 'pipe' });
  return { dir, tarball, ms: Math.round(performance.now() - started) };
}

/** Removes scratch folders, unless TELEHEALTH_RULES_KEEP_SCRATCH=1 (to look inside after a failure). */
export function removeScratch(...dirs) {
  if (process.env.TELEHEALTH_RULES_KEEP_SCRATCH === '1') return;
  for (const dir of dirs) if (dir) rmSync(dir, { recursive: true, force: true });
}

/** Copies a fixture folder from tests/consumers/ into the scratch folder. */
export function copyFixture(name, dir) {
  const to = join(dir, name);
  cpSync(join(repo, 'tests/consumers', name), to, { recursive: true, filter: (src) => !/node_modules|dist$/.test(src) });
  return to;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css', '.map': 'application/json',
};

/**
 * Serves `root` on a free loopback port: {url, hits, close}. `hits` counts
 * requests per path (to prove the .wasm is fetched once).
 */
export function serveStatic(root) {
  const hits = new Map();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    hits.set(path, (hits.get(path) ?? 0) + 1);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      done({
        url: `http://127.0.0.1:${server.address().port}`,
        hits,
        close: () => new Promise((closed) => server.close(closed)),
      });
    });
  });
}

/** Milliseconds since `start`, rounded. */
export const since = (start) => Math.round(performance.now() - start);
