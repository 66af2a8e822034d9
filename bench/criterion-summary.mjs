// Summarizes the last criterion run (target/bench/criterion/**/new/):
// per-call time (median, and mean with its 95% interval), calls per second
// on one core, and elements per second for throughput benchmarks.
//
//   node bench/criterion-summary.mjs [CRITERION_DIR] [--json out.json]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const at = args.indexOf('--json');
const jsonOut = at >= 0 ? args.splice(at, 2)[1] : undefined;
const root = resolve(args[0] ?? 'target/bench/criterion');

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name === 'new') yield path;
      else if (name !== 'base' && name !== 'change' && name !== 'report') yield* walk(path);
    }
  }
}

const rows = [];
for (const dir of walk(root)) {
  const bench = JSON.parse(readFileSync(join(dir, 'benchmark.json'), 'utf8'));
  const est = JSON.parse(readFileSync(join(dir, 'estimates.json'), 'utf8'));
  const elements = bench.throughput?.Elements ?? 1;
  const median = est.median.point_estimate;
  rows.push({
    id: bench.full_id,
    medianNs: median,
    meanNs: est.mean.point_estimate,
    meanLowNs: est.mean.confidence_interval.lower_bound,
    meanHighNs: est.mean.confidence_interval.upper_bound,
    madNs: est.median_abs_dev.point_estimate,
    elements,
    perElementNs: median / elements,
    perSecond: (1e9 * elements) / median,
  });
}
rows.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));

const time = (ns) => (ns >= 1000 ? `${(ns / 1000).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);
console.table(Object.fromEntries(rows.map((r) => [r.id, {
  median: time(r.medianNs),
  'mean [95% CI]': `${time(r.meanNs)} [${time(r.meanLowNs)}, ${time(r.meanHighNs)}]`,
  'MAD %': ((100 * r.madNs) / r.medianNs).toFixed(1),
  ...(r.elements > 1 ? { 'per element': time(r.perElementNs) } : {}),
  'per second (1 core)': Math.round(r.perSecond).toLocaleString('en-US'),
}])));
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(rows, null, 2)}\n`);
