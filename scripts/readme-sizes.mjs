// The package README's size figures, measured from the built package (never
// written by hand): `withSizes(readme, dir)` fills the text between the
// README's sizes markers from the files in `dir`. scripts/build-pkg.sh fills
// pkg/README.md (npm/README.md keeps the markers with a placeholder), the
// publish check and tests/js/package-contents.test.mjs compare.
//
//   node scripts/readme-sizes.mjs pkg          prints the figures
//   node scripts/readme-sizes.mjs --fill pkg   fills pkg/README.md (build-pkg.sh)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const SIZES_START = '<!-- sizes:start (measured from the built package by scripts/readme-sizes.mjs; do not edit) -->';
export const SIZES_END = '<!-- sizes:end -->';

/**
 * What a page that checks links downloads: the keystroke module and the
 * JavaScript of the entry for such pages, `telehealth-rules/keystroke`
 * (keystroke-only.js: no records glue).
 */
export const KEYSTROKE_WASM = 'keystroke_bg.wasm';
export const BROWSER_ENTRY = 'keystroke-only.js';
export const BROWSER_JS = [BROWSER_ENTRY, 'keystroke-core.js', 'api.js', 'io.js', 'loader.js', 'wire.js', 'render.js', 'messages/en.js', 'ruleset.js', 'keystroke.js'];
/** What a page adds when it first needs the other kinds. */
export const RECORDS_WASM = 'records_bg.wasm';

/** Brotli-11 size of `bytes`, as a CDN serves them. */
export const brotli = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length;
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

/**
 * The keystroke page's entry of the package in `dir` as a production build ships it:
 * bundled and minified by esbuild (as size-limit measures packages), the
 * chunks a page loads up front (static imports from the entry; the Spanish
 * catalog is a chunk of its own, loaded on switching language). esbuild's
 * output files ({path, contents}).
 */
export async function minifiedEntry(dir) {
  const { outputFiles, metafile } = await build({
    entryPoints: [join(dir, BROWSER_ENTRY)],
    bundle: true, minify: true, splitting: true, format: 'esm', write: false, metafile: true,
    outdir: '/out', logLevel: 'silent',
  });
  const base = (path) => path.slice(path.lastIndexOf('/out/'));
  const upfront = new Set();
  const visit = (out) => {
    if (upfront.has(base(out))) return;
    upfront.add(base(out));
    for (const i of metafile.outputs[out].imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(Object.keys(metafile.outputs).find((o) => metafile.outputs[o].entryPoint));
  return outputFiles.filter((f) => upfront.has(base(f.path)));
}

/** The measured sizes of the package in `dir`. */
export function measure(dir) {
  const read = (f) => readFileSync(join(dir, f));
  const wasm = read(KEYSTROKE_WASM);
  const records = read(RECORDS_WASM);
  const js = BROWSER_JS.map(read);
  const all = [wasm, ...js];
  return {
    wasm: wasm.length,
    js: js.reduce((t, b) => t + b.length, 0),
    brotli: all.reduce((t, b) => t + brotli(b), 0),
    gzip: all.reduce((t, b) => t + gzipSync(b, { level: 9 }).length, 0),
    records: records.length,
    recordsBrotli: brotli(records),
    embedded: read('keystroke_bg.base64.js').length + read('records_bg.base64.js').length,
  };
}

/** The README text between the markers. */
export function sizesText(sizes) {
  return [
    `A page that checks links (\`telehealth-rules/keystroke\`) downloads the keystroke module, \`keystroke_bg.wasm\` (${kb(sizes.wasm)}),`,
    `and ${kb(sizes.js)} of JavaScript: ${kb(sizes.brotli)} together with brotli (which CDNs apply to \`.wasm\`),`,
    `${kb(sizes.gzip)} with gzip. The records module, \`records_bg.wasm\` (${kb(sizes.records)}, ${kb(sizes.recordsBrotli)} with brotli),`,
    `is fetched only when the page first needs it. Server code (the \`node\` and \`require\` entries) carries both`,
    `modules inside its JavaScript, as ${kb(sizes.embedded)} of base64 text, decoded once; browsers never download it.`,
  ].join('\n');
}

export function withSizes(readme, dir) {
  const start = readme.indexOf(SIZES_START);
  const end = readme.indexOf(SIZES_END);
  if (start < 0 || end < start) throw new Error('readme-sizes: the README has no sizes markers');
  return `${readme.slice(0, start + SIZES_START.length)}\n${sizesText(measure(dir))}\n${readme.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const fill = process.argv[2] === '--fill';
  const dir = process.argv[fill ? 3 : 2] ?? 'pkg';
  if (fill) writeFileSync(join(dir, 'README.md'), withSizes(readFileSync(join(dir, 'README.md'), 'utf8'), dir));
  else console.log(sizesText(measure(dir)));
}
