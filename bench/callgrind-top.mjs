// Folds callgrind_annotate output into a per-function table (LTO inlines
// across crates, and callgrind_annotate lists one row per function *and*
// source file of the inlined code; the rows of one function are summed
// here), plus a per-source-crate view of the self cost.
//
//   node bench/callgrind-top.mjs WORKLOAD CALLS annotate-self.txt annotate-inclusive.txt
import { readFileSync } from 'node:fs';

const [workload, callsText, selfFile, inclusiveFile] = process.argv.slice(2);
const calls = Number(callsText);

function rows(file) {
  const out = [];
  let total = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = line.match(/^\s*([\d,]+)\s+\([\s\d.]+%\)\s+(.*)$/);
    if (!m) continue;
    const ir = Number(m[1].replaceAll(',', ''));
    const rest = m[2].replace(/\s+\[[^\]]*\]$/, '');
    if (rest === 'PROGRAM TOTALS') {
      total = ir;
      continue;
    }
    const colon = rest.indexOf(':');
    out.push({ ir, file: rest.slice(0, colon), fn: rest.slice(colon + 1) });
  }
  return { total, rows: out };
}

const self = rows(selfFile);
const inclusive = rows(inclusiveFile);
const total = self.total;
const perCall = (ir) => (ir / calls).toFixed(0);
const pct = (ir) => `${((100 * ir) / total).toFixed(1)}%`;

const sum = (list, key) => {
  const m = new Map();
  for (const r of list) m.set(key(r), (m.get(key(r)) ?? 0) + r.ir);
  return [...m.entries()].sort((a, b) => b[1] - a[1]);
};
// Inclusive rows of one function overlap (each inlined-file row includes its
// callees): the largest row is the function's inclusive cost.
const max = (list, key) => {
  const m = new Map();
  for (const r of list) m.set(key(r), Math.max(m.get(key(r)) ?? 0, r.ir));
  return [...m.entries()].sort((a, b) => b[1] - a[1]);
};
const short = (fn) => fn.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');

console.log(`== ${workload}: ${calls} calls, ${total.toLocaleString('en-US')} instructions in the loop = ${perCall(total)} instructions per call`);
console.log('-- top 10 functions by self instructions (inlined code counted in the function it was inlined into)');
for (const [fn, ir] of sum(self.rows, (r) => short(r.fn)).slice(0, 10)) {
  console.log(`${perCall(ir).padStart(7)} /call ${pct(ir).padStart(6)}  ${fn}`);
}
console.log('-- self instructions by source of the code (file of the inlined code: crate or libc)');
const source = (file) => {
  const crate = file.match(/registry\/src\/[^/]+\/([^/]+?)-\d[^/]*\//);
  if (crate) return crate[1];
  if (file.startsWith('/rustc/')) return `rust ${file.split('/library/')[1]?.split('/')[0] ?? 'std'}`;
  if (file.startsWith('src/') || file.includes('/work/main/src/')) return `telehealth_rules ${file.replace(/^.*?src\//, 'src/')}`;
  if (file.startsWith('./') || file.includes('sysdeps') || file.includes('malloc')) return 'libc (malloc, memcpy, memcmp)';
  return file;
};
for (const [src, ir] of sum(self.rows, (r) => source(r.file)).slice(0, 14)) {
  console.log(`${perCall(ir).padStart(7)} /call ${pct(ir).padStart(6)}  ${src}`);
}
console.log('-- top 12 functions by inclusive instructions (below the benchmark loop)');
const skip = /callgrind::|__rust_begin_short_backtrace|below main|libc_start|^main$|^0x|lang_start/;
for (const [fn, ir] of max(inclusive.rows.filter((r) => !skip.test(r.fn)), (r) => short(r.fn)).slice(0, 12)) {
  console.log(`${perCall(ir).padStart(7)} /call ${pct(ir).padStart(6)}  ${fn}`);
}
