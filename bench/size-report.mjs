// Where the bytes of a wasm module go: raw, gzip-9 and brotli-11 of the
// whole file and of each section (code, data, ...); and, given a build that
// keeps the name section (wasm-opt -g, bench/wasm-variants.sh's names.wasm),
// the code bytes per crate (raw, and brotli-11 of that crate's function
// bodies together) and the largest functions.
//
//   node bench/size-report.mjs LABEL=FILE.wasm ... [--names names.wasm] [--top N] [--json out.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args.splice(at, 2)[1];
};
const namesFile = option('--names');
const top = Number(option('--top') ?? 25);
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

/** Reads a LEB128 unsigned integer at `at`: [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return [value, at];
  }
}

/** The defined functions of a module: {name, size, body} from the code and name sections. */
function functions(bytes) {
  let imported = 0;
  const bodies = [];
  const names = new Map();
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at++];
    let size;
    [size, at] = leb(bytes, at);
    const end = at + size;
    if (id === 2) {
      let [n, p] = leb(bytes, at);
      for (let i = 0; i < n; i++) {
        let len;
        [len, p] = leb(bytes, p); p += len; // module
        [len, p] = leb(bytes, p); p += len; // field
        const kind = bytes[p++];
        if (kind === 0) { [, p] = leb(bytes, p); imported++; } else if (kind === 1) { p++; const [flags, q] = leb(bytes, p); [, p] = leb(bytes, q); if (flags & 1) [, p] = leb(bytes, p); } else if (kind === 2) { const [flags, q] = leb(bytes, p); [, p] = leb(bytes, q); if (flags & 1) [, p] = leb(bytes, p); } else if (kind === 3) { p += 2; } else { p += 2; }
      }
    } else if (id === 10) {
      let [n, p] = leb(bytes, at);
      for (let i = 0; i < n; i++) {
        const [len, q] = leb(bytes, p);
        bodies.push(bytes.subarray(p, q + len));
        p = q + len;
      }
    } else if (id === 0) {
      const [len, q] = leb(bytes, at);
      if (new TextDecoder().decode(bytes.subarray(q, q + len)) === 'name') {
        let p = q + len;
        while (p < end) {
          const sub = bytes[p++];
          let subSize;
          [subSize, p] = leb(bytes, p);
          if (sub === 1) {
            let [n, r] = leb(bytes, p);
            for (let i = 0; i < n; i++) {
              let index; let l;
              [index, r] = leb(bytes, r);
              [l, r] = leb(bytes, r);
              names.set(index, new TextDecoder().decode(bytes.subarray(r, r + l)));
              r += l;
            }
          }
          p += subSize;
        }
      }
    }
    at = end;
  }
  return bodies.map((body, i) => ({ name: names.get(imported + i) ?? `func${imported + i}`, size: body.length, body }));
}

if (namesFile) {
  const CRATES = ['telehealth_rules', 'url', 'idna', 'idna_adapter', 'form_urlencoded', 'percent_encoding', 'smallvec', 'utf8_iter',
    'serde', 'serde_core', 'wasm_bindgen', 'js_sys', 'dlmalloc', 'lol_alloc', 'talc', 'compiler_builtins', 'core', 'alloc', 'std'];
  const crateOf = (name) => {
    let best = null;
    for (const crate of CRATES) {
      const at = name.search(new RegExp(`(^|[^A-Za-z0-9_])${crate}(\\[[0-9a-f]+\\])?::`));
      if (at >= 0 && (best === null || at < best.at)) best = { crate, at };
    }
    return best ? best.crate : 'other';
  };
  const fns = functions(readFileSync(namesFile));
  const groups = {};
  for (const f of fns) (groups[crateOf(f.name)] ??= []).push(f);
  const code = fns.reduce((t, f) => t + f.size, 0);
  report.crates = Object.entries(groups).map(([crate, list]) => {
    const raw = list.reduce((t, f) => t + f.size, 0);
    const joined = new Uint8Array(raw);
    let o = 0;
    for (const f of list) { joined.set(f.body, o); o += f.size; }
    return { crate, functions: list.length, raw, brotli: brotli(joined) };
  }).sort((a, b) => b.raw - a.raw);
  console.log(`code per crate in ${namesFile} (${fns.length} functions, ${code} bytes of code; the first crate named in a symbol owns it; brotli-11 of the crate's bodies compressed together):`);
  console.table(Object.fromEntries(report.crates.map((c) => [c.crate, { functions: c.functions, raw: c.raw, '%': ((100 * c.raw) / code).toFixed(1), 'brotli-11': c.brotli }])));
  report.top = fns.sort((a, b) => b.size - a.size).slice(0, top).map(({ name, size }) => ({ name, size }));
  console.log(`the ${top} largest functions (raw bytes of code):`);
  console.table(report.top.map(({ name, size }) => ({ size, name: name.length > 110 ? `${name.slice(0, 107)}...` : name })));
}

if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(report, null, 2)}\n`);
