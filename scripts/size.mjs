// The transfer size of what a page downloads to use the rules: the wasm
// module and the JavaScript that loads it. Brotli at quality 11 is what a CDN
// serves; the budget (issue 7) is on that figure. Exits 1 over the budget.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const BUDGET = 45_000; // bytes, brotli-11, wasm + JS together
const files = ['telehealth_rules_bg.wasm', 'telehealth_rules.js', 'index.js', 'api.js', 'ruleset.js'];

const rows = files.map((name) => {
  const bytes = readFileSync(new URL(`../pkg/${name}`, import.meta.url));
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
  return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
console.table([...rows, { name: 'total', ...total }]);
if (total.brotli > BUDGET) {
  console.error(`size: ${total.brotli} bytes brotli-11, over the ${BUDGET}-byte budget`);
  process.exit(1);
}
console.log(`size: ${total.brotli} bytes brotli-11, within the ${BUDGET}-byte budget`);
