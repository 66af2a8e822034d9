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
 * `checkLink(input, asOf, typing)` and `checkInstructions(input, link, asOf, typing)`
 * (`typing`: a boolean, or absent for false) over a
 * keystroke module's `exports`: each gives the report's tokens (`count()`
 * and `text()`, what wire.js reads, valid until the module's next call,
 * whoever makes it), or null for an asOf that is not a date.
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

  // Where the input buffer is, with room for `capacity` bytes. Asked of the
  // module on every write: it moves when it grows (keeping what is written),
  // and another caller over the same module may have grown it.
  let inputAt = 0;
  function reserve(capacity) {
    inputAt = exports.inputBuffer(capacity) >>> 0;
    memory();
  }

  // Writes the texts (null for none) back to back into the input buffer:
  // their lengths in bytes (-1 for none) in `lengths`. A byte a code unit
  // is reserved, as for ASCII (a pasted page stays its size); a text that
  // is not ASCII reserves 3 bytes a code unit from where it stops being so.
  const lengths = [0, 0, 0];
  // The input checked (`b`), as the module read it: the string INPUT tokens slice.
  let source = '';
  function write(a, b, c) {
    let left = a.length + b.length + (c === null ? 0 : c.length);
    reserve(left);
    lengths[0] = put(a, 0, left);
    left -= a.length;
    lengths[1] = put(b, lengths[0], left);
    left -= b.length;
    // Not all ASCII: a lone surrogate went in as U+FFFD.
    source = lengths[1] === b.length ? b : b.toWellFormed();
    lengths[2] = c === null ? -1 : put(c, lengths[0] + lengths[1], left);
  }

  // Writes `text` as UTF-8 at byte `at` of the input buffer (`left`: the
  // code units still to write, this text's and the next ones'); its length
  // in bytes. ASCII, what links mostly are, is copied a code unit at a time;
  // the rest goes to encodeInto, which writes a lone surrogate as U+FFFD, as
  // String.prototype.toWellFormed would.
  function put(text, at, left) {
    const n = text.length;
    const to = inputAt + at;
    let i = 0;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c > 0x7f) break;
      bytes[to + i] = c;
    }
    if (i === n) return n;
    reserve(at + i + 3 * (left - i));
    const from = inputAt + at + i;
    return i + encoder.encodeInto(text.slice(i), bytes.subarray(from, from + 3 * (n - i))).written;
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
    const textAt = words[h + 1];
    const length = words[h + 2];
    heap = length === 0 ? '' : decoder.decode(bytes.subarray(textAt, textAt + length));
    return tokens;
  }

  return {
    checkLink(input, asOf, typing) {
      write(asOf, input, null);
      return read(exports.checkLink(lengths[0], lengths[1], Date.now(), typing) >>> 0);
    },
    checkInstructions(input, link, asOf, typing) {
      write(asOf, input, link);
      return read(exports.checkInstructions(lengths[0], lengths[1], lengths[2], Date.now(), typing) >>> 0);
    },
  };
}
