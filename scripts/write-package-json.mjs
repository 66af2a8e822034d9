// Writes pkg/package.json and pkg/ruleset.js: the version is the crate's,
// the ruleset is the one compiled into the module.
import { readFileSync, writeFileSync } from 'node:fs';

const cargo = readFileSync('Cargo.toml', 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, 'm'))?.[1];
const ruleset = readFileSync('src/report.rs', 'utf8').match(/pub const RULESET: &str = "([^"]+)"/)?.[1];
if (!field('version') || !ruleset) throw new Error('version or ruleset not found');

const pkg = {
  name: 'telehealth-rules',
  version: field('version'),
  description: field('description'),
  license: field('license'),
  repository: { type: 'git', url: field('repository') },
  keywords: ['telehealth', 'hipaa', 'validation', 'wasm', 'licensure'],
  type: 'module',
  sideEffects: false,
  engines: { node: '>=20' },
  exports: {
    '.': {
      types: './index.d.ts',
      node: './node.js',
      default: './index.js',
    },
    './schema.json': './schema.json',
    './telehealth_rules_bg.wasm': './telehealth_rules_bg.wasm',
    './package.json': './package.json',
  },
  main: './node.js',
  module: './index.js',
  types: './index.d.ts',
  files: [
    'index.js', 'node.js', 'api.js', 'ruleset.js', 'telehealth_rules.js', 'telehealth_rules.d.ts',
    'telehealth_rules_bg.wasm', 'index.d.ts', 'types.d.ts', 'schema.json', 'README.md', 'LICENSE',
  ],
};
writeFileSync('pkg/package.json', `${JSON.stringify(pkg, null, 2)}\n`);
writeFileSync('pkg/ruleset.js', `/** The version of the rule data compiled into the module. */\nexport const ruleset = ${JSON.stringify(ruleset)};\n`);
