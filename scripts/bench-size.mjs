// Where the bytes of a wasm module go: raw, gzip-9 and brotli-11 of the
// whole file and of each section (code, data, ...), and, given twiggy's JSON
// for a name-preserving build, the code bytes per crate.
//
//   node scripts/bench-size.mjs LABEL=FILE.wasm ... [--twiggy twiggy-top.json] [--json out.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args.splice(at, 2)[1];
};
const twiggyFile = option('--twiggy');
const jsonOut = option('--json');

const brotli = (bytes) =>
  brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

const SECTION = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount', 'tag'];

function sections(bytes) {
  const found = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at++];
    let size = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[at++];
      size |= (b & 0x7f) << shift;
      shift += 7;
      if (!(b & 0x80)) break;
    }
    let name = SECTION[id] ?? `id${id}`;
    const payload = bytes.subarray(at, at + size);
    if (id === 0) {
      const len = payload[0];
      name = `custom:${new TextDecoder().decode(payload.subarray(1, 1 + len))}`;
    }
    found.push({ name, raw: size, brotli: brotli(payload) });
    at += size;
  }
  return found;
}

const report = { files: [], crates: null };
for (const pair of args) {
  const [label, file] = pair.split('=');
  const bytes = readFileSync(file);
  const entry = { label, file, raw: bytes.length, gzip: gzip(bytes), brotli: brotli(bytes), sections: sections(bytes) };
  report.files.push(entry);
}

console.log('whole modules (bytes):');
console.table(Object.fromEntries(report.files.map((f) => [f.label, { raw: f.raw, 'gzip-9': f.gzip, 'brotli-11': f.brotli }])));
console.log('sections (raw / brotli-11 of the section alone):');
const names = [...new Set(report.files.flatMap((f) => f.sections.map((s) => s.name)))];
console.table(Object.fromEntries(names.map((n) => [n, Object.fromEntries(report.files.map((f) => {
  const s = f.sections.find((x) => x.name === n);
  return [f.label, s ? `${s.raw} / ${s.brotli}` : '-'];
}))])));

if (twiggyFile) {
  // twiggy top --format json: [{name, shallow_size, shallow_size_percent}, ...]
  const items = JSON.parse(readFileSync(twiggyFile, 'utf8'));
  const CRATES = ['telehealth_rules', 'url', 'idna', 'idna_adapter', 'form_urlencoded', 'percent_encoding', 'smallvec', 'utf8_iter',
    'serde', 'serde_core', 'wasm_bindgen', 'js_sys', 'dlmalloc', 'compiler_builtins', 'core', 'alloc', 'std'];
  const crateOf = (name) => {
    if (/^data segment/.test(name)) return 'data segments';
    if (/subsection|section|^(type|import|export|table|elem|memory|global)\b/.test(name)) return 'wasm structure and names';
    let best = null;
    for (const crate of CRATES) {
      const at = name.search(new RegExp(`(^|[^A-Za-z0-9_])${crate}(\\[[0-9a-f]+\\])?::`));
      if (at >= 0 && (best === null || at < best.at)) best = { crate, at };
    }
    return best ? best.crate : 'other';
  };
  const totals = {};
  for (const item of items) {
    const crate = crateOf(item.name);
    totals[crate] = (totals[crate] ?? 0) + item.shallow_size;
  }
  const all = Object.values(totals).reduce((t, v) => t + v, 0);
  report.crates = Object.entries(totals).sort((a, b) => b[1] - a[1]).map(([crate, bytes]) => ({ crate, bytes, percent: (100 * bytes) / all }));
  console.log(`raw bytes per crate (twiggy shallow sizes of ${twiggyFile}; the first crate named in a symbol owns it):`);
  console.table(Object.fromEntries(report.crates.map((c) => [c.crate, { bytes: c.bytes, '%': c.percent.toFixed(1) }])));
}

if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(report, null, 2)}\n`);
