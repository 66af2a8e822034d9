// Generates the package's TypeScript types from the JSON Schema, which is
// itself generated from the Rust types: node scripts/gen-types.mjs SCHEMA OUT
import { readFileSync, writeFileSync } from 'node:fs';
import { compile } from 'json-schema-to-typescript';

const [schemaPath, outPath] = process.argv.slice(2);
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const ts = await compile(schema, 'TelehealthRulesContract', {
  bannerComment: '/* Generated from the Rust types (cargo run --example schema --features schema); do not edit. */',
  additionalProperties: false,
  unreachableDefinitions: true,
  strictIndexSignatures: true,
  format: true,
});
writeFileSync(outPath, ts);
