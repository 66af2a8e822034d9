// What a link-only module would weigh, measured without touching src/:
// drops exports (by default `checkJson`, the generic entry point that pulls
// in the request decoder and every other kind) from a wasm-bindgen output,
// so that wasm-opt's dead-code elimination removes everything only they
// reach. What is left is exactly the `checkLinkJson` path (link rules, url
// crate, JSON writer). The result is for measuring, not shipping: the glue
// still names the dropped export.
//
//   node scripts/bench-linkonly.mjs IN.wasm OUT.wasm [EXPORT ...]
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output, ...names] = process.argv.slice(2);
const drop = new Set(names.length ? names : ['checkJson']);
const bytes = readFileSync(input);

function leb(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value >>>= 7;
    if (value) b |= 0x80;
    out.push(b);
  } while (value);
  return out;
}

const parts = [bytes.subarray(0, 8)];
let at = 8;
const read = () => {
  let r = 0;
  let s = 0;
  let b;
  do {
    b = bytes[at++];
    r |= (b & 0x7f) << s;
    s += 7;
  } while (b & 0x80);
  return r >>> 0;
};
const dropped = [];
while (at < bytes.length) {
  const start = at;
  const id = bytes[at++];
  const size = read();
  const end = at + size;
  if (id !== 7) {
    parts.push(bytes.subarray(start, end));
    at = end;
    continue;
  }
  const count = read();
  const kept = [];
  for (let i = 0; i < count; i++) {
    const from = at;
    const len = read();
    const name = bytes.subarray(at, at + len).toString('utf8');
    at += len;
    at += 1; // kind
    read(); // index
    if (drop.has(name)) dropped.push(name);
    else kept.push(bytes.subarray(from, at));
  }
  const body = Buffer.concat([Buffer.from(leb(kept.length)), ...kept]);
  parts.push(Buffer.from([7, ...leb(body.length)]), body);
  at = end;
}
writeFileSync(output, Buffer.concat(parts));
console.log(`bench-linkonly: dropped ${dropped.join(', ') || 'nothing'} -> ${output}`);
