// Per-call time of the wasm link fast path in Node (V8, like Chromium, but
// with a nanosecond timer): checkLinkJson raw and with JSON.parse, for
// https://doxy.me/drsmith, the ten typical links, and every keystroke prefix
// of them, per package build. Also the mean report size (what JSON.parse
// reads on every keystroke).
//
//   node scripts/bench-node.mjs NAME=DIR ...   (default pkg=pkg)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LINKS } from '../bench/links.js';

const repo = resolve(import.meta.dirname, '..');
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
  const glue = await import(`${pathToFileURL(join(dir, 'telehealth_rules.js'))}?build=${name}`);
  glue.initSync({ module: readFileSync(join(dir, 'telehealth_rules_bg.wasm')) });
  const raw = (x) => glue.checkLinkJson(x, '');
  const parsed = (x) => JSON.parse(glue.checkLinkJson(x, ''));
  const row = { build: name };
  for (const [label, inputs, calls] of [['doxy', [LINKS[0]], 200_000], ['typical10', LINKS, 100_000], ['prefixes', PREFIXES, 100_000]]) {
    row[`${label} raw ns`] = Math.round(time(raw, inputs, calls));
    row[`${label} +JSON.parse ns`] = Math.round(time(parsed, inputs, calls));
  }
  row['report bytes (typical10)'] = Math.round(LINKS.reduce((t, l) => t + raw(l).length, 0) / LINKS.length);
  row['report bytes (prefixes)'] = Math.round(PREFIXES.reduce((t, l) => t + raw(l).length, 0) / PREFIXES.length);
  results.push(row);
}
console.log(`node ${process.version}; median of 7 repetitions; ns per call`);
console.table(Object.fromEntries(results.map(({ build, ...rest }) => [build, rest])));
if (jsonOut) {
  mkdirSync(resolve(jsonOut, '..'), { recursive: true });
  writeFileSync(jsonOut, `${JSON.stringify(results, null, 2)}\n`);
}
if (sink === -1) console.log(sink);
