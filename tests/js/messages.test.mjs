// The message catalog in JavaScript renders exactly what Rust rendered: every
// finding of every golden report (English and Spanish) is rendered again from
// its code and params with npm/render.js: keystroke codes from the generated
// catalogs (what checkLink and checkInstructions render with), every code from
// the records module's catalog (what a host's templates are rendered with);
// and the platform texts are taken from the generated catalogs again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { casesIn, LOCALES } from './vectors.mjs';
import { render, renderMessage, platformTexts, templateError, MAX_OUTPUT } from '../../npm/render.js';
import { catalogs, locales, renderFinding } from '../../npm/messages.js';
import * as records from '../../pkg/records.js';

records.initSync({ module: readFileSync(new URL('../../pkg/records_bg.wasm', import.meta.url)) });
const complete = Object.fromEntries(locales.map((l) => [l, JSON.parse(records.catalogJson(l))]));
// The keystroke codes: those of kinds link and instructions in the codes table.
const KEYSTROKE = new Set(Object.entries(JSON.parse(readFileSync(new URL('../../messages/codes.json', import.meta.url), 'utf8')).codes)
  .filter(([, c]) => c.kinds.includes('link') || c.kinds.includes('instructions')).map(([code]) => code));

const CONSUMER = new Set(['microsoft_teams_free', 'facetime', 'whatsapp', 'messenger', 'signal', 'discord', 'skype', 'jitsi_public', 'google_hangouts']);
const PUBLIC = new Set(['facebook', 'twitch', 'tiktok', 'youtube', 'instagram']);

// A report's locale: the one its request names, when the request can be read.
function localeOf(c) {
  try {
    // A report in a locale its request's tag matched says so (`es-MX` -> `es`).
    const golden = JSON.parse(c.golden);
    if (golden.locale) return golden.locale;
    const sent = JSON.parse(c.text);
    return Object.hasOwn(catalogs, sent?.locale) ? sent.locale : 'en';
  } catch {
    return 'en';
  }
}

test('the shipped locales are the golden ones', () => {
  assert.deepEqual(locales, Object.keys(LOCALES));
});

for (const run of Object.keys(LOCALES)) {
  test(`every golden finding re-renders identically in JavaScript (${run})`, () => {
    let findings = 0;
    const failures = [];
    for (const c of casesIn(run)) {
      const report = JSON.parse(c.golden);
      const locale = localeOf(c);
      for (const f of report.findings) {
        findings++;
        const text = renderMessage(complete[locale], f.code, f.params);
        if (text !== f.message) failures.push(`${c.file} / ${c.name} / ${f.code}:\n  rust ${f.message}\n  js   ${text}`);
        const shipped = KEYSTROKE.has(f.code) ? renderFinding(locale, f.code, f.params) : f.message;
        if (shipped !== f.message) failures.push(`${c.file} / ${c.name} / ${f.code} (shipped catalog):\n  rust ${f.message}\n  js   ${shipped}`);
      }
      const p = report.platform;
      if (p) {
        const cls = CONSUMER.has(p.id) ? 'consumer' : PUBLIC.has(p.id) ? 'public' : 'meeting';
        const texts = platformTexts(catalogs[locale], p.id, cls);
        if (texts?.guidance !== p.guidance || texts?.baa !== p.baa) failures.push(`${c.file} / ${c.name}: platform texts of ${p.id}`);
      }
    }
    assert.ok(findings > 1000, `only ${findings} findings`);
    assert.deepEqual(failures, []);
  });
}

test('every shipped template parses', () => {
  for (const [locale, catalog] of [...Object.entries(catalogs), ...Object.entries(complete)]) {
    for (const [code, template] of Object.entries(catalog.messages)) assert.equal(templateError(template), null, `${locale} ${code}`);
  }
});

test('the package ships the keystroke codes\' messages and no others; the records module has every code', () => {
  for (const [locale, catalog] of Object.entries(catalogs)) {
    assert.deepEqual(Object.keys(catalog.messages).sort(), [...KEYSTROKE].sort(), locale);
    for (const code of KEYSTROKE) assert.equal(catalog.messages[code], complete[locale].messages[code], `${locale} ${code}`);
  }
  const en = JSON.parse(readFileSync(new URL('../../messages/en.json', import.meta.url), 'utf8'));
  assert.deepEqual(Object.keys(complete.en.messages).sort(), Object.keys(en.messages).sort());
});

test('the renderer: placeholders, terms, selects, fallbacks, bounds', () => {
  const terms = { p: { psy: 'a psychologist' } };
  assert.equal(render('Hi {name}!', { name: 'Ann' }), 'Hi Ann!');
  assert.equal(render('Hi {name}!', {}), 'Hi {name}!');
  assert.equal(render('as {p}', { p: 'psy' }, terms), 'as a psychologist');
  const t = '{k, select, a {A {x}} b {B{k, select, b {!} other {?}}} other {O}}';
  assert.equal(render(t, { k: 'a', x: '1' }), 'A 1');
  assert.equal(render(t, { k: 'b' }), 'B!');
  assert.equal(render(t, { k: 'zzz' }), 'O');
  assert.equal(render(t, {}), 'O');
  for (const bad of ['{', '}', 'a {b', '{k, select, a {x}}', '{k, plural, other {x}}', '{bad name}', '{k, select, a {x} other {y}']) {
    assert.equal(render(bad, { k: 'a' }), bad);
    assert.notEqual(templateError(bad), null, bad);
  }
  const deep = (n) => `${'{k, select, other {'.repeat(n)}x${'}}'.repeat(n)}`;
  assert.equal(render(deep(8), {}), 'x');
  assert.equal(render(deep(9), {}), deep(9));
  const long = 'é'.repeat(MAX_OUTPUT - 1);
  assert.equal(render('{v}{v}', { v: long }), long);
  assert.ok(render('a{v}', { v: long }) === `a${long}`, 'exactly MAX_OUTPUT fits');
  assert.ok(render('ab{v}', { v: long }) === 'ab', 'one more does not');
});

test('a host overrides a code\'s template and terms, and gets every variant', () => {
  const override = {
    messages: { license_inactive: 'Licence {place}: {reason, select, inactive {{status}} other {not valid}}.' },
    terms: { status: { suspended: 'SUSPENDED' } },
  };
  const params = { place: 'New York', reason: 'inactive', status: 'suspended', day: '2026-11-26' };
  assert.equal(renderMessage(complete.en, 'license_inactive', params, override), 'Licence New York: SUSPENDED.');
  assert.equal(renderMessage(complete.es, 'license_inactive', { ...params, reason: 'pending' }, override), 'Licence New York: not valid.');
  // Codes it does not override keep the shipped text; an unknown locale is English.
  assert.equal(renderFinding('fr', 'missing_scheme', {}, override), catalogs.en.messages.missing_scheme);
});

test('the package\'s own invalid_request problems render as npm/api.js words them today', () => {
  const renderFinding = (locale, code, params) => renderMessage(complete[locale], code, params);
  const options = { problem: 'bad_options', function: 'checkLink', shape: '{asOf}', js_type: 'string' };
  assert.equal(renderFinding('en', 'invalid_request', options), "checkLink()'s options must be an object like {asOf}, not a string.");
  const argument = { problem: 'bad_argument', function: 'checkLocation', shape: '{state, zip?, country?}', js_type: 'array' };
  assert.equal(renderFinding('en', 'invalid_request', argument), 'checkLocation() takes an object like {state, zip?, country?}, not an array.');
  const json = { problem: 'request_not_serializable', detail: 'Do not know how to serialize a BigInt' };
  assert.equal(renderFinding('en', 'invalid_request', json), 'The request cannot be written as JSON (Do not know how to serialize a BigInt).');
  assert.equal(renderFinding('es', 'invalid_request', options), 'Las opciones de checkLink() deben ser un objeto como {asOf}, no una cadena de texto.');
});
