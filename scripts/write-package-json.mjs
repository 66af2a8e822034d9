// Writes pkg/package.json and pkg/ruleset.js: the version is the crate's,
// the ruleset is the one compiled into the module.
//
// Export conditions, in the order they are tried:
// - `types`: the declarations (generated data types + the API signatures);
// - `node`: Node and everything that resolves like it: Node itself, SSR
//   builds (Vite SSR, webpack/Next.js server, esbuild --platform=node),
//   Vitest/Jest in a Node environment, Bun, Deno. Reads the .wasm from disk
//   on first use: no fetch, no init() needed.
// - `default`: browsers and client bundles (Vite, webpack, Rollup, esbuild
//   --platform=browser): `await init()` fetches the .wasm once.
import { readFileSync, writeFileSync } from 'node:fs';

const cargo = readFileSync('Cargo.toml', 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, 'm'))?.[1];
const ruleset = readFileSync('src/report.rs', 'utf8').match(/pub const RULESET: &str = "([^"]+)"/)?.[1];
for (const [name, value] of Object.entries({ version: field('version'), description: field('description'), license: field('license'), repository: field('repository'), ruleset })) {
  if (!value) throw new Error(`write-package-json: ${name} not found`);
}

const pkg = {
  name: 'telehealth-rules',
  version: field('version'),
  description: field('description'),
  license: field('license'),
  repository: { type: 'git', url: field('repository') },
  keywords: ['telehealth', 'hipaa', 'validation', 'wasm', 'licensure', 'webassembly', 'forms'],
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
  // For resolvers that predate `exports`.
  main: './node.js',
  module: './index.js',
  types: './index.d.ts',
  files: [
    'index.js', 'node.js', 'api.js', 'ruleset.js', 'telehealth_rules.js', 'telehealth_rules.d.ts',
    'telehealth_rules_bg.wasm', 'index.d.ts', 'types.d.ts', 'schema.json', 'README.md', 'LICENSE',
  ],
  scripts: {
    // `npm publish pkg/` runs this first (in pkg/): version equals the
    // crate's, pkg/ is fresh, the size budget holds. Not run on install.
    prepublishOnly: 'node ../npm/prepublish-check.mjs',
  },
};
writeFileSync('pkg/package.json', `${JSON.stringify(pkg, null, 2)}\n`);
writeFileSync('pkg/ruleset.js', `/** The version of the rule data compiled into the module. */\nexport const ruleset = ${JSON.stringify(ruleset)};\n`);
