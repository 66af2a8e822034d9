// The browser benchmark: checkLink per keystroke against validator.js isURL,
// timed alternately in the same page run, on every keystroke prefix of the
// real links of bench/links.txt; the raw wasm call, the JS that reads its
// answer (fromWire), new URL() and
// URL.canParse on the same inputs; checkLocation; and the keystroke module's
// ready time. Run by bench/browser/run.mjs; the result is left in
// `window.__bench`. bench/README.md explains the method.
//
// performance.now() steps 5 µs on a cross-origin-isolated page (the runner's
// server sends COOP/COEP) and a call takes about a microsecond, so each
// sample is a batch: one input called k times back to back, k chosen per
// function so a batch lasts about `batch_ms` (1 ms: the 5 µs step is then
// 0.5% of it); sample = batch time / k. The pair (checkLink, isURL) is
// sampled alternately: for every input of every round, one batch of each,
// the order swapped each round, so both see the same machine. Median and p99
// are over all (input, round) samples; the ratio is median / median (and,
// as a check, the median of the per-sample ratios). An unbatched pass times
// single calls (quantized to the 5 µs step) to count calls over 10 µs.

import { LINKS } from '../links.js';

const params = new URLSearchParams(location.search);
const PKG = params.get('pkg') ?? '/pkg/';
const ROUNDS = Number(params.get('rounds') ?? 20);
const BATCH_MS = Number(params.get('batch_ms') ?? 1);
const COMPILES = Number(params.get('compiles') ?? 20);

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
  return { n: sorted.length, p50: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), p99: quantile(sorted, 0.99), max: sorted[sorted.length - 1], mean };
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

/**
 * Warms `fn` up on `inputs` and returns the batch size k for about BATCH_MS
 * per batch, from the fastest of the timed passes over all inputs (on a
 * loaded machine the mean would count preemptions and make k too small).
 */
function batchSize(fn, inputs) {
  for (let pass = 0; pass < 3; pass++) for (const x of inputs) touch(fn(x));
  let fastest = Infinity;
  const t0 = performance.now();
  for (let pass = 0; pass < 3 || performance.now() - t0 < 50; pass++) {
    const start = performance.now();
    for (const x of inputs) touch(fn(x));
    fastest = Math.min(fastest, (performance.now() - start) / inputs.length);
  }
  return Math.max(1, Math.ceil(BATCH_MS / fastest));
}

/** One batched sample: µs per call of `fn(x)`, k calls. */
function sample(fn, x, k) {
  const start = performance.now();
  for (let j = 0; j < k; j++) touch(fn(x));
  return ((performance.now() - start) / k) * 1000;
}

/** Single calls, each timed alone (quantized to the timer step): how many read over 10 µs. */
function singles(fn, inputs) {
  const values = new Float64Array(5 * inputs.length);
  let s = 0;
  for (let round = 0; round < 5; round++) {
    for (const x of inputs) {
      const start = performance.now();
      touch(fn(x));
      values[s++] = (performance.now() - start) * 1000;
    }
  }
  const st = stats(values);
  return { p50: st.p50, p99: st.p99, max: st.max, over10us: values.filter((v) => v > 10).length / values.length };
}

function summary(name, inputs, k, samples, perInput) {
  let slowest = 0;
  for (let i = 1; i < inputs.length; i++) if (perInput[i] > perInput[slowest]) slowest = i;
  const x = inputs[slowest];
  return {
    name,
    inputs: inputs.length,
    batch: k,
    ...stats(samples),
    slowestInput: { input: typeof x === 'string' ? x.slice(0, 60) : JSON.stringify(x), us: perInput[slowest] },
  };
}

/** Per-call times (µs) of one function over `inputs`, batched. */
function measure(name, fn, inputs) {
  const k = batchSize(fn, inputs);
  const samples = new Float64Array(ROUNDS * inputs.length);
  const perInput = new Float64Array(inputs.length);
  let s = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < inputs.length; i++) {
      const v = sample(fn, inputs[i], k);
      samples[s++] = v;
      perInput[i] += v / ROUNDS;
    }
  }
  const result = summary(name, inputs, k, samples, perInput);
  log(`${name}: p50 ${result.p50.toFixed(3)} µs, p99 ${result.p99.toFixed(3)} µs (k=${k}, ${result.n} samples)`);
  return result;
}

/** Two functions on the same inputs, alternating batch by batch: their stats and the ratio a/b. */
function pair(label, [nameA, fnA], [nameB, fnB], inputs) {
  const kA = batchSize(fnA, inputs);
  const kB = batchSize(fnB, inputs);
  const a = new Float64Array(ROUNDS * inputs.length);
  const b = new Float64Array(ROUNDS * inputs.length);
  const perA = new Float64Array(inputs.length);
  const perB = new Float64Array(inputs.length);
  const ratios = new Float64Array(ROUNDS * inputs.length);
  let s = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < inputs.length; i++) {
      const x = inputs[i];
      let va;
      let vb;
      if (round % 2 === 0) {
        va = sample(fnA, x, kA);
        vb = sample(fnB, x, kB);
      } else {
        vb = sample(fnB, x, kB);
        va = sample(fnA, x, kA);
      }
      a[s] = va;
      b[s] = vb;
      ratios[s++] = va / vb;
      perA[i] += va / ROUNDS;
      perB[i] += vb / ROUNDS;
    }
  }
  const ra = summary(nameA, inputs, kA, a, perA);
  const rb = summary(nameB, inputs, kB, b, perB);
  const ratio = { p50: ra.p50 / rb.p50, p99: ra.p99 / rb.p99, mean: ra.mean / rb.mean, medianOfRatios: stats(ratios).p50 };
  log(`${label}: ${nameA} p50 ${ra.p50.toFixed(3)} p99 ${ra.p99.toFixed(3)} µs | ${nameB} p50 ${rb.p50.toFixed(3)} p99 ${rb.p99.toFixed(3)} µs | ratio ${ratio.p50.toFixed(3)} (median of ratios ${ratio.medianOfRatios.toFixed(3)})`);
  return { label, a: ra, b: rb, ratio };
}

/**
 * Several functions on the same inputs, batch by batch in turn (the order
 * rotated every round), so all see the same machine: stats per function and
 * each one's ratio to the last (the baseline).
 */
function group(label, fns, inputs) {
  const ks = fns.map(([, fn]) => batchSize(fn, inputs));
  const n = ROUNDS * inputs.length;
  const samples = fns.map(() => new Float64Array(n));
  const per = fns.map(() => new Float64Array(inputs.length));
  const ratios = fns.map(() => new Float64Array(n));
  let s = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < inputs.length; i++) {
      const x = inputs[i];
      for (let step = 0; step < fns.length; step++) {
        const f = (step + round) % fns.length;
        const v = sample(fns[f][1], x, ks[f]);
        samples[f][s] = v;
        per[f][i] += v / ROUNDS;
      }
      const base = samples[fns.length - 1][s];
      for (let f = 0; f < fns.length; f++) ratios[f][s] = samples[f][s] / base;
      s++;
    }
  }
  const results = fns.map(([name], f) => summary(name, inputs, ks[f], samples[f], per[f]));
  const base = results[results.length - 1];
  for (let f = 0; f < fns.length; f++) {
    const r = results[f];
    r.ratio = { p50: r.p50 / base.p50, p99: r.p99 / base.p99, mean: r.mean / base.mean, medianOfRatios: stats(ratios[f]).p50 };
    log(`${label}: ${r.name} p50 ${r.p50.toFixed(3)} p99 ${r.p99.toFixed(3)} µs, ratio to ${base.name} ${r.ratio.p50.toFixed(3)} (median of ratios ${r.ratio.medianOfRatios.toFixed(3)})`);
  }
  return { label, results };
}

/** The module bytes with a unique custom section appended, so no compile cache can serve them. */
function withNonce(bytes, nonce) {
  const name = new TextEncoder().encode('bench-nonce');
  const payload = new Uint8Array(8);
  new DataView(payload.buffer).setFloat64(0, nonce + Math.random());
  const size = 1 + name.length + payload.length;
  const result = new Uint8Array(bytes.length + 2 + size);
  result.set(bytes, 0);
  result.set([0, size, name.length], bytes.length);
  result.set(name, bytes.length + 3);
  result.set(payload, bytes.length + 3 + name.length);
  return result;
}

/** The keystroke module's ready time: compile + instantiate of fresh bytes, through its wasm-bindgen glue. */
async function readyTime() {
  const bytes = new Uint8Array(await (await fetch(`${PKG}keystroke_bg.wasm`)).arrayBuffer());
  const initBytes = [];
  const compile = [];
  for (let i = 0; i < COMPILES; i++) {
    let t = performance.now();
    touch(await WebAssembly.compile(withNonce(bytes, 2 * i)));
    compile.push(performance.now() - t);
    const glue = await import(`${PKG}keystroke.js?ready=${i}`);
    const fresh = withNonce(bytes, 2 * i + 1);
    t = performance.now();
    await glue.default({ module_or_path: fresh });
    initBytes.push(performance.now() - t);
  }
  const result = { bytes: bytes.length, runs: COMPILES, initWithBytes: stats(initBytes), compile: stats(compile) };
  log(`ready: keystroke module init(bytes) median ${result.initWithBytes.p50.toFixed(3)} ms (compile ${result.compile.p50.toFixed(3)} ms)`);
  return result;
}

/**
 * ?pkgs=/variants/a/,/variants/b/: every build's checkLink and isURL in one
 * page, batch by batch in turn, so the builds are compared on the same
 * machine state (what decides between profiles on a loaded machine).
 */
async function together(pkgs, resolution) {
  const { isURL } = globalThis.validator;
  const fns = [];
  for (const pkg of pkgs) {
    const api = await import(`${pkg}index.js`);
    await api.initKeystroke();
    if (api.checkLink('https://doxy.me/drsmith').verdict !== 'accept') throw new Error(`${pkg}: unexpected verdict`);
    fns.push([pkg, (x) => api.checkLink(x)]);
  }
  fns.push(['validator.isURL', (x) => isURL(x)]);
  const keystroke = group('keystroke prefixes', fns, LINK_INPUTS);
  const full = group('full links', fns, LINKS);
  window.__bench = { done: true, together: true, pkgs, userAgent: navigator.userAgent, crossOriginIsolated: self.crossOriginIsolated, timerResolutionUs: resolution, rounds: ROUNDS, batchMs: BATCH_MS, linkInputs: LINK_INPUTS.length, keystroke, full, sink };
  log('done');
}

async function main() {
  const resolution = timerResolution();
  log(`pkg ${PKG}; crossOriginIsolated ${self.crossOriginIsolated}; timer step ${resolution.toFixed(1)} µs; ${navigator.userAgent}`);
  if (params.get('pkgs')) {
    await together(params.get('pkgs').split(','), resolution);
    return;
  }
  // Ready time first, on a page that has not run anything else yet.
  const ready = await readyTime();

  const api = await import(`${PKG}index.js`);
  await api.initKeystroke();
  const { isURL } = globalThis.validator;
  const doxy = api.checkLink('https://doxy.me/drsmith');
  if (doxy.verdict !== 'accept') throw new Error(`unexpected verdict ${doxy.verdict}`);
  const checkLink = (x) => api.checkLink(x);

  const keystroke = pair('keystroke prefixes', ['checkLink', checkLink], ['validator.isURL', (x) => isURL(x)], LINK_INPUTS);
  const full = pair('full links', ['checkLink', checkLink], ['validator.isURL', (x) => isURL(x)], LINKS);
  const single = singles(checkLink, LINK_INPUTS);
  log(`checkLink single calls: ${(100 * single.over10us).toFixed(2)}% read over 10 µs`);

  const others = [];
  // The wasm call alone (no report object): the package's own calls (io.js) over the module's exports.
  const glue = await import(`${PKG}keystroke.js`);
  const { keystrokeCalls } = await import(`${PKG}io.js`);
  const calls = keystrokeCalls(await glue.default());
  others.push(measure('keystroke call (raw wasm call)', (x) => calls.checkLink(x, ''), LINK_INPUTS));
  // The call's fixed cost: the same text in, no rules run (an as_of that is
  // not a date is answered at once with no wire).
  others.push(measure('keystroke call, no rules (glue alone)', (x) => calls.checkLink(x, '-'), LINK_INPUTS));
  // The JS side alone: each prefix's report built from its tokens (recorded
  // once off the wire, replayed), messages rendered.
  const { fromWire } = await import(`${PKG}wire.js`);
  const { default: en } = await import(`${PKG}messages/en.js`);
  const recorded = LINK_INPUTS.map((x) => {
    const tokens = calls.checkLink(x, '');
    const values = [];
    fromWire({ count: () => values[values.push(tokens.count()) - 1], text: () => values[values.push(tokens.text()) - 1] }, en, undefined);
    return values;
  });
  const replay = (values) => {
    let i = 0;
    return { count: () => values[i++], text: () => values[i++] };
  };
  others.push(measure('fromWire (JS side alone)', (values) => fromWire(replay(values), en, undefined), recorded));
  others.push(measure('new URL()', (x) => {
    try {
      return new URL(x);
    } catch {
      return null;
    }
  }, LINK_INPUTS));
  others.push(measure('URL.canParse', (x) => URL.canParse(x), LINK_INPUTS));
  // The records module is loaded only now: checkLink never waited for it.
  await api.initRecords();
  others.push(measure('checkLocation', (x) => api.checkLocation(x), LOCATION_INPUTS));

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
    keystroke,
    full,
    single,
    others,
    sink,
  };
  log('done');
}

main().catch((error) => {
  log(`error: ${error?.stack ?? error}`);
  window.__bench = { done: true, error: String(error?.stack ?? error) };
});
