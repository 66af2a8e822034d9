// The shared test vectors for the JavaScript runs, and how a report is held
// to a case's expectations: the twin of tests/common/mod.rs.
import { readFileSync } from 'node:fs';

export const FILES = ['link', 'instructions', 'location', 'continuity', 'session', 'envelope', 'adversarial', 'licensure', 'platforms', 'typing'];
const root = new URL('../', import.meta.url);

/** The shipped locales the vectors run in, with their golden directory. */
export const LOCALES = { en: 'golden', es: 'golden-es' };

/** Every case: {file, name, request (object or undefined), text (the request as sent), expect, golden}. */
export function cases() {
  return casesIn('en');
}

/**
 * The cases in `locale`: for `es`, each `request` object without a `locale`
 * gets `locale: 'es'` (a `request_text` is sent as written), and the golden
 * reports are tests/golden-es/ (as tests/common/mod.rs does).
 */
export function casesIn(locale) {
  const out = [];
  for (const file of FILES) {
    const doc = JSON.parse(readFileSync(new URL(`vectors/${file}.json`, root), 'utf8'));
    const golden = readFileSync(new URL(`${LOCALES[locale]}/${file}.jsonl`, root), 'utf8').split('\n');
    doc.cases.forEach((c, i) => {
      const object = c.request !== null && typeof c.request === 'object' && !Array.isArray(c.request);
      const request = locale !== 'en' && object && !('locale' in c.request) ? { ...c.request, locale } : c.request;
      const text = 'request_text' in c ? c.request_text : JSON.stringify(request);
      out.push({ file, name: c.name, request, text, expect: c.expect, golden: golden[i] });
    });
  }
  return out;
}

const sorted = (list) => [...list].map(String).sort();
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** What in `report` contradicts the case's expectations (empty: it passes). */
export function mismatches(expect, report) {
  const out = [];
  const findings = report.findings ?? [];
  const finding = (code) => findings.find((f) => f.code === code);
  if (report.verdict !== expect.verdict) out.push(`verdict ${report.verdict} (expected ${expect.verdict})`);
  const got = sorted(findings.map((f) => f.code));
  const want = sorted(expect.codes ?? []);
  if (!same(got, want)) out.push(`codes ${got} (expected ${want})`);
  for (const key of ['fix', 'field']) {
    for (const [code, value] of Object.entries(expect[key] ?? {})) {
      const f = finding(code);
      if (f && (f[key] ?? null) !== value) out.push(`${code}.${key} ${f[key]} (expected ${value})`);
    }
  }
  // A value being typed: each finding's `final` (null: absent) and the report's `settled`.
  for (const [code, value] of Object.entries(expect.final ?? {})) {
    const f = finding(code);
    if (f && (f.final ?? null) !== value) out.push(`${code}.final ${f.final} (expected ${value})`);
  }
  for (const key of ['normalized', 'zip', 'outcome', 'private_pay']) {
    if (key in expect && report[key] !== expect[key]) out.push(`${key} ${report[key]} (expected ${expect[key]})`);
  }
  if ('settled' in expect && (report.settled ?? null) !== expect.settled) out.push(`settled ${report.settled} (expected ${expect.settled})`);
  const nested = { platform: ['platform', 'id'], waiting_room: ['platform', 'waiting_room'], jurisdiction: ['jurisdiction', 'code'] };
  for (const [key, [object, field]] of Object.entries(nested)) {
    if (key in expect) {
      const value = report[object] === null ? null : report[object]?.[field];
      if (value !== expect[key]) out.push(`${key} ${value} (expected ${expect[key]})`);
    }
  }
  if (expect.attestations && !same(sorted(report.attestations ?? []), sorted(expect.attestations))) {
    out.push(`attestations ${report.attestations} (expected ${expect.attestations})`);
  }
  return out;
}
