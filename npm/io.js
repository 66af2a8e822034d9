// The keystroke module's calls (src/wasm.rs, `mod keystroke`): the texts go
// in through its input buffer, and the report comes back on the compact wire
// (src/wire.rs): words and one text in the module's memory, read here as
// tokens for wire.js. A keystroke then allocates nothing in wasm for them,
// crosses into it with numbers only, and mostly decodes no text (TextDecoder
// costs hundreds of nanoseconds a call in Chromium): the closed strings
// (codes, severities, param names, platform ids) come as addresses in the
// module's data, each decoded once and kept, and the normalized link, hosts
// and fixes mostly as pieces of the input.
const encoder = new TextEncoder();
const decoder = new TextDecoder();
// A token's kind: the top two bits of its first word.
const INPUT = 0xc0000000;
const HEAP = 0x80000000;
const JOIN = 0x40000000;
const SLOTS = 4096;

/**
 * `checkLink(input, asOf)` and `checkInstructions(input, link, asOf)` over a
 * keystroke module's `exports`: each gives the report's tokens (`count()`
 * and `text()`, what wire.js reads, valid until the next call), or null for
 * an asOf that is not a date.
 */
export function keystrokeCalls(exports) {
  let bytes = new Uint8Array(exports.memory.buffer);
  let words = new Uint32Array(exports.memory.buffer);
  // The views detach (length 0) when the module's memory grows.
  const memory = () => {
    if (bytes.byteLength === 0) {
      bytes = new Uint8Array(exports.memory.buffer);
      words = new Uint32Array(exports.memory.buffer);
    }
  };
  // The closed strings by address, in a direct-mapped table (cheaper than a
  // Map for the ten or so a report holds): a string whose slot another took
  // is decoded again, still right.
  const addresses = new Uint32Array(SLOTS);
  const strings = new Array(SLOTS).fill('');

  // Writes the texts (null for none) back to back into the input buffer:
  // their lengths in bytes (-1 for none) in `lengths`.
  const lengths = [0, 0, 0];
  // The input checked (`b`), as the module read it: the string INPUT tokens slice.
  let source = '';
  // The input buffer: where, and how many bytes (it only grows, and moves only then).
  let input = 0;
  let room = -1;
  function write(a, b, c) {
    const capacity = 3 * (a.length + b.length + (c === null ? 0 : c.length));
    if (capacity > room) {
      input = exports.inputBuffer(capacity) >>> 0;
      room = capacity;
    }
    let at = input;
    memory();
    lengths[0] = put(bytes, at, a);
    at += lengths[0];
    lengths[1] = put(bytes, at, b);
    // Not all ASCII: a lone surrogate went in as U+FFFD.
    source = lengths[1] === b.length ? b : b.toWellFormed();
    at += lengths[1];
    lengths[2] = c === null ? -1 : put(bytes, at, c);
  }

  // The tokens of the report whose header is at `header` (0: none).
  let at = 0;
  let heap = '';
  function text() {
    const a = words[at];
    const n = words[at + 1];
    at += 2;
    if (a === 0) return null;
    if (a >= INPUT) return source.slice(a - INPUT, a - INPUT + n);
    if (a >= HEAP) return heap.slice(a - HEAP, a - HEAP + n);
    if (a >= JOIN) {
      let joined = '';
      for (let k = a - JOIN; k > 0; k--) joined += text();
      return joined;
    }
    // The length check makes a string that is not ASCII (none is) or one
    // sharing another's address read right, if slower.
    const slot = a & (SLOTS - 1);
    let s = strings[slot];
    if (addresses[slot] !== a || s.length !== n) {
      s = decoder.decode(bytes.subarray(a, a + n));
      addresses[slot] = a;
      strings[slot] = s;
    }
    return s;
  }
  const tokens = { count: () => words[at++], text };
  function read(header) {
    if (header === 0) return null;
    memory();
    const h = header >>> 2;
    at = words[h] >>> 2;
    const text = words[h + 2];
    const length = words[h + 3];
    heap = length === 0 ? '' : decoder.decode(bytes.subarray(text, text + length));
    return tokens;
  }

  return {
    checkLink(input, asOf) {
      write(asOf, input, null);
      return read(exports.checkLink(lengths[0], lengths[1], Date.now()) >>> 0);
    },
    checkInstructions(input, link, asOf) {
      write(asOf, input, link);
      return read(exports.checkInstructions(lengths[0], lengths[1], lengths[2], Date.now()) >>> 0);
    },
  };
}

// UTF-8 of `text` at `at`; its length in bytes. ASCII, what links mostly
// are, is copied a code unit at a time; the rest goes to encodeInto, which
// writes a lone surrogate as U+FFFD, as String.prototype.toWellFormed would.
function put(view, at, text) {
  const n = text.length;
  let i = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) break;
    view[at + i] = c;
  }
  if (i === n) return n;
  return i + encoder.encodeInto(text.slice(i), view.subarray(at + i, at + 3 * n)).written;
}
