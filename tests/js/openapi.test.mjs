// The OpenAPI document (docs/openapi.json): current with the contract's JSON
// Schema (scripts/gen-openapi.mjs --check, against pkg/schema.json, which
// `make pkg` builds from the Rust types), valid OpenAPI 3.1 (the OpenAPI
// Initiative's meta-schema, tests/js/fixtures/), its component schemas valid
// JSON Schema 2020-12, and every shared vector's request and golden report
// conforming to it. No network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { cases } from './vectors.mjs';

const repo = resolve(import.meta.dirname, '../..');
const doc = JSON.parse(readFileSync(resolve(repo, 'docs/openapi.json'), 'utf8'));

function ajv() {
  // OpenAPI's own formats (media-range) are not JSON Schema's: ignored.
  const validator = new Ajv2020({ strict: false, allErrors: true, logger: false });
  addFormats(validator);
  return validator;
}

test('docs/openapi.json is what scripts/gen-openapi.mjs makes from the contract schema', () => {
  const result = spawnSync(process.execPath, [resolve(repo, 'scripts/gen-openapi.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
});

test('docs/openapi.json is a valid OpenAPI 3.1 document', () => {
  // ajv does not follow the meta-schema's `$dynamicRef: "#meta"` (it would
  // resolve to the document's root); a schema object is any object or
  // boolean there, and its content is checked as JSON Schema below.
  const text = readFileSync(resolve(import.meta.dirname, 'fixtures/openapi-3.1.schema.json'), 'utf8')
    .replaceAll('"$dynamicRef": "#meta"', '"$ref": "#/$defs/schema"');
  const validate = ajv().compile(JSON.parse(text));
  assert.ok(validate(doc), JSON.stringify(validate.errors, null, 2));
  assert.equal(doc.openapi, '3.1.0');
  // The meta-schema catches a broken document (the check can fail).
  const broken = structuredClone(doc);
  broken.paths['/v1/check'].post.responses['200'] = { content: 'application/json' };
  assert.equal(validate(broken), false);
  for (const path of ['/v1/check', '/v1/ruleset', '/v1/openapi.json', '/healthz', '/readyz']) assert.ok(doc.paths[path], path);
});

test('every $ref resolves and every component schema is valid JSON Schema 2020-12', () => {
  const refs = JSON.stringify(doc).match(/"\$ref":"[^"]*"/g) ?? [];
  for (const ref of new Set(refs.map((r) => r.slice(8, -1)))) {
    const target = ref.replace(/^#\//, '').split('/').reduce((node, key) => node?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], doc);
    assert.ok(target, `${ref} resolves`);
  }
  const validator = ajv();
  validator.addSchema({ $id: 'https://telehealth-rules.invalid/openapi', components: doc.components });
  for (const name of Object.keys(doc.components.schemas)) {
    assert.ok(validator.getSchema(`https://telehealth-rules.invalid/openapi#/components/schemas/${name}`), name);
  }
});

test('every vector\'s request and golden report conform to the document', () => {
  const validator = ajv();
  validator.addSchema({ $id: 'https://telehealth-rules.invalid/openapi', components: doc.components });
  const schema = (name) => validator.getSchema(`https://telehealth-rules.invalid/openapi#/components/schemas/${name}`);
  const request = schema('Request');
  const report = schema('Report');
  const okResponse = doc.paths['/v1/check'].post.responses['200'].content['application/json'].schema.$ref;
  assert.equal(okResponse, '#/components/schemas/Report');
  const problems = [];
  let requests = 0;
  for (const c of cases()) {
    const golden = JSON.parse(c.golden);
    if (!report(golden)) problems.push(`${c.file} / ${c.name}: golden report: ${validator.errorsText(report.errors)}`);
    // A request the service cannot read gets an invalid_request report; any
    // other was a request the document describes.
    if (golden.kind !== 'invalid_request') {
      requests += 1;
      // A case written as text (duplicate keys, deep nesting) is the request it parses to.
      const sent = c.request === undefined ? JSON.parse(c.text) : c.request;
      if (!request(sent)) problems.push(`${c.file} / ${c.name}: request: ${validator.errorsText(request.errors)}`);
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(requests > 100, `${requests} valid requests checked`);
  // The schemas reject what they should (the checks can fail).
  assert.equal(request({ kind: 'telepathy' }), false);
  assert.equal(report({ kind: 'link', verdict: 'maybe', findings: [] }), false);
});
