// The keystroke module's buffers (npm/io.js over src/wasm.rs's `mod
// keystroke`), on their own module instance: what is reserved for a long
// paste, texts that stop being ASCII part-way through a write that must
// grow the buffer, two callers over one module, and the wire read back after
// the module's memory grew.
// Each report is compared with the records module's for the same request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as glue from '../../pkg/keystroke.js';
import { keystrokeCalls } from '../../pkg/io.js';
import { fromWire } from '../../pkg/wire.js';
import en from '../../pkg/messages/en.js';
import { check } from '../../pkg/node.js';

const exports = glue.initSync({ module: readFileSync(new URL('../../pkg/keystroke_bg.wasm', import.meta.url)) });
const calls = keystrokeCalls(exports);
const asOf = '2026-11-26';
const link = (input) => fromWire(calls.checkLink(input, asOf), en);
const instructions = (input, url) => fromWire(calls.checkInstructions(input, url, asOf), en);

test('a long ASCII paste reserves about a byte a character, not three', () => {
  const before = exports.memory.buffer.byteLength;
  const paste = `https://doxy.me/${'a'.repeat(4_000_000)}`;
  assert.equal(link(paste).findings[0].code, 'too_long');
  const grown = exports.memory.buffer.byteLength - before;
  assert.ok(grown < 6_000_000, `memory grew by ${grown} bytes for ${paste.length} characters`);
  assert.equal(link('https://doxy.me/drsmith').verdict, 'accept');
});

test('texts that stop being ASCII part-way, the buffer growing under them, read as the records module reads them', () => {
  for (const n of [0, 1, 100, 5_000, 70_000]) {
    const pad = 'a'.repeat(n);
    for (const input of [`https://doxy.me/${pad}é`, `${pad} https://bücher.example/räume/ 😀`, `https://doxy.me/dr\ud800${pad}`]) {
      const text = input.toWellFormed();
      assert.deepEqual(link(input), check({ kind: 'link', input: text, as_of: asOf }), `${n}: ${text.slice(-20)}`);
      const words = `Join: ${input} é`;
      assert.deepEqual(
        instructions(words, input),
        check({ kind: 'instructions', input: words.toWellFormed(), link: text, as_of: asOf }),
        `${n}: instructions`,
      );
    }
  }
});

test('two callers over one module: after one grows the buffer, the other still writes where it is', () => {
  const other = keystrokeCalls(exports);
  assert.equal(link('https://doxy.me/a').verdict, 'accept');
  assert.equal(fromWire(other.checkLink(`https://doxy.me/${'b'.repeat(300_000)}`, asOf), en).findings[0].code, 'too_long');
  assert.deepEqual(link('https://doxy.me/drsmith'), check({ kind: 'link', input: 'https://doxy.me/drsmith', as_of: asOf }));
});

test('no link for instructions, an empty input and a bad date', () => {
  assert.deepEqual(instructions('See you then.', null), check({ kind: 'instructions', input: 'See you then.', as_of: asOf }));
  assert.deepEqual(link(''), check({ kind: 'link', input: '', as_of: asOf }));
  assert.equal(calls.checkLink('https://doxy.me/drsmith', '2026-02-30'), null);
  assert.equal(calls.checkLink('https://doxy.me/drsmith', 'not a date'), null);
});
