// Differential test: 10,000 generated requests through the native
// crate (the CLI, `check --jsonl`) and through the wasm module in Node (the
// built package, pkg/node.js `checkJson`) give identical JSON, line by line.
// The requests come from a seeded PRNG, so every run sends the same ones; set
// DIFFERENTIAL_SEED (and DIFFERENTIAL_COUNT) to explore further.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './server.mjs';
import { checkJson } from '../../pkg/node.js';
import { prng } from './prng.mjs';

const SEED = Number(process.env.DIFFERENTIAL_SEED ?? 20261126);
const COUNT = Number(process.env.DIFFERENTIAL_COUNT ?? 10_000);


const random = prng(SEED);
const int = (n) => Math.floor(random() * n);
const pick = (list) => list[int(list.length)];
const chance = (p) => random() < p;
const times = (n, f) => Array.from({ length: n }, f);

const DOMAINS = [
  'zoom.us', 'us02web.zoom.us', 'acme.zoomgov.com', 'meet.google.com', 'teams.microsoft.com', 'teams.cloud.microsoft',
  'acme.webex.com', 'doxy.me', 'clinic.vsee.me', 'www.therapyportal.com', 'video.simplepractice.com', 'meet.goto.com',
  'gotomeet.me', 'chime.aws', 'spruce.care', 'teams.live.com', 'facetime.apple.com', 'wa.me', 'm.me', 'discord.gg',
  'skype.com', 'www.facebook.com', 'twitch.tv', 'www.youtube.com', 'bit.ly', 't.co', 'tinyurl.com',
  'nam12.safelinks.protection.outlook.com', 'www.google.com', 'urldefense.proofpoint.com', 'urldefense.com',
  'freeconferencecall.com', 'evil.example', 'doxy.me.evil.example', 'zoom.us.evil.example', 'example.com',
  'localhost', '127.0.0.1', '[::1]', 'xn--dxy-1na.me', 'd\u043exy.me', 'z\u03bf\u03bfm.us', '\uff5a\uff4f\uff4f\uff4d.us',
  'DOXY.ME', 'zoom.us.', 'user:pass@doxy.me', 'zoom.us@evil.example',
];
const SCHEMES = ['https://', 'https://', 'https://', 'http://', '', '', 'HTTPS://', '//', 'https:', 'javascript:', 'tel:',
  'zoommtg://', 'ftp://', 'data:text/html,', 'facetime:', 'mailto:'];
const SEGMENTS = ['j', 'my', 's', 'start', 'w', 'wc', 'join', 'meet', 'l', 'meetup-join', 'url', 'p', 'telehealth', 'u',
  'sign-in', 'new', 'j.php', 'drsmith', 'dr.smith', 'Dr.Smith.', 'room', '..', '%2e%2e', '%E2%80%AE', '<script>', '"x"'];
const QUERIES = ['pwd=abc123', 'zak=xyz', 'utm_source=mail', 'utm_campaign=x', 'fbclid=1', 'p=AbCd', 'tk=abc',
  'MTID=m0a1b2c', 'context=%7b%22Tid%22%7d', 'q=1', '', 'a=b&&c=d'];
const PLACES = ['NY', 'ny', 'New York', '  new   york ', 'CA', 'Calif.', 'Califrnia', 'Texsa', 'n. carolina', 'N.C.',
  'Carolina', 'DC', 'Washington, D.C.', 'Washington', 'PR', 'Guam', 'USVI', 'AA', 'AE', 'AP', 'FM', 'MH', 'PW',
  'Palau', 'XX', '', '   ', 'Georgia', 'GA', 'W.Va.', 'So. Dakota', '\u200bNY', '\uff2e\uff39', 'N\u0435w York'];
const ZIPS = ['10001', '94110', '94110-1234', '941101234', ' 94110 ', '00001', '09001', '96910', '96950', '9411',
  'ABCDE', '97635', '02861', '20001', '00601', '', '12345-', '\uff19\uff14\uff11\uff11\uff10'];
const COUNTRIES = ['US', 'USA', 'U.S.', 'United States', 'Mexico', 'Canada', 'CA', 'Palau', 'FM', 'Puerto Rico', 'Guam',
  '', ' ', 'Georgia', 'Narnia'];
const DATES = ['2026-11-26', '2026-02-19', '2026-02-20', '2025-05-05', '2025-05-04', '2027-06-30', '2024-02-29',
  '2028-02-29', '2000-02-29', '9999-12-31', '0001-01-01'];
const BAD_DATES = ['2026-02-30', '2026-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '0000-01-01', '11/26/2026',
  '2026-11-26T00:00:00Z', '', '2026-1-1'];
const SNIPPETS = ['Join with the link.', '<b>hi</b>', '<script>alert(1)</script>', 'javascript:alert(1)', 'I <3 you',
  'Meeting ID: 123 456 7890', 'Call (646) 558-8656', 'Call (646) 558\u20138656', '+44 20 7946 0958', 'tel:+16465588656',
  'Passcode 1234567890', 'www.example.com', 'doxy.me/drsmith', 'Doxy.me', '\u202e', '\u200b', '\n', '\t', '\u00e9',
  '\u65e5\u672c', '&lt;b&gt;', 'https://doxy.me/drsmith', 'https://evil.example/x'];

/** A random string of code points, including controls, bidi controls, astral characters and lone surrogates. */
function randomText(max) {
  const ranges = [[0x20, 0x7e], [0x20, 0x7e], [0x20, 0x7e], [0, 0x1f], [0xa0, 0x2ff], [0x200b, 0x206f],
    [0x3000, 0x303f], [0xff01, 0xff5e], [0xd800, 0xdfff], [0x1f600, 0x1f64f], [0xe0000, 0xe007f]];
  let out = '';
  for (let i = int(max + 1); i > 0; i -= 1) {
    const [lo, hi] = pick(ranges);
    out += String.fromCodePoint(lo + int(hi - lo + 1));
  }
  // Lone surrogates make the whole request invalid JSON once escaped: keep a few.
  return chance(0.05) ? out : out.toWellFormed();
}

function encode(text) {
  return encodeURIComponent(text.toWellFormed()).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function linkLike(depth = 0) {
  if (depth < 3 && chance(0.15)) {
    const inner = linkLike(depth + 1);
    return pick([
      () => `https://nam12.safelinks.protection.outlook.com/?url=${encode(inner)}&data=05%7C01&reserved=0`,
      () => `https://www.google.com/url?q=${encode(inner)}&sa=D`,
      () => `https://urldefense.com/v3/__${inner}__;!!abc`,
      () => `https://urldefense.proofpoint.com/v1/url?u=${encode(inner)}`,
    ])();
  }
  let out = pick(SCHEMES) + pick(DOMAINS);
  if (chance(0.1)) out += pick([':443', ':8080', ':80', '.']);
  for (let i = int(4); i > 0; i -= 1) {
    out += `/${chance(0.7) ? pick(SEGMENTS) : chance(0.5) ? String(int(1e12)) : randomText(6)}`;
  }
  if (chance(0.2)) out += '/';
  if (chance(0.35)) out += `?${times(1 + int(3), () => pick(QUERIES)).join('&')}`;
  if (chance(0.1)) out += `#${pick(['x', 'top', '/a', ''])}`;
  if (chance(0.2)) {
    const [before, after] = pick([[' ', '\n'], ['<', '>'], ['(', ').'], ['"', '"'], ['', '.'], ['', ','], ['\u202e', ''], ['\u00a0', '\t']]);
    out = before + out + after;
  }
  return out;
}

/** Any JSON value, nested a little. */
function junk(depth = 0) {
  const kinds = depth < 3 ? 8 : 6;
  switch (int(kinds)) {
    case 0: return null;
    case 1: return chance(0.5);
    case 2: return pick([0, -1, 1.5, 1e300, -0, 123456789012345680000]);
    case 3: return randomText(12);
    case 4: return pick(SNIPPETS);
    case 5: return pick(BAD_DATES);
    case 6: return times(int(5), () => junk(depth + 1));
    default: return Object.fromEntries(times(int(5), () => [pick(['a', 'kind', 'input', 'state', '', '__proto__', 'x']), junk(depth + 1)]));
  }
}

/** A field: usually of the right kind, sometimes absent, null or junk. */
function field(make) {
  const r = random();
  if (r < 0.02) return undefined;
  if (r < 0.035) return null;
  if (r < 0.05) return junk();
  return make();
}

const text = (pool, p = 0.1) => () => (chance(p) ? randomText(20) : pick(pool));
const enumOf = (names) => () => (chance(0.03) ? pick(['', 'ACTIVE', 'other', names[0].toUpperCase()]) : pick(names));
const date = () => (chance(0.1) ? pick(BAD_DATES) : pick(DATES));
const list = (make) => () => times(int(3), make);

const CODES = ['NY', 'NY', 'CA', 'TX', 'DC', 'PR', 'GU', 'ny', 'New York', 'XX'];
const license = () => object({
  jurisdiction: field(text(CODES, 0.03)), type: field(() => pick(['LCSW', 'LPC', 'PsyD'])),
  basis: field(enumOf(['state_license', 'compact_privilege'])),
  status: field(enumOf(['active', 'expired', 'suspended', 'pending'])), expires: field(date),
});
const credential = () => object({
  jurisdiction: field(text(CODES, 0.03)), status: field(enumOf(['active', 'pending'])), effective: field(date),
});
/** Where the client is: often where the provider holds a license. */
const place = () => (chance(0.6) ? pick(CODES) : text(PLACES)());
const provider = () => object({ licenses: field(list(license)), credentials: field(list(credential)) });
const client = () => object({
  coverage: field(enumOf(['in_network', 'out_of_network', 'none', 'medicare', 'medicaid'])),
  saved_locations: field(list(place)),
});

function object(members) {
  const out = {};
  for (const [key, value] of Object.entries(members)) if (value !== undefined) out[key] = value;
  return out;
}

const kind = (right) => (chance(0.98) ? right : pick(['LINK', 'video', '', 'invalid_request', null, 7, ['link']]));
const asOf = () => (chance(0.8) ? field(date) : undefined);

function request() {
  switch (int(12)) {
    case 0: case 1: case 2:
      return object({ kind: kind('link'), input: field(() => (chance(0.8) ? linkLike() : randomText(40))), as_of: asOf() });
    case 3: case 4:
      return object({
        kind: kind('instructions'),
        input: field(() => times(int(8), () => (chance(0.3) ? linkLike() : chance(0.5) ? pick(SNIPPETS) : randomText(12))).join(' ')),
        link: field(() => (chance(0.7) ? linkLike() : 'https://doxy.me/drsmith')),
        as_of: asOf(),
      });
    case 5: case 6:
      return object({
        kind: kind('location'), state: field(text(PLACES)), zip: field(text(ZIPS)), country: field(text(COUNTRIES)), as_of: asOf(),
      });
    case 7: case 8:
      return object({
        kind: kind('continuity'), location: field(place), provider: field(provider), client: field(client), as_of: asOf(),
      });
    case 9: case 10:
      return object({
        kind: kind('session'), location: field(place), provider: field(provider), client: field(client),
        session_date: field(date), modality: field(enumOf(['video', 'audio_only'])),
        payment: field(enumOf(['insurance', 'private_pay'])), as_of: asOf(),
      });
    default:
      return junk();
  }
}

/** Request text: mostly JSON as JSON.stringify writes it, sometimes cut or with junk spliced in. */
function requestText() {
  let out = JSON.stringify(request()) ?? 'null';
  const r = random();
  if (r < 0.05) out = out.slice(0, int(out.length + 1));
  else if (r < 0.08) {
    const at = int(out.length + 1);
    out = out.slice(0, at) + randomText(3) + out.slice(at);
  } else if (r < 0.1) out = randomText(30);
  // One request per line, as the CLI reads them; the wasm side gets the same
  // well-formed text (lone surrogates have no UTF-8 form either way).
  return out.replace(/[\n\r]/g, ' ').toWellFormed();
}

test(`${COUNT} generated requests give the same JSON natively and as wasm`, () => {
  const requests = times(COUNT, requestText);
  const dir = mkdtempSync(join(tmpdir(), 'telehealth-rules-differential-'));
  const input = join(dir, 'requests.jsonl');
  writeFileSync(input, requests.join('\n') + '\n');
  const native = execFileSync(cli, ['check', '--jsonl'], { input: readFileSync(input), maxBuffer: 1 << 30 })
    .toString('utf8')
    .split('\n');
  assert.equal(native.at(-1), '', 'the CLI output ends with a newline');
  native.pop();
  assert.equal(native.length, COUNT, 'one report per request');
  const differ = [];
  const kinds = {};
  requests.forEach((text, i) => {
    const wasm = checkJson(text);
    const report = JSON.parse(wasm);
    kinds[`${report.kind}/${report.verdict}`] = (kinds[`${report.kind}/${report.verdict}`] ?? 0) + 1;
    if (wasm !== native[i]) differ.push({ line: i + 1, request: text, native: native[i], wasm });
  });
  console.log(`differential (seed ${SEED}): ${COUNT} requests; kind/verdict counts ${JSON.stringify(kinds)}`);
  if (differ.length > 0) writeFileSync(join(dir, 'differences.json'), JSON.stringify(differ, null, 2));
  assert.deepEqual(differ.slice(0, 5), [], `${differ.length} of ${COUNT} reports differ (all in ${dir}/differences.json)`);
  // The generator reaches every kind of report, valid and invalid.
  for (const kind of ['link', 'instructions', 'location', 'continuity', 'session', 'invalid_request']) {
    assert.ok(Object.keys(kinds).some((k) => k.startsWith(`${kind}/`)), `no ${kind} report`);
  }
});
