// The TypeScript types as a consumer gets them, from the packed tarball: a
// strict consumer compiles (browser/bundler, Node ESM and Node CommonJS
// settings, with `exactOptionalPropertyTypes`), with the current TypeScript
// and with the lowest one the README claims (TS_FLOOR, installed in
// tests/consumers as an npm alias); one with deliberate mistakes fails with
// exactly those errors, and the doc comments of the Rust types reach the
// declarations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { bin, copyFixture, installScratch, removeScratch, repo, since } from './scratch.mjs';
import { consumersInstall } from './consumers-install.mjs';
import { cases } from './vectors.mjs';

// The lowest TypeScript the package README claims ("Types need TypeScript 5.0").
const TS_FLOOR = '5.0';
let tscFloor;

let scratch;
before(() => {
  tscFloor = join(consumersInstall().dir, `node_modules/typescript-${TS_FLOOR}/bin/tsc`);
  const install = installScratch('types');
  scratch = install.dir;
  console.log(`# scratch install from the tarball: ${install.ms} ms`);
});
after(() => removeScratch(scratch));

/** Runs tsc (the current one, or `compiler`) on a project: {status, output}. */
function tsc(project, compiler = bin('tsc')) {
  try {
    return { status: 0, output: execFileSync(process.execPath, [compiler, '-p', project, '--pretty', 'false'], { cwd: scratch, encoding: 'utf8' }) };
  } catch (error) {
    return { status: error.status, output: `${error.stdout}${error.stderr}` };
  }
}

test(`the strict consumers compile: tsc --strict --exactOptionalPropertyTypes --noEmit, bundler, Node ESM and CommonJS settings, TypeScript ${TS_FLOOR} and current`, (t) => {
  const strict = copyFixture('ts-strict', scratch);
  const cjs = copyFixture('ts-cjs', scratch);
  const projects = [join(strict, 'tsconfig.json'), join(strict, 'tsconfig.node.json'), join(cjs, 'tsconfig.json')];
  for (const project of projects) {
    for (const [name, compiler] of [['current', bin('tsc')], [TS_FLOOR, tscFloor]]) {
      const start = performance.now();
      const { status, output } = tsc(project, compiler);
      t.diagnostic(`tsc (${name}) -p ${project.slice(scratch.length + 1)}: ${since(start)} ms`);
      assert.equal(status, 0, `${project} with TypeScript ${name}:\n${output}`);
    }
    const options = JSON.parse(readFileSync(project, 'utf8').replace(/^\s*\/\/.*$/gm, '')).compilerOptions;
    assert.equal(options.strict, true);
    assert.equal(options.exactOptionalPropertyTypes, true);
    assert.equal(options.noEmit, true);
    assert.equal(options.skipLibCheck, false, 'the package declarations are checked too');
  }
  assert.match(execFileSync(process.execPath, [tscFloor, '-v'], { encoding: 'utf8' }), new RegExp(`Version ${TS_FLOOR.replace('.', '\\.')}\\.`));
  // The README states the floor this test compiles with.
  assert.match(readFileSync(join(repo, 'npm/README.md'), 'utf8'), new RegExp(`TypeScript ${TS_FLOOR.replace('.', '\\.')} or later`));
});

test('`fix` is typed only on the codes that have one: CODES_WITH_FIX agrees with every golden finding', async () => {
  const { CODES_WITH_FIX } = await import(join(repo, 'scripts/gen-types.mjs'));
  const withFix = new Set();
  const wrong = new Set();
  for (const c of cases()) {
    for (const f of JSON.parse(c.golden).findings) {
      if (f.fix === undefined) continue;
      withFix.add(f.code);
      if (!CODES_WITH_FIX.includes(f.code)) wrong.add(f.code);
    }
  }
  assert.deepEqual([...wrong], [], 'codes with a fix in the golden reports but typed without one');
  assert.deepEqual(CODES_WITH_FIX.filter((c) => !withFix.has(c)), [], 'codes typed with a fix that no golden finding shows');
});

test('the consumer with deliberate mistakes fails to compile, naming each misspelling', (t) => {
  const dir = copyFixture('ts-broken', scratch);
  const source = readFileSync(join(dir, 'broken.ts'), 'utf8').split('\n');
  // Line number -> the misspelled word, from the `// MISTAKE: word` comments.
  const mistakes = new Map(
    source.flatMap((line, i) => {
      const m = line.match(/\/\/ MISTAKE: (\w+)/);
      return m ? [[i + 1, m[1]]] : [];
    }),
  );
  assert.ok(mistakes.size >= 4);
  const start = performance.now();
  const { status, output } = tsc(join(dir, 'tsconfig.json'));
  t.diagnostic(`tsc -p ts-broken: ${since(start)} ms, exit ${status}`);
  assert.notEqual(status, 0, 'tsc must fail');
  assert.ok(!/TS2307|TS2792/.test(output), `the package itself must resolve:\n${output}`);
  // Each error (with its continuation lines) on a MISTAKE line, naming its word.
  const errors = output.split(/\n(?=\S)/).filter((e) => /error TS\d+/.test(e));
  const byLine = new Map();
  for (const error of errors) {
    const line = Number(error.match(/^broken\.ts\((\d+),\d+\)/)?.[1] ?? error.match(/broken\.ts\((\d+),/)?.[1]);
    byLine.set(line, [...(byLine.get(line) ?? []), error]);
  }
  assert.deepEqual([...byLine.keys()].sort((a, b) => a - b), [...mistakes.keys()], `errors on other lines:\n${output}`);
  for (const [line, word] of mistakes) {
    assert.ok(byLine.get(line).some((e) => e.includes(`'${word}'`) || e.includes(`"${word}"`)), `line ${line} error names ${word}:\n${byLine.get(line)}`);
  }
  // And the messages point at the right spelling.
  assert.match(output, /Did you mean 'normalized'\?/);
  assert.match(output, /Did you mean '"https_required"'\?/);
  assert.match(output, /Did you mean to write 'as_of'\?/);
});

// The description of a schema node, as a doc comment shows it.
const squash = (text) => text.replace(/\[`(?:\w+::)*(\w+)`\]/g, '`$1`').replace(/\s+/g, ' ').trim();

test('the declarations are the schema, with its doc comments: every type, field and code', async () => {
  const pkg = join(scratch, 'node_modules/telehealth-rules');
  const schema = JSON.parse(readFileSync(join(pkg, 'schema.json'), 'utf8'));
  const entry = join(scratch, 'docs.ts');
  writeFileSync(entry, "import type * as T from 'telehealth-rules';\nexport type { T };\n");
  const program = ts.createProgram([entry], {
    strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(entry);
  const moduleSymbol = checker.getSymbolAtLocation(file.statements[0].moduleSpecifier);
  const exports = new Map(checker.getExportsOfModule(moduleSymbol).map((s) => [s.name, s]));
  const docs = (symbol) => squash(ts.displayPartsToString(symbol.getDocumentationComment(checker)));

  const problems = [];
  // (StandardSchemaV1 is the Standard Schema spec's own name.)
  const numbered = [...exports.keys()].filter((n) => /\d$/.test(n) && n !== 'StandardSchemaV1');
  if (numbered.length) problems.push(`numbered copies of types: ${numbered}`);

  const defs = Object.entries(schema.$defs);
  // Titled inline schemas (the platform ids) are named types too.
  for (const [, def] of defs) {
    for (const [, prop] of Object.entries(def.properties ?? {})) if (prop.title) defs.push([prop.title, prop]);
  }
  const { RENAMED } = await import(join(repo, 'scripts/gen-types.mjs'));
  for (const [name, def] of defs) {
    // A type renamed so as not to shadow a web built-in is checked under its new name.
    const symbol = exports.get(RENAMED[name] ?? name);
    if (!symbol) {
      problems.push(`${name}: not exported`);
      continue;
    }
    const typeDoc = docs(symbol);
    if (def.description && !typeDoc.includes(squash(def.description))) problems.push(`${name}: doc "${typeDoc}" lacks "${def.description}"`);
    for (const value of def.oneOf ?? []) {
      if ('const' in value && value.description && !typeDoc.includes(squash(value.description))) {
        problems.push(`${name}: doc lacks the meaning of ${value.const}`);
      }
    }
    if (def.enum || def.oneOf?.every((v) => 'const' in v)) {
      const values = (def.enum ?? def.oneOf.map((v) => v.const)).map((v) => JSON.stringify(v)).sort();
      const type = checker.getDeclaredTypeOfSymbol(symbol);
      const members = (type.isUnion() ? type.types : [type]).map((m) => checker.typeToString(m)).sort();
      if (JSON.stringify(members) !== JSON.stringify(values)) problems.push(`${name}: ${members} is not ${values}`);
    }
    if (def.properties) {
      const type = checker.getDeclaredTypeOfSymbol(symbol);
      const required = new Set(def.required ?? []);
      for (const [key, prop] of Object.entries(def.properties)) {
        const member = type.getProperty(key);
        if (!member) {
          problems.push(`${name}.${key}: missing`);
          continue;
        }
        const optional = (member.flags & ts.SymbolFlags.Optional) !== 0;
        if (optional === required.has(key)) problems.push(`${name}.${key}: optional is ${optional}`);
        if (prop.description && !prop.title && !docs(member).includes(squash(prop.description))) {
          problems.push(`${name}.${key}: doc "${docs(member)}" lacks "${prop.description}"`);
        }
      }
    }
  }
  // The one optional report field is left out when absent, never null; it
  // exists only on the findings whose code may have one.
  const finding = checker.getDeclaredTypeOfSymbol(exports.get('Finding'));
  const fix = finding.getProperty('fix');
  const fixType = checker.typeToString(checker.getTypeOfSymbol(fix));
  if (fixType !== 'string | undefined') problems.push(`Finding.fix: ${fixType} (a report never writes null there)`);
  const fixOf = (name) => checker.typeToString(checker.getTypeOfSymbol(checker.getDeclaredTypeOfSymbol(exports.get(name)).getProperty('fix')));
  if (fixOf('FindingWithFix') !== 'string | undefined') problems.push(`FindingWithFix.fix: ${fixOf('FindingWithFix')}`);
  if (fixOf('FindingWithoutFix') !== 'undefined') problems.push(`FindingWithoutFix.fix: ${fixOf('FindingWithoutFix')}`);
  // The report union is discriminated on `kind`.
  const report = checker.getDeclaredTypeOfSymbol(exports.get('Report'));
  const kinds = report.types.map((m) => checker.typeToString(checker.getTypeOfSymbol(m.getProperty('kind')))).sort();
  if (kinds.join() !== '"continuity","instructions","invalid_request","link","location","session"') problems.push(`Report kinds: ${kinds}`);
  // The API's own declarations carry docs too.
  for (const name of ['init', 'initSync', 'isReady', 'check', 'checkJson', 'checkLink', 'checkInstructions', 'checkLocation', 'checkContinuity', 'checkSession', 'ruleset']) {
    const symbol = exports.get(name);
    if (!symbol) problems.push(`${name}: not exported`);
    else if (docs(symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol).length === 0) problems.push(`${name}: no doc comment`);
  }
  // The old names of renamed types are deprecated aliases, and no other export is named like a web built-in.
  for (const [old] of Object.entries(RENAMED)) {
    const tags = exports.get(old)?.getJsDocTags(checker).map((t) => t.name) ?? [];
    if (!tags.includes('deprecated')) problems.push(`${old}: not a deprecated alias`);
  }
  for (const builtin of ['Response', 'URL', 'Headers', 'Blob', 'File', 'Event', 'Error']) if (exports.has(builtin)) problems.push(`${builtin}: exported`);
  assert.deepEqual(problems, []);
});

test("the README's TypeScript example compiles with --strict", () => {
  const readme = readFileSync(join(scratch, 'node_modules/telehealth-rules/README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.ok(blocks.length >= 1);
  const dir = join(scratch, 'readme-ts');
  mkdirSync(dir, { recursive: true });
  const files = blocks.map((block, i) => {
    writeFileSync(join(dir, `example-${i}.ts`), `${block}\nexport {};\n`);
    return `example-${i}.ts`;
  });
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, noEmit: true, noUnusedLocals: false, target: 'es2022', lib: ['es2022', 'dom'], module: 'esnext', moduleResolution: 'bundler' }, files }),
  );
  const { status, output } = tsc(join(dir, 'tsconfig.json'));
  assert.equal(status, 0, output);
});
