// The npm package as a Node consumer gets it: packed with `npm pack`,
// installed from the tarball into a scratch folder, imported by name. Every
// shared vector must pass there and give byte for byte the native CLI's report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { removeScratch } from './scratch.mjs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cases, casesIn } from './vectors.mjs';

const repo = resolve(import.meta.dirname, '../..');
const cli = process.env.TELEHEALTH_RULES_CLI ?? join(repo, 'target/debug/telehealth-rules');
let scratch;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'telehealth-rules-node-'));
  execFileSync('npm', ['pack', join(repo, 'pkg'), '--pack-destination', scratch, '--silent'], { stdio: 'pipe' });
  const tarball = readdirSync(scratch).find((f) => f.endsWith('.tgz'));
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', join(scratch, tarball)], { cwd: scratch, stdio: 'pipe' });
  writeFileSync(
    join(scratch, 'run.mjs'),
    `import { checkJson, ruleset } from 'telehealth-rules';
     import { readFileSync } from 'node:fs';
     const lines = readFileSync(0, 'utf8').split('\\n').filter(Boolean);
     process.stdout.write(JSON.stringify({ ruleset, reports: lines.map((l) => checkJson(JSON.parse(l))) }));`,
  );
});
after(() => removeScratch(scratch));

test('every vector through the installed package equals the CLI, byte for byte', () => {
  const all = cases();
  const input = all.map((c) => c.text).join('\n') + '\n';
  // The CLI reads one request per line, so a raw request must be one line.
  for (const c of all) assert.ok(!c.text.includes('\n'), `${c.name}: request spans lines`);
  const fromCli = execFileSync(cli, ['check', '--jsonl'], { input, maxBuffer: 1 << 28 }).toString().split('\n');
  const fromNpm = JSON.parse(
    execFileSync('node', ['run.mjs'], { cwd: scratch, input: all.map((c) => JSON.stringify(c.text)).join('\n'), maxBuffer: 1 << 28 }),
  ).reports;
  assert.equal(fromNpm.length, all.length);
  const differ = all.filter((c, i) => fromNpm[i] !== fromCli[i]).map((c) => `${c.file} / ${c.name}`);
  assert.deepEqual(differ, [], 'package and CLI disagree');
});

// Each kind's own function (checkLink and checkInstructions on the keystroke
// module's compact wire, rendered here from the catalog) gives the golden
// report, byte for byte once stringified, in English and in Spanish.
for (const locale of ['en', 'es']) {
  test(`every vector through the typed functions of the installed package equals the golden report (${locale})`, async () => {
    const pkg = await import(join(scratch, 'node_modules/telehealth-rules/node.js'));
    const typed = {
      link: ({ input, as_of, locale, typing }) => pkg.checkLink(input, { asOf: as_of, locale, typing }),
      instructions: ({ input, link, as_of, locale, typing }) => pkg.checkInstructions(input, { link, asOf: as_of, locale, typing }),
      location: ({ kind, ...r }) => pkg.checkLocation(r),
      continuity: ({ kind, ...r }) => pkg.checkContinuity(r),
      session: ({ kind, ...r }) => pkg.checkSession(r),
    };
    let through = 0;
    const differ = [];
    for (const c of casesIn(locale)) {
      const r = c.request;
      if (r === null || typeof r !== 'object' || Array.isArray(r) || !(r.kind in typed)) continue;
      through++;
      const report = JSON.stringify(typed[r.kind](r));
      if (report !== c.golden) differ.push(`${c.file} / ${c.name}: ${report}`);
    }
    assert.ok(through > 1000, `${through} vectors through the typed functions`);
    assert.deepEqual(differ.slice(0, 5), [], `${differ.length} differ`);
  });
}

test('the typed API answers like the generic one, and wrong use gets clear answers', async () => {
  const pkg = await import(join(scratch, 'node_modules/telehealth-rules/node.js'));
  await pkg.init(); // a no-op in Node, kept for code shared with the browser
  await Promise.all([pkg.init(), pkg.init()]);
  const link = pkg.checkLink('doxy.me/drsmith', { asOf: '2026-11-26' });
  assert.deepEqual(link, pkg.check({ kind: 'link', input: 'doxy.me/drsmith', as_of: '2026-11-26' }));
  assert.equal(link.findings[0].fix, 'https://doxy.me/drsmith');
  assert.equal(pkg.checkLocation({ state: 'Calif.' }).jurisdiction.name, 'California');
  const wrong = pkg.checkLink(42);
  assert.equal(wrong.kind, 'invalid_request');
  assert.match(wrong.findings[0].message, /"input" must be a string/);
  assert.equal(pkg.check(undefined).kind, 'invalid_request');
  const cyclic = {};
  cyclic.self = cyclic;
  assert.equal(pkg.check(cyclic).kind, 'invalid_request');
  assert.equal(pkg.checkLocation(null).kind, 'invalid_request');
  assert.equal(pkg.checkLink('https://zo\ud800om.us/j/1234567890').findings[0].code, 'lookalike_characters');
  assert.equal(pkg.checkLink('x'.repeat(10_000_000)).findings[0].code, 'too_long');
  // The keystroke module's buffers after its memory grew, with texts not all
  // ASCII: the same reports as the records module's (a lone surrogate reads as U+FFFD).
  const asOf = '2026-11-26';
  for (const input of ['https://zoom.us/j/1234567890', ' https://bücher.example/räume/ ', 'https://doxy.me/dr\ud800smith', 'https://münchen.doxy.me', '😀 doxy.me/drsmith/', 'https://é.doxy.me/x#😀']) {
    const same = pkg.check({ kind: 'link', input: input.toWellFormed(), as_of: asOf });
    assert.deepEqual(pkg.checkLink(input, { asOf }), same, input);
    assert.deepEqual(pkg.checkInstructions(`Join me: ${input} é`, { link: input, asOf }), pkg.check({ kind: 'instructions', input: `Join me: ${input.toWellFormed()} é`, link: input.toWellFormed(), as_of: asOf }), input);
  }
  // Still answering after all of that.
  assert.equal(pkg.checkLink('https://doxy.me/drsmith').verdict, 'accept');
  assert.equal(pkg.ruleset, JSON.parse(pkg.checkJson('{"kind":"location","state":"NY"}')).ruleset);
});
