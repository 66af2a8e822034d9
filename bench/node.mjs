// Per-call time of checkLink in Node (V8, like Chromium, but with a
// nanosecond timer), per package build: the package API (`checkLink`, the
// report object) and the raw wasm call (io.js's call: the wire, no report
// object), for https://doxy.me/drsmith, the ten links of
// bench/links.txt and every keystroke prefix of them.
//
//   node bench/node.mjs [NAME=DIR ...] [--json out.json]   (default pkg=pkg)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LINKS } from './links.js';

const repo = resolve(import.meta.dirname, '..');
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const args = process.argv.slice(2);
const at = args.indexOf('--json');
const jsonOut = at >= 0 ? args.splice(at, 2)[1] : undefined;
const builds = (args.length ? args : ['pkg=pkg']).map((pair) => {
  const [name, dir] = pair.split('=');
  return { name, dir: resolve(repo, dir) };
});

const PREFIXES = LINKS.flatMap((l) => Array.from({ length: l.length }, (_, i) => l.slice(0, i + 1)));

let sink = 0;
/** Median over 7 repetitions of the mean ns per call over `calls` calls cycling through `inputs`. */
function time(fn, inputs, calls) {
  for (let i = 0; i < calls; i++) sink += fn(inputs[i % inputs.length]) ? 1 : 0;
  const reps = [];
  for (let r = 0; r < 7; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) sink += fn(inputs[i % inputs.length]) ? 1 : 0;
    reps.push(Number(process.hrtime.bigint() - start) / calls);
  }
  reps.sort((a, b) => a - b);
  return reps[3];
}

const results = [];
for (const { name, dir } of builds) {
  const api = await import(`${pathToFileURL(join(dir, 'index.js'))}?build=${name}`);
  await api.initKeystroke(readFileSync(join(dir, 'keystroke_bg.wasm')));
  const glue = await import(`${pathToFileURL(join(dir, 'keystroke.js'))}`);
  const { keystrokeCalls } = await import(`${pathToFileURL(join(dir, 'io.js'))}`);
  const keystroke = keystrokeCalls(await glue.default());
  const checkLink = (x) => api.checkLink(x);
  const raw = (x) => keystroke.checkLink(x, '');
  const row = { build: name };
  for (const [label, inputs, calls] of [['doxy', [LINKS[0]], 200_000], ['typical10', LINKS, 100_000], ['prefixes', PREFIXES, 100_000]]) {
    row[`${label} checkLink ns`] = Math.round(time(checkLink, inputs, calls));
    row[`${label} raw ns`] = Math.round(time(raw, inputs, calls));
  }
  results.push(row);
}
console.log(`node ${process.version}; median of 7 repetitions; ns per call; load ${load()}`);
console.table(Object.fromEntries(results.map(({ build, ...rest }) => [build, rest])));
if (jsonOut) {
  mkdirSync(resolve(jsonOut, '..'), { recursive: true });
  writeFileSync(jsonOut, `${JSON.stringify(results, null, 2)}\n`);
}
if (sink === -1) console.log(sink);
