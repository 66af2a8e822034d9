// Generates the message catalog's code from its sources: messages/<locale>.json
// (one file per locale), the codes table messages/codes.json, and the platform
// names of the registry (src/link/registry.rs, the one place a platform's
// display name is written: English's terms.platform is made from it):
//   src/messages/catalog.rs   static tables for the Rust renderer
//   npm/messages/<locale>.js  each locale's catalog as a plain object, with only
//                             the keystroke codes' messages (the codes of kinds
//                             link and instructions in the codes table) and the
//                             terms they use: the records module gives the rest
//   npm/messages.js           every shipped locale
// `--check` exits 1 when a generated file is out of date (run by `make docs-check`).
// The catalog's completeness (every code, every select branch, every param)
// is held by tests/catalog.rs; this script checks only what it needs to write.
import { readFileSync, writeFileSync, readdirSync, mkdirSync, existsSync } from 'node:fs';
import { templateError } from '../npm/render.js';
import { readTable } from './gen-codes.mjs';

const check = process.argv.includes('--check');
const dir = new URL('../messages/', import.meta.url);
const read = (name) => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));

const table = readTable();
const codes = table.codes.map((c) => c.code);
// The codes a keystroke report (link, instructions) can carry: the package's
// own JS catalogs hold only their messages, so that a page checking links
// downloads no other.
const keystroke = table.codes.filter((c) => c.kinds.some((k) => k === 'link' || k === 'instructions')).map((c) => c.code);
// English first (the reference and the fallback for terms), then by code.
const locales = readdirSync(dir)
  .filter((f) => /^[a-z]{2}(-[A-Z]{2})?\.json$/.test(f))
  .map((f) => f.replace(/\.json$/, ''))
  .sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
const catalogs = Object.fromEntries(locales.map((l) => [l, read(`${l}.json`)]));
const en = catalogs.en;

const problems = [];
// Each platform's display name, as the registry's `meeting(id, name, ...)` and
// `service(id, name, ...)` entries write it (tests/catalog.rs holds the
// generated names equal to the registry's `Entry::name`).
const registry = readFileSync(new URL('../src/link/registry.rs', import.meta.url), 'utf8');
const platformNames = Object.fromEntries([...registry.matchAll(/\b(?:meeting|service)\(\s*"([a-z0-9_]+)",\s*"([^"\\]+)"/g)].map((m) => [m[1], m[2]]));
if (Object.keys(platformNames).length === 0) problems.push('src/link/registry.rs: no platform entries found');
if (en.terms?.platform) problems.push('en.json: terms.platform comes from the registry (src/link/registry.rs): remove it');
en.terms = { platform: platformNames, ...en.terms };
for (const [locale, c] of Object.entries(catalogs)) {
  if (c.locale !== locale) problems.push(`${locale}.json: "locale" is ${JSON.stringify(c.locale)}`);
  const keys = Object.keys(c.messages ?? {});
  for (const code of codes) if (!keys.includes(code)) problems.push(`${locale}.json: no message for ${code}`);
  for (const key of keys) if (!codes.includes(key)) problems.push(`${locale}.json: ${key} is not a code of codes.json`);
  for (const [code, template] of Object.entries(c.messages ?? {})) {
    const error = templateError(template);
    if (error) problems.push(`${locale}.json: ${code}: ${error}`);
  }
  for (const id of Object.keys(en.platforms)) {
    const p = c.platforms?.[id];
    if (!p?.guidance || !p?.baa) problems.push(`${locale}.json: platform ${id} needs guidance and baa`);
  }
  for (const id of Object.keys(c.platforms ?? {})) if (!en.platforms[id]) problems.push(`${locale}.json: platform ${id} is not in en.json`);
  for (const cls of ['consumer', 'public']) {
    const p = c.platform_classes?.[cls];
    if (!p?.guidance || !p?.baa) problems.push(`${locale}.json: platform_classes.${cls} needs guidance and baa`);
  }
  for (const [group, values] of Object.entries(c.terms ?? {})) {
    if (!en.terms[group]) problems.push(`${locale}.json: terms.${group} is not in en.json`);
    for (const v of Object.keys(values)) if (!(v in (en.terms[group] ?? {}))) problems.push(`${locale}.json: terms.${group}.${v} is not in en.json`);
  }
  for (const text of strings(c)) {
    if (/[\u0000-\u001f\u007f]/.test(text)) problems.push(`${locale}.json: a control character in ${JSON.stringify(text)}`);
  }
}
if (problems.length) {
  console.error(`messages/: ${problems.length} problem(s):\n${problems.join('\n')}`);
  process.exit(1);
}

function* strings(value) {
  if (typeof value === 'string') yield value;
  else if (value && typeof value === 'object') for (const v of Object.values(value)) yield* strings(v);
}

// Terms as shipped in JS: each locale's own, English where it has none (the
// Rust renderer falls back the same way at run time).
function mergedTerms(c) {
  const out = {};
  for (const [group, values] of Object.entries(en.terms)) out[group] = { ...values, ...(c.terms?.[group] ?? {}) };
  return out;
}

const rustString = (s) => JSON.stringify(s).replace(/\\u00([0-9a-f]{2})/g, '\\u{$1}');
const variant = (s) => s.split(/[_-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join('');
const HEADER = 'generated by `node scripts/gen-messages.mjs` from messages/*.json: edit those, then run it';

function rust() {
  let out = `//! The message catalog as static tables: ${HEADER}.\n\n`;
  out += 'use super::Catalog;\nuse crate::code::Code;\nuse crate::request::Locale;\n\n';
  out += '/// The catalog of a shipped locale.\npub(super) fn catalog(locale: Locale) -> &\'static Catalog {\n    match locale {\n';
  for (const l of locales) out += `        Locale::${variant(l)} => &${l.toUpperCase().replace('-', '_')},\n`;
  out += '    }\n}\n';
  for (const l of locales) {
    const c = catalogs[l];
    const id = l.toUpperCase().replace('-', '_');
    out += `\nstatic ${id}: Catalog = Catalog {\n    template: ${l.replace('-', '_')}_template,\n    terms: &[\n`;
    for (const [group, values] of Object.entries(c.terms ?? {})) {
      const entries = Object.entries(values);
      if (!entries.length) continue;
      out += `        (${rustString(group)}, &[\n`;
      for (const [k, v] of entries) out += `            (${rustString(k)}, ${rustString(v)}),\n`;
      out += '        ]),\n';
    }
    out += '    ],\n    platforms: &[\n';
    for (const [pid, p] of Object.entries(c.platforms)) out += `        (${rustString(pid)}, ${rustString(p.guidance)}, ${rustString(p.baa)}),\n`;
    out += '    ],\n';
    for (const cls of ['consumer', 'public']) {
      const p = c.platform_classes[cls];
      out += `    ${cls}: (${rustString(p.guidance)}, ${rustString(p.baa)}),\n`;
    }
    out += '};\n';
    out += `\nfn ${l.replace('-', '_')}_template(code: Code) -> &'static str {\n    match code {\n`;
    for (const code of codes) out += `        Code::${variant(code)} => ${rustString(c.messages[code])},\n`;
    out += '    }\n}\n';
  }
  return out;
}

function js(locale) {
  const c = catalogs[locale];
  const messages = Object.fromEntries(keystroke.map((code) => [code, c.messages[code]]));
  const terms = mergedTerms(c);
  // A term group is used where a template names it as a placeholder.
  const used = new Set(Object.values(messages).flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1])));
  const data = {
    locale,
    name: c.name,
    messages,
    terms: Object.fromEntries(Object.entries(terms).filter(([group]) => used.has(group))),
    platforms: c.platforms,
    platformClasses: c.platform_classes,
  };
  return `// The ${c.name} message catalog for keystroke reports: ${HEADER}.\nexport default ${JSON.stringify(data, null, 1)};\n`;
}

function jsIndex() {
  let out = `// Every shipped catalog of keystroke messages, by locale: ${HEADER}.\n`;
  out += "import { renderMessage } from './render.js';\n";
  for (const l of locales) out += `import ${l.replace('-', '_')} from './messages/${l}.js';\n`;
  out += `\nexport const locales = ${JSON.stringify(locales)};\n`;
  out += `export const catalogs = { ${locales.map((l) => `${JSON.stringify(l)}: ${l.replace('-', '_')}`).join(', ')} };\n`;
  out += '\n/** The message of a keystroke finding `code` with `params` in `locale` (English when not shipped); `override` is a host\'s own `{messages, terms}`. */\n';
  out += 'export function renderFinding(locale, code, params, override) {\n';
  out += '  return renderMessage(Object.hasOwn(catalogs, locale) ? catalogs[locale] : catalogs.en, code, params, override);\n}\n';
  return out;
}

const outputs = [['src/messages/catalog.rs', rust()], ['npm/messages.js', jsIndex()]];
for (const l of locales) outputs.push([`npm/messages/${l}.js`, js(l)]);

const root = new URL('../', import.meta.url);
let stale = 0;
for (const [path, text] of outputs) {
  const url = new URL(path, root);
  const old = existsSync(url) ? readFileSync(url, 'utf8') : null;
  if (old === text) continue;
  if (check) {
    console.error(`${path} is out of date: run node scripts/gen-messages.mjs`);
    stale++;
  } else {
    mkdirSync(new URL('.', url), { recursive: true });
    writeFileSync(url, text);
    console.log(`wrote ${path}`);
  }
}
process.exit(stale ? 1 : 0);
