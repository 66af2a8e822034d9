// Generates the package's TypeScript types from the JSON Schema, which is
// itself generated from the Rust types:
//
//   node scripts/gen-types.mjs SCHEMA OUT.d.ts        the types (build-pkg.sh)
//   node scripts/gen-types.mjs --readme SCHEMA README  rewrites the codes table
//                                                      between the README's markers
//
// json-schema-to-typescript does the compiling. Before it runs, the schema is
// reshaped (a copy: the shipped schema.json is left as generated) so that:
// - every `$ref` becomes a reference to the one named type (`Verdict`, `Date`,
//   `Client`), never an inlined copy (`Verdict1`, `Date1`, `Client1`) made
//   because the property has its own description; that description stays as
//   the property's doc comment, and the type keeps its Rust doc comment;
// - a report field that may be left out is never `null` (`fix?: string`):
//   reports write `null` only for fields that are always present;
// - the doc comment of a string union lists what each value means (and, for
//   `Code`, its severity), since TypeScript has no doc comment per literal;
// - `CodeSeverity` maps each code to its one severity, with the code's doc.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const BANNER = '/* Generated from the Rust types (cargo run --example schema --features schema) by scripts/gen-types.mjs; do not edit. */';
export const TABLE_START = '<!-- codes:start (generated from schema.json by scripts/gen-types.mjs --readme; do not edit) -->';
export const TABLE_END = '<!-- codes:end -->';

const refName = (ref) => ref.replace(/^#\/\$defs\//, '');

/** Each finding code with its severity (the schema's `x-severity`) and meaning, in declaration order. */
export function codeList(schema) {
  return schema.$defs.Code.oneOf.map((entry) => {
    const severity = entry['x-severity'];
    if (!severity) throw new Error(`gen-types: no x-severity for code ${entry.const}`);
    return { code: entry.const, severity, description: oneLine(entry.description ?? '') };
  });
}

const oneLine = (text) => text.replace(/\s*\n\s*/g, ' ').trim();

/** The markdown table of codes for the README. */
export function codesTable(schema) {
  const escape = (text) => text.replaceAll('|', '\\|');
  const rows = codeList(schema).map((c) => `| \`${c.code}\` | ${c.severity} | ${escape(c.description)} |`);
  return ['| code | severity | meaning |', '|---|---|---|', ...rows].join('\n');
}

/** Replaces the table between the README's markers. */
export function withCodesTable(readme, schema) {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error('gen-types: the README has no codes table markers');
  return `${readme.slice(0, start + TABLE_START.length)}\n${codesTable(schema)}\n${readme.slice(end)}`;
}

/** The schema as json-schema-to-typescript should see it (a reshaped copy). */
export function reshape(original) {
  const schema = structuredClone(original);
  const defs = schema.$defs;

  // Report-side definitions: everything reachable from `Report`.
  const reportSide = new Set();
  const reach = (node) => {
    if (Array.isArray(node)) return node.forEach(reach);
    if (node === null || typeof node !== 'object') return;
    if (typeof node.$ref === 'string') {
      const name = refName(node.$ref);
      if (!reportSide.has(name)) {
        reportSide.add(name);
        reach(defs[name]);
      }
    }
    Object.values(node).forEach(reach);
  };
  reach({ $ref: '#/$defs/Report' });
  for (const name of reportSide) {
    const def = defs[name];
    const required = new Set(def.required ?? []);
    for (const [key, prop] of Object.entries(def.properties ?? {})) {
      if (required.has(key)) continue;
      if (Array.isArray(prop.type)) {
        prop.type = prop.type.filter((t) => t !== 'null');
        if (prop.type.length === 1) prop.type = prop.type[0];
      }
      if (Array.isArray(prop.anyOf)) {
        prop.anyOf = prop.anyOf.filter((s) => s.type !== 'null');
      }
    }
  }

  // Request-side definitions (reachable from `Request`, not from `Report`):
  // an optional field may also be given as `undefined`, so that a request
  // built from possibly-missing values compiles under
  // `exactOptionalPropertyTypes` (`zip?: string | null | undefined`).
  const requestSide = new Set();
  const reachRequest = (node) => {
    if (Array.isArray(node)) return node.forEach(reachRequest);
    if (node === null || typeof node !== 'object') return;
    if (typeof node.$ref === 'string') {
      const name = refName(node.$ref);
      if (!requestSide.has(name)) {
        requestSide.add(name);
        reachRequest(defs[name]);
      }
    }
    Object.values(node).forEach(reachRequest);
  };
  reachRequest({ $ref: '#/$defs/Request' });
  for (const name of requestSide) {
    if (reportSide.has(name)) continue;
    const def = defs[name];
    const required = new Set(def.required ?? []);
    for (const [key, prop] of Object.entries(def.properties ?? {})) {
      if (required.has(key)) continue;
      // The doc comment and its `@maxItems` tag stay on the property.
      const { description, ...type } = prop;
      const doc = [description, type.maxItems === undefined ? undefined : `@maxItems ${type.maxItems}`].filter(Boolean).join('\n\n');
      def.properties[key] = { ...(doc ? { description: doc } : {}), anyOf: [type, { tsType: 'undefined' }] };
    }
  }

  // Per-value doc comments of string unions, listed in the union's comment.
  const severities = new Map(codeList(schema).map((c) => [c.code, c.severity]));
  for (const [name, def] of Object.entries(defs)) {
    if (!Array.isArray(def.oneOf) || !def.oneOf.every((v) => 'const' in v)) continue;
    const items = def.oneOf.map((v) => {
      const severity = name === 'Code' ? ` (${severities.get(v.const)})` : '';
      return `- \`${v.const}\`${severity}: ${oneLine(v.description ?? '')}`;
    });
    def.description = `${def.description ?? ''}\n\n${items.join('\n')}`.trim();
  }

  // "One of these fields is required" (`anyOf` of bare `required` lists, as
  // on SessionRequest): each branch names its field as a required, non-null
  // property, so TypeScript gets `Base & ({session_date: Date} | {session_start: ...})`
  // instead of an index signature that would accept anything.
  for (const def of Object.values(defs)) {
    if (!Array.isArray(def.anyOf) || !def.anyOf.every((b) => Object.keys(b).length === 1 && Array.isArray(b.required))) continue;
    def.anyOf = def.anyOf.map((branch) => {
      const properties = Object.fromEntries(branch.required.map((key) => {
        const prop = structuredClone(def.properties[key]);
        if (Array.isArray(prop.type)) prop.type = prop.type.filter((t) => t !== 'null');
        if (Array.isArray(prop.anyOf)) prop.anyOf = prop.anyOf.filter((t) => t.type !== 'null');
        return [key, prop];
      }));
      return { type: 'object', properties, required: branch.required, additionalProperties: false };
    });
  }

  // `kind` first, as in the JSON; rustdoc links (`[`crate::x::Y`]`) as code.
  for (const def of Object.values(defs)) {
    if (def.properties?.kind) {
      const { kind, ...rest } = def.properties;
      def.properties = { kind, ...rest };
    }
  }
  const plain = (node) => {
    if (Array.isArray(node)) return node.forEach(plain);
    if (node === null || typeof node !== 'object') return;
    if (typeof node.description === 'string') {
      node.description = node.description.replace(/\[`(?:crate::)?(?:\w+::)*(\w+)`\]/g, '`$1`');
    }
    Object.values(node).forEach(plain);
  };
  plain(defs);

  // `$ref` -> the named type itself; sibling keywords (the property's own
  // description) stay on the property.
  const named = (node) => {
    if (Array.isArray(node)) return node.map(named);
    if (node === null || typeof node !== 'object') return node;
    const out = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref') out.tsType = refName(value);
      else out[key] = key === '$defs' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, named(v)])) : named(value);
    }
    return out;
  };
  return named(schema);
}

/**
 * The codes whose findings may carry a `fix`: the codes the Rust rules give
 * one (`with_fix`, `push_fix`, `push_repair` in src/). tests/js/types.test.mjs
 * checks this list against every golden finding: each listed code has a
 * finding with a fix there, and no finding of another code has one.
 */
export const CODES_WITH_FIX = ['missing_scheme', 'https_required', 'wrapped_link', 'malformed_meeting_id', 'unknown_jurisdiction'];

/**
 * `Finding` as a union discriminated on `code`: `fix` only on the codes that
 * may have one (`FindingWithFix`), `fix?: never` on the others.
 */
function findingUnion(ts, schema) {
  const codes = new Set(codeList(schema).map((c) => c.code));
  const unknown = CODES_WITH_FIX.filter((c) => !codes.has(c));
  if (unknown.length) throw new Error(`gen-types: CODES_WITH_FIX has codes the schema lacks: ${unknown}`);
  const block = ts.match(/^(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n)?export interface Finding \{\n([\s\S]*?)\n\}$/m);
  if (!block || !/^  code: Code;$/m.test(block[2]) || !/^  fix\?: string;$/m.test(block[2])) throw new Error('gen-types: Finding is not as expected');
  const [whole, doc = '', body] = block;
  const withFix = body.replace(/^  code: Code;$/m, '  code: CodeWithFix;');
  const withoutFix = body.replace(/^  code: Code;$/m, '  code: Exclude<Code, CodeWithFix>;').replace(/^  fix\?: string;$/m, '  fix?: never;');
  const list = CODES_WITH_FIX.map((c) => `"${c}"`).join(' | ');
  return ts.replace(
    whole,
    [
      `${doc}export type Finding = FindingWithFix | FindingWithoutFix;`,
      `/**\n * A finding of a code that may offer a \`fix\` (\`CodeWithFix\`): narrowing on \`code\` gives this type.\n */\nexport interface FindingWithFix {\n${withFix}\n}`,
      `/**\n * A finding of a code that never offers a \`fix\`.\n */\nexport interface FindingWithoutFix {\n${withoutFix}\n}`,
      `/**\n * The codes whose findings may carry a \`fix\`, a value that can replace the field's input as is.\n */\nexport type CodeWithFix = ${list};`,
    ].join('\n\n'),
  );
}

/** `CodeSeverity`: each code's one severity, with the code's doc comment. */
function codeSeverityInterface(schema) {
  const members = codeList(schema).map((c) => `  /** ${c.description.replaceAll('*/', '*\\/')} */\n  ${c.code}: "${c.severity}";`);
  return [
    '/**',
    ' * Every finding code and its one severity: `CodeSeverity["https_required"]` is `"error"`.',
    ' * A code always has the same severity; `keyof CodeSeverity` is `Code`.',
    ' */',
    `export interface CodeSeverity {\n${members.join('\n')}\n}`,
  ].join('\n');
}

/** The TypeScript declarations for the schema. */
export async function types(schema) {
  const shaped = reshape(schema);
  const options = { bannerComment: '', additionalProperties: false, strictIndexSignatures: true, format: true };
  // With every `$ref` turned into a type name, each definition compiles on
  // its own: the root first, then the definitions in a reading order.
  const { $defs, ...root } = shaped;
  const order = ['Request', 'Report', 'Finding', 'Code', 'CodeSeverity', 'Severity', 'Verdict'];
  const names = [...order.filter((n) => n in $defs), ...Object.keys($defs).filter((n) => !order.includes(n)).sort(sortByKind)];
  const parts = [await compile(root, 'TelehealthRulesContract', options)];
  for (const name of names) parts.push(await compile($defs[name], name, options));
  // `(Date | null) | undefined` reads better without the parentheses.
  const ts = parts.map((p) => p.trim()).join('\n\n').replace(/^(\s+\w+\?: )\(([^()]+)\) \| undefined;$/gm, '$1$2 | undefined;');
  // A numbered name (`Verdict1`) would be a copy of a type made for one use.
  const copies = [...ts.matchAll(/^export (?:type|interface) ([A-Za-z]+\d+)\b/gm)].map((m) => m[1]);
  if (copies.length > 0) throw new Error(`gen-types: duplicate types ${copies.join(', ')}`);
  return `${BANNER}\n\n${findingUnion(ts, schema)}\n\n${codeSeverityInterface(schema)}\n`;
}

// Requests and their parts, then reports and theirs, then the rest.
const KIND_ORDER = ['Link', 'Instructions', 'Location', 'Continuity', 'Session', 'InvalidRequest'];
function sortByKind(a, b) {
  const rank = (n) => {
    const kind = KIND_ORDER.findIndex((k) => n === `${k}Request` || n === `${k}Report`);
    if (kind >= 0) return (n.endsWith('Request') ? 0 : 100) + kind;
    return 200;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args[0] === '--readme') {
    const [, schemaPath, readmePath] = args;
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
    writeFileSync(readmePath, withCodesTable(readFileSync(readmePath, 'utf8'), schema));
  } else {
    const [schemaPath, outPath] = args;
    writeFileSync(outPath, await types(JSON.parse(readFileSync(schemaPath, 'utf8'))));
  }
}
