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
import { readTable, paramsOf } from './gen-codes.mjs';

const BANNER = '/* Generated from the Rust types (cargo run --example schema --features schema) by scripts/gen-types.mjs; do not edit. */';
export const TABLE_START = '<!-- codes:start (generated from schema.json by scripts/gen-types.mjs --readme; do not edit) -->';
export const TABLE_END = '<!-- codes:end -->';

const refName = (ref) => ref.replace(/^#\/\$defs\//, '');

/**
 * The Rust types exported under another name in TypeScript, so that no
 * export shadows a web built-in (`Request`, `Date`) where an editor
 * auto-imports it; npm/index.d.ts keeps the old names one version as
 * deprecated aliases.
 */
export const RENAMED = { Request: 'CheckRequest', Date: 'IsoDate' };
const tsName = (name) => RENAMED[name] ?? name;

/** Each finding code with its severity (the schema's `x-severity`) and meaning, in declaration order. */
export function codeList(schema) {
  return schema.$defs.Code.oneOf.map((entry) => {
    const severity = entry['x-severity'];
    if (!severity) throw new Error(`gen-types: no x-severity for code ${entry.const}`);
    return { code: entry.const, severity, kinds: entry['x-kinds'] ?? [], description: oneLine(entry.description ?? '') };
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
      // A request's `locale` is any language tag: the shipped ones offered by name.
      const typed = key === 'locale' ? { tsType: 'LocaleTag | null' } : type;
      def.properties[key] = { ...(doc ? { description: doc } : {}), anyOf: [typed, { tsType: 'undefined' }] };
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
      if (key === '$ref') out.tsType = tsName(refName(value));
      else if (key === '$defs') out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [tsName(k), { ...named(v), ...(v.title ? { title: tsName(v.title) } : {}) }]));
      else out[key] = named(value);
    }
    return out;
  };
  return named(schema);
}

/**
 * The codes whose findings may carry a `fix`: `"fix": true` in the codes
 * table (messages/codes.json). tests/js/types.test.mjs checks this list
 * against every golden finding: each listed code has a finding with a fix
 * there, and no finding of another code has one.
 */
export const CODES_WITH_FIX = readTable().codes.filter((c) => c.fix).map((c) => c.code);

/**
 * `Finding` as a union discriminated on `code`, one member per code
 * (`FindingOf<C>`): `severity` is the code's own, `params` the code's
 * (`CodeParams`), and `fix` only on the codes that may have one
 * (`fix?: never` on the others). `FindingWithFix` and `FindingWithoutFix`
 * name the two halves.
 */
function findingUnion(ts, schema) {
  const codes = new Set(codeList(schema).map((c) => c.code));
  const unknown = CODES_WITH_FIX.filter((c) => !codes.has(c));
  if (unknown.length) throw new Error(`gen-types: CODES_WITH_FIX has codes the schema lacks: ${unknown}`);
  const block = ts.match(/^(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n)?export interface Finding \{\n([\s\S]*?)\n\}$/m);
  const expected = [/^  code: Code;$/m, /^  fix\?: string;$/m, /^  params: Params;$/m, /^  severity: Severity;$/m];
  if (!block || !expected.every((re) => re.test(block[2]))) throw new Error('gen-types: Finding is not as expected');
  const [whole, doc = '', body] = block;
  const generic = body
    .replace(/^  code: Code;$/m, '  code: C;')
    .replace(/^  fix\?: string;$/m, '  fix?: C extends CodeWithFix ? string : never;')
    .replace(/^  params: Params;$/m, '  params: CodeParams[C];')
    .replace(/^  severity: Severity;$/m, '  severity: CodeSeverity[C];');
  const list = CODES_WITH_FIX.map((c) => `"${c}"`).join(' | ');
  return ts.replace(
    whole,
    [
      `${doc}export type Finding = FindingOf<Code>;`,
      `/**\n * A finding of code \`C\` (each code of a union its own member, so narrowing on \`code\` narrows the rest):\n * \`FindingOf<LinkCode>\` is a link report's finding.\n */\nexport type FindingOf<C extends Code> = C extends Code ? FindingOfCode<C> : never;`,
      `/**\n * A finding of the one code \`C\`.\n */\nexport interface FindingOfCode<C extends Code> {\n${generic}\n}`,
      `/**\n * A finding of a code that may offer a \`fix\` (\`CodeWithFix\`): narrowing on \`code\` gives this type.\n */\nexport type FindingWithFix = FindingOf<CodeWithFix>;`,
      `/**\n * A finding of a code that never offers a \`fix\`.\n */\nexport type FindingWithoutFix = FindingOf<Exclude<Code, CodeWithFix>>;`,
      `/**\n * The codes whose findings may carry a \`fix\`, a value that can replace the field's input as is.\n */\nexport type CodeWithFix = ${list};`,
    ].join('\n\n'),
  );
}

// Each report kind's TypeScript name prefix, as its `kind` is spelled.
const KIND_TYPES = { link: 'Link', instructions: 'Instructions', location: 'Location', continuity: 'Continuity', session: 'Session', invalid_request: 'InvalidRequest' };

/**
 * Each report's `findings` as the findings of its kind's codes (the codes
 * table's `kinds`, in the schema as `x-kinds`), and `verdict: "reject"` on
 * the invalid request report.
 */
function perKindReports(ts, schema) {
  let out = ts;
  for (const [kind, name] of Object.entries(KIND_TYPES)) {
    const start = out.indexOf(`export interface ${name}Report {\n`);
    const end = out.indexOf('\n}\n', start);
    if (start < 0 || end < 0) throw new Error(`gen-types: no ${name}Report`);
    let body = out.slice(start, end);
    if (!/^  findings: Finding\[\];$/m.test(body)) throw new Error(`gen-types: ${name}Report.findings is not Finding[]`);
    body = body.replace(/^  findings: Finding\[\];$/m, `  findings: FindingOf<${name}Code>[];`);
    if (kind === 'invalid_request') {
      if (!/^  verdict: Verdict;$/m.test(body)) throw new Error('gen-types: InvalidRequestReport.verdict is not Verdict');
      body = body.replace(/^  verdict: Verdict;$/m, '  verdict: "reject";');
    }
    out = out.slice(0, start) + body + out.slice(end);
  }
  const kinds = new Set(codeList(schema).flatMap((c) => c.kinds));
  const missing = [...kinds].filter((k) => !(k in KIND_TYPES));
  if (missing.length) throw new Error(`gen-types: x-kinds names kinds without a report type: ${missing}`);
  return out;
}

/** `LinkCode`, `InstructionsCode`, ...: the codes each kind of report may carry. */
function kindCodes(schema) {
  return Object.entries(KIND_TYPES)
    .map(([kind, name]) => {
      const codes = codeList(schema).filter((c) => c.kinds.includes(kind)).map((c) => `"${c.code}"`);
      if (codes.length === 0) throw new Error(`gen-types: no code for kind ${kind}`);
      return `/**\n * The codes a \`${kind}\` report's findings may carry.\n */\nexport type ${name}Code = ${codes.join(' | ')};`;
    })
    .join('\n\n');
}

/**
 * `CodeParams`: each code's `params`, from the codes table, messages/codes.json
 * (each a subset: a finding carries those its message uses). A closed list of
 * values is a literal union, a platform a `PlatformId`, text a string.
 */
function codeParams(table) {
  const members = table.codes
    .map((c) => [c.code, paramsOf(table, c)])
    .map(([code, names]) => {
      const fields = Object.entries(names).map(([name, kind]) => {
        const type = Array.isArray(kind) ? kind.map((v) => JSON.stringify(v)).join(' | ') : kind === 'platform' ? 'PlatformId' : 'string';
        return `    ${/^[a-z_][a-z0-9_]*$/.test(name) ? name : JSON.stringify(name)}?: ${type};`;
      });
      return fields.length === 0 ? `  ${code}: { [name: string]: never };` : `  ${code}: {\n${fields.join('\n')}\n  };`;
    });
  return [
    '/**',
    " * Each code's `params`, by name: `CodeParams[\"zip_state_mismatch\"][\"places\"]` is",
    ' * `"none" | "one" | "many" | undefined`. A finding has those its message uses.',
    ' */',
    `export interface CodeParams {\n${members.join('\n')}\n}`,
  ].join('\n');
}

/** `LocaleTag`: what a request's `locale` takes. */
function localeTag() {
  return [
    '/**',
    ' * A BCP 47 language tag for a request\'s `locale`: the shipped locales by name',
    ' * (`Locale`), or any other tag, matched by its language (`es-MX` and `es-419`',
    ' * give `es`, `en-US` gives `en`; a language not shipped gives English). The',
    ' * report says `locale` when the tag was not the name of the one it matched.',
    ' */',
    // `string & {}` keeps the shipped names in editors' completions.
    'export type LocaleTag = Locale | (string & {});',
  ].join('\n');
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
export async function types(schema, table = readTable()) {
  const shaped = reshape(schema);
  const options = { bannerComment: '', additionalProperties: false, strictIndexSignatures: true, format: true };
  // With every `$ref` turned into a type name, each definition compiles on
  // its own: the root first, then the definitions in a reading order.
  const { $defs, ...root } = shaped;
  const order = ['CheckRequest', 'Report', 'Finding', 'Code', 'CodeSeverity', 'Severity', 'Verdict'];
  const names = [...order.filter((n) => n in $defs), ...Object.keys($defs).filter((n) => !order.includes(n)).sort(sortByKind)];
  const parts = [await compile(root, 'TelehealthRulesContract', options)];
  for (const name of names) parts.push(await compile($defs[name], name, options));
  // `(Date | null) | undefined` reads better without the parentheses.
  const ts = parts.map((p) => p.trim()).join('\n\n').replace(/^(\s+\w+\?: )\(([^()]+)\) \| undefined;$/gm, '$1$2 | undefined;');
  // A numbered name (`Verdict1`) would be a copy of a type made for one use.
  const copies = [...ts.matchAll(/^export (?:type|interface) ([A-Za-z]+\d+)\b/gm)].map((m) => m[1]);
  if (copies.length > 0) throw new Error(`gen-types: duplicate types ${copies.join(', ')}`);
  const parts2 = [findingUnion(perKindReports(ts, schema), schema), codeSeverityInterface(schema), kindCodes(schema), codeParams(table), localeTag()];
  return `${BANNER}\n\n${parts2.join('\n\n')}\n`;
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
