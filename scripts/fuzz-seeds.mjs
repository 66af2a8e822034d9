#!/usr/bin/env node
// Writes the fuzzing seed corpus, fuzz/seeds/<target>/, from the shared test
// vectors (tests/vectors/*.json): every request as sent (target `request`),
// every link input (target `link`), and every location's state, ZIP and
// country joined by U+001F (target `location`). File names are the SHA-1 of
// the content, as libFuzzer names its own; the output is the same on every
// run, so the committed seeds change only when the vectors do.
//
// Usage: node scripts/fuzz-seeds.mjs [--check]
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const vectors = join(repo, 'tests/vectors');
const seeds = join(repo, 'fuzz/seeds');
const SEP = '\u001f';
/** Seeds larger than this add little and slow every fuzz run down. */
const MAX_SEED_BYTES = 64 * 1024;

const out = { link: new Set(), location: new Set(), request: new Set() };
for (const file of readdirSync(vectors).filter((f) => f.endsWith('.json')).sort()) {
  const doc = JSON.parse(readFileSync(join(vectors, file), 'utf8'));
  for (const c of doc.cases) {
    const text = 'request_text' in c ? c.request_text : JSON.stringify(c.request);
    out.request.add(text);
    const r = c.request;
    if (r === null || typeof r !== 'object' || Array.isArray(r)) continue;
    if (typeof r.input === 'string' && r.kind === 'link') out.link.add(r.input);
    if (typeof r.link === 'string') out.link.add(r.link);
    if (typeof r.state === 'string') {
      const parts = [r.state];
      if (typeof r.zip === 'string' || typeof r.country === 'string') parts.push(r.zip ?? '');
      if (typeof r.country === 'string') parts.push(r.country);
      out.location.add(parts.join(SEP));
    }
    if (typeof r.location === 'string') out.location.add(r.location);
    for (const saved of r.client?.saved_locations ?? []) if (typeof saved === 'string') out.location.add(saved);
  }
}

const check = process.argv.includes('--check');
let stale = 0;
for (const [target, texts] of Object.entries(out)) {
  const dir = join(seeds, target);
  const wanted = new Map();
  for (const text of texts) {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length > MAX_SEED_BYTES) continue;
    wanted.set(createHash('sha1').update(bytes).digest('hex'), bytes);
  }
  if (check) {
    const have = existsSync(dir) ? new Set(readdirSync(dir)) : new Set();
    const missing = [...wanted.keys()].filter((name) => !have.has(name)).length;
    const extra = [...have].filter((name) => !wanted.has(name)).length;
    if (missing || extra) {
      console.error(`fuzz/seeds/${target}: ${missing} missing, ${extra} extra: run node scripts/fuzz-seeds.mjs`);
      stale += 1;
    }
    continue;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of wanted) writeFileSync(join(dir, name), bytes);
  console.log(`fuzz/seeds/${target}: ${wanted.size} seeds`);
}
process.exit(stale ? 1 : 0);
