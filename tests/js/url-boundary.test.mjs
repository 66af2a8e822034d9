// The URL boundary: the link rules' URL parser (src/link/url.rs) against the
// parser that will open the link, `new URL()`, in Node and in headless
// Chromium. The rules may refuse a link a browser accepts (each kind of
// refusal is listed in docs/url-boundary.md and checked here), but a link the
// parser accepts must be read by both browsers exactly as the parser reads it:
// same href, user name, password, host, port, path, query and fragment.
//
// Inputs: every link input of the shared vectors (as the rules parse it:
// `http:` and scheme-less links as their https form), and text from a seeded
// grammar of URL-ish pieces (hosts, percent escapes, IPv4 and IPv6 forms,
// backslashes, tabs and newlines, userinfo, ports). The parser's reading comes
// from `cargo run --example url_parts` (one JSON line per input).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cases } from './vectors.mjs';
import { launchChromium } from './server.mjs';
import { prng } from './prng.mjs';

const repo = resolve(import.meta.dirname, '../..');
// The same inputs on every run; set URL_BOUNDARY_SEED (and URL_BOUNDARY_COUNT)
// to explore further.
const GENERATED = Number(process.env.URL_BOUNDARY_COUNT ?? 4000);
const SEED = Number(process.env.URL_BOUNDARY_SEED ?? 0x5eed_2026);

// ---- Inputs ----


/** The link as the rules parse it: `http:` and scheme-less text as https. */
function asParsed(input) {
  const trimmed = input.replace(/^[\u0000-\u0020]+/, '');
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(trimmed);
  if (!scheme) return `https://${trimmed}`;
  if (scheme[1].toLowerCase() === 'http') return `https:${trimmed.slice(scheme[0].length)}`;
  return trimmed;
}

function vectorInputs() {
  const out = new Set();
  for (const c of cases()) {
    const r = c.request;
    if (r && typeof r === 'object' && r.kind === 'link' && typeof r.input === 'string') out.add(asParsed(r.input));
  }
  return [...out];
}

/** URL-ish text from a grammar whose pieces are where parsers disagree. */
function generated(count, seed) {
  const random = prng(seed);
  // A piece: a value, or a function that makes one.
  const pick = (list) => {
    const piece = list[Math.floor(random() * list.length)];
    return typeof piece === 'function' ? piece() : piece;
  };
  const maybe = (p, f) => (random() < p ? f() : '');
  const times = (n, f) => Array.from({ length: n }, f).join('');
  const hex = () => pick('0123456789abcdefABCDEF'.split(''));
  const escape = () => pick([`%${hex()}${hex()}`, '%2e', '%2E', '%2f', '%5C', '%40', '%3A', '%00', '%25', '%zz', '%', '%4', '%C3%A9', '%E2%80%8B', '%F0%9F']);
  const letters = () => times(1 + Math.floor(random() * 6), () => pick('abcdefghijklmnopqrstuvwxyzABCDEFZ0123456789-_'.split('')));

  const scheme = () => pick(['https://', 'https://', 'https://', 'HTTPS://', 'hTtPs://', 'https:', 'https:/', 'https:\\\\', 'https:/\\', 'https:///', 'ht\ttps://', 'https:\n//', ' https://', '\u0001https://', 'http://', 'ftp://', 'https;//', 'https//']);
  const label = () => pick([
    letters, letters, letters,
    () => pick(['zoom', 'doxy', 'meet', 'google', 'teams', 'microsoft', 'us06web', 'www', 'me', 'us', 'com', 'example']),
    () => `xn--${pick(['80ak6aa92e', 'nxasmq6b', 'a', '-', 'zz9', 'caf-dma'])}`,
    () => `${letters()}${escape()}${letters()}`,
    () => pick(['é', 'о', 'ß', 'Ⓐ', 'ｚｏｏｍ', '\u200b', 'ı', 'ﬃ', 'K']),
    () => pick(['', '*', '!', '$', '&', "'", '(', ')', '+', ',', ';', '=', '~', '"', '{', '}', '`', '^', '|', '<', '>', ' ', '%20']),
  ]);
  const ipv4 = () => pick([
    () => times(4, () => `${Math.floor(random() * 300)}.`).slice(0, -1),
    () => pick(['127.0.0.1', '0x7f.0.0.1', '0177.0.0.1', '2130706433', '0x7f000001', '127.1', '127.0.1', '1.2.3.4.', '1.2.3.4.5', '256.0.0.1', '4294967296', '0x', '0xffffffff', '09.1.1.1', '1.2.3.09', '1..2.3', '.1.2.3', '1.2.3.4..', '0.0.0.0', '08', '1.2.3.0x', 'a.1.2.3', '1.2.3.a', '1.2.3.4a']),
  ]);
  const ipv6 = () => pick(['[::1]', '[::]', '[1:2:3:4:5:6:7:8]', '[::ffff:1.2.3.4]', '[::ffff:7f00:1]', '[1::]', '[1:2::3]', '[0:0:0:0:0:0:0:1]', '[::1', '::1]', '[:1]', '[1:2:3:4:5:6:7:8:9]', '[::1.2.3]', '[::1.2.3.4.5]', '[v1.x]', '[::%31]', '[FFFF::1]', '[1:2:3:4:5:6:1.2.3.4]', '[1:::2]', '[12345::]']);
  const host = () => pick([
    () => Array.from({ length: 1 + Math.floor(random() * 4) }, label).join('.') + maybe(0.1, () => '.'),
    () => pick(['zoom.us', 'doxy.me', 'meet.google.com', 'us06web.zoom.us', 'teams.microsoft.com', 'ZOOM.US', 'zoom.us.', 'doxy.me.evil.example', 'localhost', 'example.com']),
    ipv4, ipv6, ipv4,
    () => pick(['', '.', '..', 'a..b', '%2e', '%2e%2e', 'zo%6Fm.us', 'zoom%2eus', 'zoom%2Eus', 'zoom.us%00', '%7a%6f%6f%6d.us', '%31%32%37.0.0.1', '0x7f%2e1', 'doxy.me%2f', 'doxy.me%5c', 'a%40b']),
  ]);
  const userinfo = () => pick(['user@', 'user:pass@', ':@', '@', ':pass@', 'us%40er:p%3Ass@', 'a b@', 'zoom.us@', 'é:ü@', 'u:p:q@', '@@', 'user\t@', '[::1]@', 'a\\b@']);
  const port = () => pick([':443', ':80', ':8080', ':', ':0', ':65535', ':65536', ':99999999999', ':08', ':0443', ':abc', ':1a', ': 1', ':+1', ':-1', ':\t443']);
  const segment = () => pick([letters, letters, () => pick(['.', '..', '%2e', '%2e%2e', '.%2E', '%2E.', 'j', 'my', 's', 'w', '123456789', 'drsmith']), escape,
    () => pick(['é', ' ', '"', '<', '>', '`', '{', '}', '|', '^', '\\', "'", '%', '#', '?', '[', ']', '@', ':', ';', '=', '\u0000', '\u007f', '\u00a0', '\u{1F600}', '\t', '\n', '\r'])]);
  const path = () => pick([
    () => '',
    () => times(1 + Math.floor(random() * 4), () => `${pick(['/', '/', '\\', '//'])}${segment()}`),
  ]);
  const queryText = () => times(1 + Math.floor(random() * 4), () => pick([letters, segment, () => pick(['=', '&', '+', 'utm_source=x', "'", '"', '`', '<', '>', ' ', '#', '?'])]));
  const query = () => pick(['', () => `?${queryText()}`, () => '?']);
  const fragment = () => pick(['', () => `#${queryText()}`, () => '#']);
  const noise = (text) => {
    // Tabs and newlines anywhere; C0 controls and spaces at either end.
    let out = text;
    if (random() < 0.15) {
      const at = Math.floor(random() * (out.length + 1));
      out = out.slice(0, at) + pick(['\t', '\n', '\r', '\r\n']) + out.slice(at);
    }
    if (random() < 0.05) out = pick([' ', '\u0000', '\u001f', '\t']) + out;
    if (random() < 0.05) out += pick([' ', '\u0000', '\u001f', '\n']);
    return out;
  };

  const out = [];
  for (let i = 0; i < count; i += 1) {
    const text = scheme() + maybe(0.12, userinfo) + host() + maybe(0.15, port) + path() + query() + fragment();
    // As the page sends it: a pair split by a newline is two U+FFFD.
    out.push(noise(text).toWellFormed());
  }
  return out;
}

/**
 * Inputs other seeds found, kept so every run has them: tabs and newlines,
 * which the parser drops, hiding an `xn--` label or an escape in the host
 * from the rules' lookalike check.
 */
const FOUND = [
  'https:\n//xn--a.lnB?dn11#',
  'https:\n\n//XN--d1acufc.com/',
  'https:\t//zo%6Fm.us/j/1234567890',
  'https://xn-\r\n-d1acufc.com/',
  'https:\n//xn--a.gewqF:0\n443/\u00e9/F5/[/u#',
];

// ---- Readings ----

/** The parser's reading of each input, from the url_parts example. */
function rulesReadings(inputs) {
  execFileSync('cargo', ['build', '--quiet', '--example', 'url_parts'], { cwd: repo, stdio: 'inherit' });
  const stdout = execFileSync(resolve(repo, 'target/debug/examples/url_parts'), {
    input: inputs.map((s) => JSON.stringify(s)).join('\n') + '\n',
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  const lines = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
  assert.equal(lines.length, inputs.length, 'url_parts answers every input');
  return lines;
}

const PARTS = ['href', 'protocol', 'username', 'password', 'hostname', 'port', 'pathname', 'search', 'hash'];

/** `new URL(input)` as an object of its parts, or {ok: false}. Runs in Node and, as source text, in the page. */
function browserReading(input) {
  try {
    const u = new URL(input);
    return { ok: true, href: u.href, protocol: u.protocol, username: u.username, password: u.password, hostname: u.hostname, port: u.port, pathname: u.pathname, search: u.search, hash: u.hash };
  } catch {
    return { ok: false };
  }
}

// ---- The boundary ----

/**
 * The refusals the parser may make where a browser accepts, each with the
 * test that the browser's reading (or the text) shows the reason
 * (docs/url-boundary.md, "Refusals").
 */
const REFUSALS = {
  // Another scheme: the rules judge only https links (`http:` and scheme-less
  // links are parsed as their https form before they get here).
  Other: (input, theirs) => theirs.protocol !== 'https:',
  // A host a browser maps through full IDNA or percent-escapes (non-ASCII
  // letters, escapes, `xn--` labels, a space Chromium writes as %20): the
  // rules read plain ASCII hosts only; anything else is a lookalike to them.
  IdnaError: (input, theirs) => /(^|\.)xn--/i.test(theirs.hostname) || theirs.hostname.includes('%') || !/^[\x00-\x7f]*$/.test(hostPart(input)) || hostPart(input).includes('%'),
  // `*` in a host: Node keeps it, Chromium writes %2A.
  InvalidDomainCharacter: (input, theirs) => /\*|%2A/i.test(theirs.hostname),
  // An IPv6 address with percent escapes, which Chromium decodes and the
  // URL standard refuses (IP hosts are rejected by the rules anyway).
  InvalidIpv6Address: (input) => /\[[^\]]*%/.test(hostPart(input)),
};

/** The host as typed, roughly (after the scheme and any userinfo): for the refusal checks only. */
function hostPart(input) {
  const rest = input.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]*[A-Za-z][A-Za-z0-9+.-]*:[\\/]*/, '');
  const end = rest.search(/[\\/?#]/);
  const authority = end < 0 ? rest : rest.slice(0, end);
  return authority.slice(authority.lastIndexOf('@') + 1);
}

/**
 * Chromium's own departure from the URL standard, not the rules': it
 * percent-escapes `^` and `|` in a path, which the standard and Node keep.
 * Its path is compared with those two escapes read back.
 */
function chromiumPath(text) {
  // In an href, only what comes before the query or fragment (userinfo and
  // host never hold `^` or `|` unescaped).
  const end = text.search(/[?#]/);
  const path = end < 0 ? text : text.slice(0, end);
  return path.replace(/%5E/gi, '^').replace(/%7C/gi, '|') + (end < 0 ? '' : text.slice(end));
}

/** Every way `theirs` (a browser) contradicts `ours` (the rules' parser) on one input; empty when it holds. */
function contradictions(input, ours, theirs, browserName) {
  if (ours.ok) {
    if (!theirs.ok) {
      // Punycode labels the parser checks only as Punycode, where Node's full
      // IDNA also checks what they decode to: the rules reject every `xn--`
      // label (lookalike_characters) before this parser's reading is used.
      const punycode = /(^|\.)xn--/.test(ours.hostname) && ours.rules.verdict === 'reject';
      return punycode ? [] : ['the rules\' parser accepts a link the browser cannot parse'];
    }
    const same = (part) => (browserName === 'Chromium' && (part === 'pathname' || part === 'href')
      ? chromiumPath(ours[part]) === chromiumPath(theirs[part])
      : ours[part] === theirs[part]);
    return PARTS.filter((p) => !same(p)).map((p) => `${p}: rules ${JSON.stringify(ours[p])}, browser ${JSON.stringify(theirs[p])}`);
  }
  if (!theirs.ok) return [];
  const allowed = REFUSALS[ours.error];
  if (!allowed) return [`refused as ${ours.error}, which is not a documented refusal, but the browser reads ${theirs.href}`];
  return allowed(input, theirs) ? [] : [`refused as ${ours.error}, but the browser's reading ${theirs.href} does not show why`];
}

/** Holds one browser's readings to the boundary; returns how the inputs fell. */
function check(browserName, inputs, ours, theirs) {
  const failures = [];
  const tally = { accepted: 0, refused: 0, bothFail: 0 };
  inputs.forEach((input, i) => {
    if (ours[i].ok) tally.accepted += 1;
    else if (theirs[i].ok) tally.refused += 1;
    else tally.bothFail += 1;
    const found = contradictions(input, ours[i], theirs[i], browserName);
    if (found.length > 0) failures.push(`${JSON.stringify(input)}\n    ${found.join('\n    ')}`);
  });
  if (process.env.URL_BOUNDARY_DUMP) writeFileSync(`${process.env.URL_BOUNDARY_DUMP}-${browserName}.txt`, failures.join('\n'));
  assert.deepEqual(failures.slice(0, 20), [], `${browserName}: ${failures.length} of ${inputs.length} inputs differ`);
  return tally;
}

/** The links the rules let through (accept or review), as they save them. */
const savedLinks = () => [...new Set(ours.filter((r) => r.rules.verdict !== 'reject' && r.rules.normalized !== null).map((r) => r.rules.normalized))];

/** Every saved link a browser reads as anything but itself (`path` normalizes Chromium's path escapes). */
function misread(links, readings, path = (text) => text) {
  return links.filter((link, i) => !readings[i].ok || path(readings[i].href) !== path(link));
}

let inputs;
let ours;
let browser;

before(async () => {
  inputs = [...vectorInputs(), ...FOUND, ...generated(GENERATED, SEED)];
  ours = rulesReadings(inputs);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

test('the vectors and the generator reach every side of the boundary', () => {
  const vectors = vectorInputs().length;
  assert.ok(vectors > 100, `${vectors} vector links`);
  const accepted = ours.filter((r) => r.ok).length;
  const kinds = new Set(ours.filter((r) => !r.ok).map((r) => r.error));
  // Enough of each side that the comparison means something.
  assert.ok(accepted > inputs.length / 4, `${accepted} of ${inputs.length} parsed`);
  for (const kind of ['Other', 'IdnaError', 'EmptyHost', 'InvalidPort', 'InvalidIpv4Address', 'InvalidIpv6Address', 'InvalidDomainCharacter']) {
    assert.ok(kinds.has(kind), `some input is refused as ${kind}`);
  }
  assert.ok(savedLinks().length > 100, `${savedLinks().length} links the rules let through`);
});

/** `browserReading` over a list, in Chromium. */
async function inChromium(list) {
  const page = await browser.newPage();
  try {
    return await page.evaluate(`(${((l, reading) => l.map((input) => reading(input))).toString()})(${JSON.stringify(list)}, ${browserReading.toString()})`);
  } finally {
    await page.close();
  }
}

test('Node reads every link the parser accepts as the parser does, and every refusal is documented', () => {
  const tally = check('Node', inputs, ours, inputs.map(browserReading));
  assert.ok(tally.refused > 0 && tally.bothFail > 0);
});

test('Chromium reads every link the parser accepts as the parser does, and every refusal is documented', async () => {
  const tally = check('Chromium', inputs, ours, await inChromium(inputs));
  assert.ok(tally.refused > 0 && tally.bothFail > 0);
});

test('every link the rules let through reads back unchanged in Node and in Chromium', async () => {
  const links = savedLinks();
  assert.deepEqual(misread(links, links.map(browserReading)), [], 'Node');
  assert.deepEqual(misread(links, await inChromium(links), chromiumPath), [], 'Chromium');
});
