// The browser benchmark of issue 7: per-call p50/p99 of checkLink on the
// keystroke prefixes of real links, checkLocation, and the validator.js
// isURL and new URL() baselines on the same inputs; and the ready time
// (compile + instantiate of the wasm bytes). Run by scripts/bench-browser.mjs;
// the result is left in `window.__bench`.
//
// Method (BENCHMARKS.md explains it): performance.now() is coarsened in
// Chromium (100 µs plus jitter on an ordinary page, 5 µs on a
// cross-origin-isolated one; the runner's server sends COOP/COEP so the page
// is isolated). One call takes about a microsecond, so a single call cannot be
// timed. Each sample is therefore a batch: the same input called k times back
// to back, k chosen per function so a batch lasts about `batch_ms` (0.5 ms by
// default: the 5 µs quantum is then under 1% of it). Sample value = batch time
// / k. Every input is sampled once per round, `rounds` rounds, after a
// warm-up of three passes over all inputs; p50/p99 are over all
// (input, round) samples, so p99 is the cost of the slowest inputs (long
// prefixes, the 243-character Teams link) plus whatever GC landed in a batch.
// A second, unbatched pass times every call on its own (quantized to the
// timer) to show how many single calls pass 10 µs.

import { LINKS } from './links.js';

const params = new URLSearchParams(location.search);
const PKG = params.get('pkg') ?? '/pkg/';
const ROUNDS = Number(params.get('rounds') ?? 20);
const BATCH_MS = Number(params.get('batch_ms') ?? 0.5);
const COMPILES = Number(params.get('compiles') ?? 30);

const prefixes = (text) => Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1));
// Every keystroke of typing each link: "h", "ht", ..., the full link.
const LINK_INPUTS = LINKS.flatMap(prefixes);

// Typing a state (name or code) into the location form, then a ZIP.
const PLACES = ['California', 'New York', 'Texas', 'Pennsylvania', 'Massachusetts', 'North Carolina',
  'District of Columbia', 'Puerto Rico', 'Washington', 'Calif.', 'NY', 'tx'];
const LOCATION_INPUTS = [
  ...PLACES.flatMap(prefixes).map((state) => ({ state })),
  ...prefixes('94110').map((zip) => ({ state: 'CA', zip })),
  ...prefixes('10001-1234').map((zip) => ({ state: 'New York', zip })),
];

const out = document.getElementById('out');
const log = (line) => {
  out.textContent += `\n${line}`;
  console.log(line);
};

let sink = 0;
const touch = (value) => {
  sink = (sink + (value ? 1 : 0)) | 0;
};

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[at];
}

function stats(values) {
  const sorted = Float64Array.from(values).sort();
  const mean = sorted.reduce((t, v) => t + v, 0) / sorted.length;
  return {
    n: sorted.length,
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p99: quantile(sorted, 0.99),
    max: sorted[sorted.length - 1],
    mean,
  };
}

/** Smallest non-zero step of performance.now(), in µs. */
function timerResolution() {
  let smallest = Infinity;
  for (let i = 0; i < 200; i++) {
    const a = performance.now();
    let b = performance.now();
    while (b === a) b = performance.now();
    smallest = Math.min(smallest, b - a);
  }
  return smallest * 1000;
}

/** Per-call times (µs) of `fn` over `inputs`: batched samples and single calls. */
function measure(name, fn, inputs) {
  for (let pass = 0; pass < 3; pass++) for (const x of inputs) touch(fn(x));
  // Estimate the mean to size the batches.
  let calls = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 50) {
    for (const x of inputs) touch(fn(x));
    calls += inputs.length;
  }
  const meanMs = (performance.now() - t0) / calls;
  const k = Math.max(1, Math.ceil(BATCH_MS / meanMs));

  const batched = new Float64Array(ROUNDS * inputs.length);
  const perInput = new Float64Array(inputs.length);
  let s = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < inputs.length; i++) {
      const x = inputs[i];
      const start = performance.now();
      for (let j = 0; j < k; j++) touch(fn(x));
      const perCall = ((performance.now() - start) / k) * 1000;
      batched[s++] = perCall;
      perInput[i] += perCall / ROUNDS;
    }
  }
  // Single calls, each timed alone: quantized to the timer resolution.
  const singles = new Float64Array(5 * inputs.length);
  s = 0;
  for (let round = 0; round < 5; round++) {
    for (const x of inputs) {
      const start = performance.now();
      touch(fn(x));
      singles[s++] = (performance.now() - start) * 1000;
    }
  }
  // Typing order: each link's whole keystroke sequence timed as one batch.
  const seqStart = performance.now();
  for (let round = 0; round < ROUNDS; round++) for (const x of inputs) touch(fn(x));
  const sequenceMean = ((performance.now() - seqStart) / (ROUNDS * inputs.length)) * 1000;

  let slowest = 0;
  for (let i = 1; i < inputs.length; i++) if (perInput[i] > perInput[slowest]) slowest = i;
  const single = stats(singles);
  const over10 = singles.filter((v) => v > 10).length / singles.length;
  // Readings are multiples of the timer step: how many single calls read 0, 5, 10, ... µs.
  const histogram = {};
  for (const v of singles) {
    const key = v >= 50 ? '>=50' : String(Math.round(v));
    histogram[key] = (histogram[key] ?? 0) + 1;
  }
  const result = {
    name,
    inputs: inputs.length,
    batch: k,
    ...stats(batched),
    sequenceMean,
    single: { p50: single.p50, p99: single.p99, max: single.max, over10us: over10, histogram },
    slowestInput: { input: typeof inputs[slowest] === 'string' ? inputs[slowest].slice(0, 60) : JSON.stringify(inputs[slowest]), us: perInput[slowest] },
  };
  log(`${name}: p50 ${result.p50.toFixed(3)} µs, p99 ${result.p99.toFixed(3)} µs (k=${k}, ${result.n} samples)`);
  return result;
}

/** The module bytes with a unique custom section appended, so no compile cache can serve them. */
function withNonce(bytes, nonce) {
  const name = new TextEncoder().encode('bench-nonce');
  const payload = new Uint8Array(8);
  new DataView(payload.buffer).setFloat64(0, nonce + Math.random());
  const size = 1 + name.length + payload.length;
  const out = new Uint8Array(bytes.length + 2 + size);
  out.set(bytes, 0);
  out.set([0, size, name.length], bytes.length);
  out.set(name, bytes.length + 3);
  out.set(payload, bytes.length + 3 + name.length);
  return out;
}

async function readyTime() {
  const bytes = new Uint8Array(await (await fetch(`${PKG}telehealth_rules_bg.wasm`)).arrayBuffer());
  const glueUrl = `${PKG}telehealth_rules.js`;
  const compile = [];
  const instantiate = [];
  const initBytes = [];
  const firstCall = [];
  const secondCall = [];
  const compileSync = [];
  const compileCached = [];
  for (let i = 0; i < COMPILES; i++) {
    // 1. WebAssembly.compile of fresh bytes, then the glue's init with that module.
    let t = performance.now();
    const module = await WebAssembly.compile(withNonce(bytes, 3 * i));
    compile.push(performance.now() - t);
    const glue = await import(`${glueUrl}?ready=${i}`);
    t = performance.now();
    await glue.default({ module_or_path: module });
    instantiate.push(performance.now() - t);
    t = performance.now();
    touch(glue.checkLinkJson('https://doxy.me/drsmith', ''));
    firstCall.push(performance.now() - t);
    t = performance.now();
    touch(glue.checkLinkJson('https://zoom.us/j/1234567890', ''));
    secondCall.push(performance.now() - t);

    // 2. What a page does with bytes in hand: the package's init (compile + instantiate).
    const glue2 = await import(`${glueUrl}?ready-bytes=${i}`);
    const fresh = withNonce(bytes, 3 * i + 1);
    t = performance.now();
    await glue2.default({ module_or_path: fresh });
    initBytes.push(performance.now() - t);

    // 3. Synchronous compile (initSync's path), and a compile V8 may serve from its cache.
    const fresh3 = withNonce(bytes, 3 * i + 2);
    t = performance.now();
    touch(new WebAssembly.Module(fresh3));
    compileSync.push(performance.now() - t);
    t = performance.now();
    touch(await WebAssembly.compile(bytes));
    compileCached.push(performance.now() - t);
  }
  const ms = (values) => stats(values);
  const result = {
    bytes: bytes.length,
    runs: COMPILES,
    initWithBytes: ms(initBytes),
    compile: ms(compile),
    instantiate: ms(instantiate),
    firstCall: ms(firstCall),
    secondCall: ms(secondCall),
    compileSync: ms(compileSync),
    compileSameBytes: ms(compileCached),
  };
  log(`ready: init(bytes) median ${result.initWithBytes.p50.toFixed(3)} ms; compile ${result.compile.p50.toFixed(3)} + instantiate ${result.instantiate.p50.toFixed(3)} ms; first call ${result.firstCall.p50.toFixed(3)} ms`);
  return result;
}

async function main() {
  const resolution = timerResolution();
  log(`pkg ${PKG}; crossOriginIsolated ${self.crossOriginIsolated}; timer step ${resolution.toFixed(1)} µs; ${navigator.userAgent}`);
  // Ready time first, on a page that has not run anything else yet.
  const ready = await readyTime();

  const api = await import(`${PKG}index.js`);
  await api.init();
  const glue = await import(`${PKG}telehealth_rules.js`);
  const { isURL } = globalThis.validator;

  // Same answers as the native rules? A cheap sanity check before timing.
  const doxy = api.checkLink('https://doxy.me/drsmith');
  if (doxy.verdict !== 'accept') throw new Error(`unexpected verdict ${doxy.verdict}`);

  const results = [
    measure('checkLink', (x) => api.checkLink(x), LINK_INPUTS),
    measure('checkLinkJson (raw, no JSON.parse)', (x) => glue.checkLinkJson(x, ''), LINK_INPUTS),
    measure('validator.isURL', (x) => isURL(x), LINK_INPUTS),
    measure('new URL()', (x) => {
      try {
        return new URL(x);
      } catch {
        return null;
      }
    }, LINK_INPUTS),
    measure('URL.canParse', (x) => URL.canParse(x), LINK_INPUTS),
    measure('checkLocation', (x) => api.checkLocation(x), LOCATION_INPUTS),
    // The complete links only (a paste rather than typing).
    measure('checkLink (10 full links)', (x) => api.checkLink(x), LINKS),
    measure('validator.isURL (10 full links)', (x) => isURL(x), LINKS),
  ];
  const by = Object.fromEntries(results.map((r) => [r.name, r]));
  const ratio = (a, b) => ({ p50: by[a].p50 / by[b].p50, p99: by[a].p99 / by[b].p99, mean: by[a].mean / by[b].mean });
  const ratios = {
    'checkLink / validator.isURL': ratio('checkLink', 'validator.isURL'),
    'checkLink / new URL()': ratio('checkLink', 'new URL()'),
    'checkLink / URL.canParse': ratio('checkLink', 'URL.canParse'),
    'checkLink / validator.isURL (10 full links)': ratio('checkLink (10 full links)', 'validator.isURL (10 full links)'),
  };
  window.__bench = {
    done: true,
    pkg: PKG,
    userAgent: navigator.userAgent,
    crossOriginIsolated: self.crossOriginIsolated,
    timerResolutionUs: resolution,
    rounds: ROUNDS,
    batchMs: BATCH_MS,
    linkInputs: LINK_INPUTS.length,
    locationInputs: LOCATION_INPUTS.length,
    ready,
    results,
    ratios,
    sink,
  };
  log('done');
}

main().catch((error) => {
  log(`error: ${error?.stack ?? error}`);
  window.__bench = { done: true, error: String(error?.stack ?? error) };
});
