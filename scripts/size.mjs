// The transfer size of what a page downloads to check links as the provider
// types: the keystroke module and the JavaScript that loads it, brotli at
// quality 11 (what a CDN serves); and, apart, the records module a page loads
// when it first needs the other kinds. Sizes are deterministic for a given
// toolchain, so this is a check, not a benchmark.
//
// The JavaScript is measured as a production build ships it: the entry for
// pages that check links (`telehealth-rules/keystroke`, pkg/keystroke-only.js,
// which carries no records glue, the full entry index.js adds it, about 1 KB;
// nor the Standard Schema validators, `telehealth-rules/schema`, about 0.8 KB)
// bundled and minified by esbuild, the way size-limit
// and bundlephobia measure packages, counting the chunks a page loads before
// its first keystroke (the Spanish catalog is a chunk of its own, loaded on
// switching language, and is not counted). The package's files as published
// (readable, unminified) are listed too, for reference.
//
// LIMIT and TARGET are the keystroke page's budget, a hard limit and an aim;
// CEILING is its measured size plus a small margin (what the budget leaves), so a module cannot grow without
// someone deciding it should: exits 1 above it.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { BROWSER_JS, KEYSTROKE_WASM, RECORDS_WASM, brotli, minifiedEntry } from './readme-sizes.mjs';

const LIMIT = 50_000; // bytes, brotli-11, keystroke wasm + minified JS together
const TARGET = 45_000;
// Over the aim on purpose: the keystroke module is built at opt-level 2,
// faster than "s" for a few KB more (Cargo.toml, BENCHMARKS.md).
const CEILING = 49_990; // the measured keystroke page (BENCHMARKS.md) plus about 0.1%, under LIMIT: what is left of the budget
// The records module is loaded when a page first needs it: reported, and held
// to its own ceiling (measured plus a small margin).
const RECORDS_CEILING = 92_950; // the measured records module (BENCHMARKS.md) plus about 0.3%: every kind, audit, the en + es catalog, one typed params builder per code

const pkg = (name) => new URL(`../pkg/${name}`, import.meta.url);
const row = (name, bytes) => ({ name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotli(bytes) });
const sum = (rows, name) => rows.reduce((t, r) => ({ ...t, raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { name, raw: 0, gzip: 0, brotli: 0 });

const wasm = row(KEYSTROKE_WASM, readFileSync(pkg(KEYSTROKE_WASM)));
const published = BROWSER_JS.map((name) => row(name, readFileSync(pkg(name))));
console.log('the keystroke page as published (readable JS, one file each):');
console.table([wasm, ...published, sum([wasm, ...published], 'total')]);

const chunks = (await minifiedEntry(new URL('../pkg/', import.meta.url).pathname)).map((f) => row(`minified ${f.path.split('/').pop()}`, f.contents));
const page = sum([wasm, ...chunks], 'total');
console.log('the keystroke page as a production build ships it (esbuild --bundle --minify of keystroke-only.js):');
console.table([wasm, ...chunks, page]);

const records = brotli(readFileSync(pkg(RECORDS_WASM)));
console.log(`size: records module ${records} bytes brotli-11 (loaded on first use; ceiling ${RECORDS_CEILING})`);
const standing = page.brotli <= TARGET ? `within the ${TARGET}-byte aim` : page.brotli <= LIMIT ? `within the ${LIMIT}-byte limit, over the ${TARGET}-byte aim` : `OVER the ${LIMIT}-byte limit`;
console.log(`size: keystroke page ${page.brotli} bytes brotli-11 (wasm ${wasm.brotli} + minified JS ${page.brotli - wasm.brotli}); ${standing} of the budget (ceiling ${CEILING}; BENCHMARKS.md)`);
if (records > RECORDS_CEILING) {
  console.error(`size: the records module is over its ${RECORDS_CEILING}-byte ceiling: shrink it or raise RECORDS_CEILING with a reason`);
  process.exitCode = 1;
}
if (page.brotli > CEILING) {
  console.error(`size: the keystroke page is over the ${CEILING}-byte ceiling: shrink it or raise CEILING with a reason`);
  process.exitCode = 1;
}
