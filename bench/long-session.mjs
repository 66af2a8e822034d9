// A long typing session in Node: checkLink over every keystroke prefix of
// bench/links.txt, 20 batches of 100 passes (1,144,000 calls), ns per call
// for each batch, per package build. A trend from the first batch to the
// last would show the allocator degrading (a free list growing, memory
// fragmenting); flat batches show it does not.
//
//   node bench/long-session.mjs [NAME=DIR ...]   (default pkg=pkg)
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LINKS } from './links.js';

const repo = resolve(import.meta.dirname, '..');
const PREFIXES = LINKS.flatMap((l) => Array.from({ length: l.length }, (_, i) => l.slice(0, i + 1)));
const builds = (process.argv.length > 2 ? process.argv.slice(2) : ['pkg=pkg']).map((pair) => pair.split('='));
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

let sink = 0;
for (const [name, dir] of builds) {
  const api = await import(`${pathToFileURL(join(resolve(repo, dir), 'index.js'))}?build=${name}`);
  await api.initKeystroke(readFileSync(join(resolve(repo, dir), 'keystroke_bg.wasm')));
  const start = load();
  const batches = [];
  for (let b = 0; b < 20; b++) {
    const t = process.hrtime.bigint();
    for (let pass = 0; pass < 100; pass++) for (const x of PREFIXES) sink += api.checkLink(x).findings.length;
    batches.push(Math.round(Number(process.hrtime.bigint() - t) / (100 * PREFIXES.length)));
  }
  console.log(`${name} (load ${start} -> ${load()}): checkLink ns per call, batches of ${100 * PREFIXES.length}: ${batches.join(' ')}`);
}
if (sink === -1) console.log(sink);
