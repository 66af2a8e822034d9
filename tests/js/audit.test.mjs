// `audit(record)` in the npm package (Node entry): the same answers as
// `telehealth-rules audit` gives for the same lines.
//
//   cargo build --bin telehealth-rules && bash scripts/build-pkg.sh
//   node --test tests/js/audit.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { audit, ruleset } from '../../pkg/node.js';

const request = { kind: 'link', input: 'https://sessions.psychologytoday.com/talia-sierra', as_of: '2026-11-29' };
const saved = (verdict, codes) => ({ kind: 'link', verdict, findings: codes.map((code) => ({ code })), ruleset: '2026.11.27' });

test('audit returns the change, null when nothing changed, and {report} for what is not a record', () => {
  // The rules of 2026.11.27 did not know Psychology Today Sessions.
  const change = audit({ id: 'r1', request, report: saved('review', ['unknown_platform']) });
  assert.deepEqual(change.before, { ruleset: '2026.11.27', verdict: 'review', codes: ['unknown_platform'] });
  assert.deepEqual(change.after, { ruleset, verdict: 'accept', codes: [] });
  assert.equal(change.report.platform.id, 'psychology_today_sessions');
  assert.equal(audit({ id: 'r2', request, report: saved('accept', []) }), null);
  const bad = audit({ id: 'r3', request });
  assert.equal(bad.report.kind, 'invalid_request');
  assert.equal(bad.report.findings[0].field, 'report');
  assert.equal(audit('not json').report.kind, 'invalid_request');
});

test('audit in JavaScript answers as the CLI does, line for line', () => {
  const records = [
    { id: 'a', request, report: saved('review', ['unknown_platform']) },
    { id: 'b', request, report: saved('accept', []) },
    { id: 'c', request: { kind: 'link', input: 'https://meet.jit.si/DrSmith', as_of: '2026-11-29' }, report: saved('review', ['unknown_platform']) },
  ];
  const input = records.map((r) => JSON.stringify(r)).join('\n');
  const cli = execFileSync('target/debug/telehealth-rules', ['audit'], { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
  const js = records.map((r) => audit(r)).filter((c) => c !== null).map((c) => JSON.stringify(c));
  assert.deepEqual(js, cli.trim().split('\n'));
});
