// Runs the browser benchmark page (bench/) in headless Chromium through
// playwright-core, once per package build, and prints per-call p50/p99,
// the ratios to validator.js isURL and new URL(), and the ready time.
//
//   node scripts/bench-browser.mjs [--runs N] [--rounds N] [--out DIR] [NAME=DIR ...]
//
// NAME=DIR pairs name the package builds to compare (a directory holding
// telehealth_rules_bg.wasm, telehealth_rules.js, index.js, api.js and
// ruleset.js, as pkg/ does); default: pkg=pkg. scripts/bench.sh passes the
// opt-level variants it builds under target/bench/variants/.
//
// The pages are served by a small static server on 127.0.0.1 written here:
// same-origin scripts only, 'wasm-unsafe-eval' (the policy the product's own
// server sends), and COOP/COEP so the page is cross-origin isolated, which
// makes Chromium's performance.now() step 5 µs instead of 100 µs.
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { launchChromium } from '../tests/js/server.mjs';

const repo = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const [value] = args.splice(at, 2).slice(1);
  return value;
};
const runs = Number(option('--runs', 2));
const rounds = Number(option('--rounds', 20));
const outDir = resolve(repo, option('--out', 'target/bench/results'));
const builds = (args.length ? args : ['pkg=pkg']).map((pair) => {
  const [name, dir] = pair.split('=');
  return { name, dir: resolve(repo, dir) };
});

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};
const HEADERS = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; object-src 'none'; base-uri 'none'",
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

// URL prefix -> directory.
const mounts = [
  ['/validator/', join(repo, 'node_modules/validator')],
  ...builds.map((b) => [`/variants/${b.name}/`, b.dir]),
  ['/', join(repo, 'bench')],
];

function serve(request, response) {
  const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
  if (path === '/favicon.ico') {
    response.writeHead(204, HEADERS).end();
    return;
  }
  const [prefix, dir] = mounts.find(([p]) => path.startsWith(p)) ?? [];
  const file = dir && resolve(dir, `.${sep}${path.slice(prefix.length) || 'index.html'}`);
  if (!file || !file.startsWith(dir) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
    response.writeHead(404, HEADERS).end('not found');
    return;
  }
  response.writeHead(200, { ...HEADERS, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  response.end(readFileSync(file));
}

const server = createServer(serve);
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();
mkdirSync(outDir, { recursive: true });

const f = (v, digits = 3) => (Number.isFinite(v) ? v.toFixed(digits) : String(v));
const all = [];
try {
  for (let run = 1; run <= runs; run++) {
    for (const build of builds) {
      const page = await browser.newPage();
      page.on('pageerror', (e) => console.error(`[page error] ${e}`));
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') console.error(`[page ${m.type()}] ${m.text()}`);
      });
      const url = `${origin}/index.html?pkg=/variants/${build.name}/&rounds=${rounds}`;
      await page.goto(url);
      await page.waitForFunction(() => window.__bench?.done, null, { timeout: 15 * 60_000, polling: 1000 });
      const result = await page.evaluate(() => window.__bench);
      await page.close();
      if (result.error) throw new Error(`${build.name}: ${result.error}`);
      result.build = build.name;
      result.run = run;
      result.wasmBytes = statSync(join(build.dir, 'telehealth_rules_bg.wasm')).size;
      all.push(result);
      writeFileSync(join(outDir, `browser-${build.name}-run${run}.json`), `${JSON.stringify(result, null, 2)}\n`);

      console.log(`\n== ${build.name} (run ${run}; ${result.wasmBytes} bytes of wasm; isolated ${result.crossOriginIsolated}, timer step ${f(result.timerResolutionUs, 1)} µs; ${result.linkInputs} link prefixes, ${result.locationInputs} location inputs, ${result.rounds} rounds)`);
      console.table(Object.fromEntries(result.results.map((r) => [r.name, {
        'p50 µs': f(r.p50), 'p99 µs': f(r.p99), 'mean µs': f(r.mean), 'typing-order mean µs': f(r.sequenceMean),
        batch: r.batch, 'single p50 µs': f(r.single.p50, 1), 'single p99 µs': f(r.single.p99, 1), 'single >10µs': `${f(100 * r.single.over10us, 2)}%`,
      }])));
      console.table(Object.fromEntries(Object.entries(result.ratios).map(([k, v]) => [k, { p50: f(v.p50, 2), p99: f(v.p99, 2), mean: f(v.mean, 2) }])));
      const rd = result.ready;
      console.table(Object.fromEntries(['initWithBytes', 'compile', 'instantiate', 'firstCall', 'secondCall', 'compileSync', 'compileSameBytes'].map((k) => [k, {
        'median ms': f(rd[k].p50), 'p90 ms': f(rd[k].p90), 'max ms': f(rd[k].max), n: rd[k].n,
      }])));
    }
  }
} finally {
  await browser.close();
  server.close();
}

// One line per build and run, for BENCHMARKS.md.
console.log('\nsummary (µs per call; ready in ms):');
for (const r of all) {
  const by = Object.fromEntries(r.results.map((x) => [x.name, x]));
  console.log(`${r.build} run${r.run}: checkLink p50 ${f(by.checkLink.p50)} p99 ${f(by.checkLink.p99)} | raw p50 ${f(by['checkLinkJson (raw, no JSON.parse)'].p50)} | isURL p50 ${f(by['validator.isURL'].p50)} | new URL p50 ${f(by['new URL()'].p50)} | checkLocation p50 ${f(by.checkLocation.p50)} p99 ${f(by.checkLocation.p99)} | full links: checkLink p50 ${f(by['checkLink (10 full links)'].p50)} isURL p50 ${f(by['validator.isURL (10 full links)'].p50)} | ratio isURL ${f(r.ratios['checkLink / validator.isURL'].p50, 2)} newURL ${f(r.ratios['checkLink / new URL()'].p50, 2)} | ready ${f(r.ready.initWithBytes.p50)} ms`);
}
