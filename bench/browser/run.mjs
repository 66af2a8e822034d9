// Runs the browser benchmark page (bench/browser/) in headless Chromium
// through playwright-core, once per package build: checkLink per keystroke
// against validator.js isURL, alternating in the same page run (median, p99,
// ratio), the raw wasm call, new URL(), URL.canParse, checkLocation, and the
// keystroke module's ready time.
//
//   node bench/browser/run.mjs [--runs N] [--rounds N] [--batch-ms MS] [--out DIR] [--together] [NAME=DIR ...]
//
// --together measures every build's checkLink and isURL in one page, batch by
// batch in turn (the fair comparison between builds on a loaded machine);
// without it, one page per build, with the full set of measurements.
//
// NAME=DIR pairs name the package builds to compare (a directory laid out as
// pkg/ is: index.js, keystroke.js, keystroke_bg.wasm, ...); default pkg=pkg.
// bench/wasm-variants.sh builds variants under target/bench/variants/.
//
// The pages are served by a small static server on 127.0.0.1 written here:
// same-origin scripts only, 'wasm-unsafe-eval' (the policy the product's own
// server sends), and COOP/COEP so the page is cross-origin isolated, which
// makes Chromium's performance.now() step 5 µs instead of 100 µs.
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { launchChromium } from '../../tests/js/server.mjs';

const repo = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const [value] = args.splice(at, 2).slice(1);
  return value;
};
const togetherAt = args.indexOf('--together');
const together = togetherAt >= 0 && args.splice(togetherAt, 1).length > 0;
const runs = Number(option('--runs', 2));
const rounds = Number(option('--rounds', 20));
const batchMs = Number(option('--batch-ms', 1));
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
  for (let run = 1; run <= runs && together; run++) {
    const loadStart = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`[page error] ${e}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') console.error(`[page ${m.type()}] ${m.text()}`);
    });
    const pkgs = builds.map((b) => `/variants/${b.name}/`).join(',');
    await page.goto(`${origin}/browser/index.html?pkgs=${pkgs}&rounds=${rounds}&batch_ms=${batchMs}`);
    await page.waitForFunction(() => window.__bench?.done, null, { timeout: 30 * 60_000, polling: 1000 });
    const result = await page.evaluate(() => window.__bench);
    await page.close();
    if (result.error) throw new Error(result.error);
    result.run = run;
    result.loadStart = loadStart;
    result.load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    writeFileSync(join(outDir, `browser-together-run${run}.json`), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\n== together, run ${run} (load ${loadStart} -> ${result.load}; ${result.linkInputs} link prefixes, ${result.rounds} rounds; µs per call)`);
    for (const part of [result.keystroke, result.full]) {
      console.log(part.label);
      console.table(Object.fromEntries(part.results.map((r, i) => {
        const build = builds[i];
        const bytes = build ? statSync(join(build.dir, 'keystroke_bg.wasm')).size : '';
        return [build ? build.name : r.name, { 'wasm bytes': bytes, 'p50 µs': f(r.p50), 'p99 µs': f(r.p99), 'ratio to isURL (p50)': f(r.ratio.p50), 'median of ratios': f(r.ratio.medianOfRatios), batch: r.batch }];
      })));
    }
  }
  for (let run = 1; run <= runs && !together; run++) {
    for (const build of builds) {
      const loadStart = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
      const page = await browser.newPage();
      page.on('pageerror', (e) => console.error(`[page error] ${e}`));
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') console.error(`[page ${m.type()}] ${m.text()}`);
      });
      const url = `${origin}/browser/index.html?pkg=/variants/${build.name}/&rounds=${rounds}&batch_ms=${batchMs}`;
      await page.goto(url);
      await page.waitForFunction(() => window.__bench?.done, null, { timeout: 15 * 60_000, polling: 1000 });
      const result = await page.evaluate(() => window.__bench);
      await page.close();
      if (result.error) throw new Error(`${build.name}: ${result.error}`);
      result.build = build.name;
      result.run = run;
      result.loadStart = loadStart;
      result.wasmBytes = statSync(join(build.dir, 'keystroke_bg.wasm')).size;
      result.load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
      all.push(result);
      writeFileSync(join(outDir, `browser-${build.name}-run${run}.json`), `${JSON.stringify(result, null, 2)}\n`);

      console.log(`\n== ${build.name} (run ${run}; keystroke module ${result.wasmBytes} bytes; load at the end ${result.loadStart} -> ${result.load}; isolated ${result.crossOriginIsolated}, timer step ${f(result.timerResolutionUs, 1)} µs; ${result.linkInputs} link prefixes, ${result.rounds} rounds)`);
      const row = (r) => ({ 'p50 µs': f(r.p50), 'p99 µs': f(r.p99), 'mean µs': f(r.mean), batch: r.batch, slowest: `${f(r.slowestInput.us)} ${r.slowestInput.input}` });
      console.table({
        'checkLink (prefixes)': row(result.keystroke.a),
        'isURL (prefixes)': row(result.keystroke.b),
        'checkLink (full links)': row(result.full.a),
        'isURL (full links)': row(result.full.b),
        ...Object.fromEntries(result.others.map((r) => [r.name, row(r)])),
      });
      console.log(`ratio checkLink / isURL, keystroke prefixes: median ${f(result.keystroke.ratio.p50)} (median of per-sample ratios ${f(result.keystroke.ratio.medianOfRatios)}), p99 ${f(result.keystroke.ratio.p99)}; full links: median ${f(result.full.ratio.p50)}`);
      console.log(`checkLink single calls over 10 µs: ${f(100 * result.single.over10us, 2)}%; ready (keystroke module init from bytes): median ${f(result.ready.initWithBytes.p50)} ms, p90 ${f(result.ready.initWithBytes.p90)} ms`);
    }
  }
} finally {
  await browser.close();
  server.close();
}

// One line per build and run, for BENCHMARKS.md.
console.log('\nsummary (µs per call, median / p99; ratio = checkLink median / isURL median, same page run):');
for (const r of all) {
  const k = r.keystroke;
  if (!k?.a) continue;
  console.log(`${r.build} run${r.run} (${r.wasmBytes} B wasm; load ${r.loadStart} -> ${r.load}): checkLink ${f(k.a.p50)} / ${f(k.a.p99)} | isURL ${f(k.b.p50)} / ${f(k.b.p99)} | ratio ${f(k.ratio.p50)} (median of ratios ${f(k.ratio.medianOfRatios)}) | full links ratio ${f(r.full.ratio.p50)} | single > 10 µs ${f(100 * r.single.over10us, 2)}% | ready ${f(r.ready.initWithBytes.p50)} ms`);
}
