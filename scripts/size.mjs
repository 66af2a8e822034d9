// The transfer size of what a page downloads to check links as the provider
// types: the keystroke module and the JavaScript that loads it, brotli at
// quality 11 (what a CDN serves); and, apart, the records module a page loads
// when it first needs the other kinds. Sizes are deterministic for a given
// toolchain, so this is a check, not a benchmark.
//
// TARGET is issue 14's aim for the keystroke page (its ceiling is 50,000).
// CEILING is the measured size plus about 1%, so a module cannot grow
// without someone deciding it should: exits 1 above it.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { BROWSER_JS, KEYSTROKE_WASM, RECORDS_WASM } from './readme-sizes.mjs';

const TARGET = 45_000; // bytes, brotli-11, keystroke wasm + JS together
// The keystroke budget (issue 14): the keystroke module and the JS a page
// needs to use it. CEILING is its measured size plus about 1%.
const CEILING = 74_900; // measured 74,085 on 2026-11-29 (make size): keystroke module on the compact wire with lol_alloc, and the JS that renders its messages (the English catalog, 6.8 KB); BENCHMARKS.md
// The records module is loaded when a page first needs it: reported, and held
// to its own ceiling (measured plus about 1%).
const RECORDS_CEILING = 99_250; // measured 98,248 on 2026-11-29: every kind, audit, and the en + es message catalog
const files = [KEYSTROKE_WASM, ...BROWSER_JS];

const brotli = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length;
const rows = files.map((name) => {
  const bytes = readFileSync(new URL(`../pkg/${name}`, import.meta.url));
  return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotli(bytes) };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
console.table([...rows, { name: 'total', ...total }]);
const records = brotli(readFileSync(new URL(`../pkg/${RECORDS_WASM}`, import.meta.url)));
console.log(`size: records module ${records} bytes brotli-11 (loaded on first use; ceiling ${RECORDS_CEILING})`);

const target = total.brotli <= TARGET ? 'within' : 'OVER';
console.log(`size: ${total.brotli} bytes brotli-11; ${target} the ${TARGET}-byte aim of issue 14 (see BENCHMARKS.md)`);
if (records > RECORDS_CEILING) {
  console.error(`size: the records module is over its ${RECORDS_CEILING}-byte ceiling: shrink it or raise RECORDS_CEILING with a reason`);
  process.exit(1);
}
if (total.brotli > CEILING) {
  console.error(`size: over the ${CEILING}-byte ceiling: the module grew; shrink it or raise CEILING with a reason`);
  process.exit(1);
}
