// Generates docs/openapi.json, the OpenAPI 3.1 description of the HTTP
// service (`POST /v1/check`, `GET /v1/ruleset`, `GET /v1/openapi.json` and
// the probes), from the contract's JSON Schema: the one the npm package's
// types are generated from (`cargo run --example schema --features schema`,
// shipped as pkg/schema.json by `make pkg`). The schema's `$defs` become the
// document's `components.schemas`, so the API description cannot drift from
// the Rust types. The service serves this file at GET /v1/openapi.json.
//
//   node scripts/gen-openapi.mjs [SCHEMA]          writes docs/openapi.json
//   node scripts/gen-openapi.mjs [SCHEMA] --check  exits 1 when it is not current
// SCHEMA defaults to pkg/schema.json.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const args = process.argv.slice(2);
const check = args.includes('--check');
const schemaPath = args.find((a) => !a.startsWith('--')) ?? new URL('pkg/schema.json', root);
const outPath = new URL('docs/openapi.json', root);

/** The OpenAPI document for a contract schema (an object). */
export function openapi(schema) {
  const rewrite = (value) => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== 'object') return value;
    const out = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = key === '$ref' && typeof v === 'string' ? v.replace(/^#\/\$defs\//, '#/components/schemas/') : rewrite(v);
    }
    return out;
  };
  const schemas = rewrite(schema.$defs);
  const ruleset = /ruleset ([^)]+)\)/.exec(schema.description ?? '')?.[1] ?? 'unknown';
  const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
  const json = (schemaObject, description) => ({ description, content: { 'application/json': { schema: schemaObject } } });
  const requestId = { $ref: '#/components/headers/RequestId' };
  const withId = (response) => ({ ...response, headers: { 'X-Request-Id': requestId } });
  const invalid = (description) => withId(json(ref('InvalidRequestReport'), description));
  schemas.RulesetInfo = {
    title: 'RulesetInfo',
    type: 'object',
    required: ['ruleset'],
    properties: { ruleset: { type: 'string', description: 'The ruleset version that judges requests.' } },
    additionalProperties: false,
  };
  schemas.Health = {
    title: 'Health',
    type: 'object',
    required: ['status'],
    properties: { status: { const: 'ok' } },
    additionalProperties: false,
  };
  schemas.Readiness = {
    title: 'Readiness',
    type: 'object',
    required: ['status'],
    properties: {
      status: {
        enum: ['ready', 'shutting_down', 'page_missing', 'package_missing'],
        description: '`ready` (200), else why not (503): shutting down (the listener closes soon), or the page or package folder is missing.',
      },
      ruleset: { type: 'string', description: 'The ruleset version, when ready.' },
    },
    additionalProperties: false,
  };
  const probe = (summary, schemaName, notReady) => ({
    get: {
      operationId: schemaName === 'Health' ? 'health' : 'ready',
      summary,
      description: 'Answered for any Host header (the Host allow-list does not apply to the probes). `Cache-Control: no-store`.',
      parameters: [{ $ref: '#/components/parameters/RequestId' }],
      responses: {
        200: withId(json(ref(schemaName), 'The process answers' + (notReady ? ' and is ready for traffic.' : '.'))),
        ...(notReady ? { 503: withId(json(ref(schemaName), 'Not ready: shutting down, or the page or package is missing.')) } : {}),
      },
    },
  });
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'telehealth-rules HTTP service',
      version: ruleset,
      description:
        'Telehealth compliance rules (contract v1) over HTTP: POST a request, get its report. ' +
        'Generated from the contract\'s JSON Schema (the one the npm types come from); `info.version` is the ruleset. ' +
        'Every answer of /v1/check is a report; every response carries the security headers and `X-Request-Id`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: 'http://127.0.0.1:8080', description: '`telehealth-rules serve` with its default address' }],
    paths: {
      '/v1/check': {
        post: {
          operationId: 'check',
          summary: 'Check one request: a link, instructions, a client location, continuity of care or a session.',
          parameters: [{ $ref: '#/components/parameters/RequestId' }],
          requestBody: { required: true, ...json(ref('Request'), 'One request, at most 65536 bytes, as `application/json`.') },
          responses: {
            200: withId(json(ref('Report'), 'The report (its verdict may be accept, review or reject).')),
            400: invalid('The request could not be read: an `invalid_request` report naming the problem.'),
            404: invalid('No such API path (`problem`: `not_found`).'),
            405: { ...invalid('Another method than POST (`problem`: `method_not_allowed`), with `Allow: POST`.') },
            408: invalid('The body did not arrive within the request timeout (`problem`: `request_timeout`).'),
            413: invalid('The body is over 65536 bytes (`problem`: `body_too_large`).'),
            415: invalid('The body is not sent as `application/json` (`problem`: `not_json_content_type`).'),
            421: invalid('The Host header does not name this service (`problem`: `unknown_host`).'),
          },
        },
      },
      '/v1/ruleset': {
        get: {
          operationId: 'ruleset',
          summary: 'The ruleset version that judges requests.',
          parameters: [{ $ref: '#/components/parameters/RequestId' }],
          responses: { 200: withId(json(ref('RulesetInfo'), 'The ruleset version.')) },
        },
      },
      '/v1/openapi.json': {
        get: {
          operationId: 'openapi',
          summary: 'This document.',
          responses: { 200: withId(json({ type: 'object' }, 'The OpenAPI 3.1 document.')) },
        },
      },
      '/healthz': probe('Liveness: the process answers.', 'Health', false),
      '/readyz': probe('Readiness: not shutting down, and the page and package are there.', 'Readiness', true),
    },
    components: {
      schemas,
      parameters: {
        RequestId: {
          name: 'X-Request-Id',
          in: 'header',
          required: false,
          description: 'Used as the request id when well-formed (1 to 64 of A-Z a-z 0-9 . _ - :), else one is generated; echoed in the response and written in the access log.',
          schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,64}$' },
        },
      },
      headers: {
        RequestId: { description: 'The request id (the client\'s, or generated).', schema: { type: 'string' } },
      },
    },
  };
}

const isMain = import.meta.url === new URL(process.argv[1], 'file://').href || process.argv[1]?.endsWith('gen-openapi.mjs');
if (isMain) {
  if (!existsSync(schemaPath)) {
    console.error(`gen-openapi: ${schemaPath} not found: run \`make pkg\` (or pass the schema's path)`);
    process.exit(1);
  }
  const text = `${JSON.stringify(openapi(JSON.parse(readFileSync(schemaPath, 'utf8'))), null, 2)}\n`;
  if (check) {
    const current = existsSync(outPath) ? readFileSync(outPath, 'utf8') : '';
    if (current !== text) {
      console.error('docs/openapi.json is not current: run `node scripts/gen-openapi.mjs` (after `make pkg`)');
      process.exit(1);
    }
  } else {
    writeFileSync(outPath, text);
  }
}
