// Writes pkg/package.json and pkg/ruleset.js: the version is the crate's,
// the ruleset is the one compiled into the module.
//
// Export conditions of `.`, tried in order (the first that matches wins):
// - `types`: the declarations; `require` gets the .d.cts copy, since
//   TypeScript reads a .d.ts in a `type: module` package as ESM.
// - `node`: Node and everything that resolves like it: Node itself, server
//   builds (Next.js server components, route handlers and server actions
//   under Turbopack or webpack, Vite SSR, esbuild --platform=node), Vitest in
//   a Node environment, Bun, Deno. The wasm bytes are embedded: no file read,
//   no URL, no fetch, no init() needed. `require` gets node.cjs, a real
//   CommonJS build of the same entry (any Node 20), `import` gets node.js.
// - `require` without `node`: Jest with jsdom (`browser` + `require`), and
//   CommonJS `require()` in client bundles: the same embedded, CommonJS
//   entry, which needs no Node API.
// - `default`: browsers and client bundles (Vite, webpack, Rollup, esbuild
//   --platform=browser, Next.js client components): `await init()` fetches
//   the .wasm file that bundlers copy, via `new URL(..., import.meta.url)`.
import { readFileSync, writeFileSync } from 'node:fs';

const cargo = readFileSync('Cargo.toml', 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, 'm'))?.[1];
function repository() {
  const url = field('repository');
  return url && !/^https?:\/\/[^/]*\.invalid(\/|$)/.test(url) ? url : undefined;
}
const ruleset = readFileSync('src/finding.rs', 'utf8').match(/pub const RULESET: &str = "([^"]+)"/)?.[1];
for (const [name, value] of Object.entries({ version: field('version'), description: field('description'), license: field('license'), ruleset })) {
  if (!value) throw new Error(`write-package-json: ${name} not found`);
}

const pkg = {
  name: 'telehealth-rules',
  version: field('version'),
  description: field('description'),
  license: field('license'),
  // The crate's repository, unless it is a placeholder (`.invalid` host):
  // no field is better than a link that leads nowhere.
  ...(repository() ? { repository: { type: 'git', url: repository() } } : {}),
  keywords: ['telehealth', 'hipaa', 'validation', 'wasm', 'licensure', 'webassembly', 'forms'],
  type: 'module',
  sideEffects: false,
  // Tested on Node 20 (import and require()); Node 18 lacks nothing the
  // entries use but is past its end of life and untested.
  engines: { node: '>=20' },
  exports: {
    '.': {
      types: { require: './index.d.cts', default: './index.d.ts' },
      node: { require: './node.cjs', default: './node.js' },
      require: './node.cjs',
      default: './index.js',
    },
    // A page that checks links only: the keystroke module's entry, no
    // records glue (browsers); servers get the full server entry.
    './keystroke': {
      types: { require: './keystroke-only.d.cts', default: './keystroke-only.d.ts' },
      node: { require: './node.cjs', default: './node.js' },
      require: './node.cjs',
      default: './keystroke-only.js',
    },
    // The Standard Schema validators (browsers: over the keystroke module,
    // and the records module for locations, which a bundle leaves out when
    // locationSchema is not used); servers get the full server entry.
    './schema': {
      types: { require: './standard-schema.d.cts', default: './standard-schema.d.ts' },
      node: { require: './node.cjs', default: './node.js' },
      require: './node.cjs',
      default: './standard-schema.js',
    },
    './schema.json': './schema.json',
    './keystroke_bg.wasm': './keystroke_bg.wasm',
    './records_bg.wasm': './records_bg.wasm',
    './package.json': './package.json',
  },
  // For resolvers that predate `exports`.
  main: './node.cjs',
  module: './index.js',
  types: './index.d.ts',
  files: [
    'index.js', 'node.js', 'node.cjs', 'keystroke-only.js', 'keystroke-core.js', 'records-core.js', 'standard-schema.js', 'api.js', 'io.js', 'loader.js', 'wire.js', 'render.js', 'schema.js', 'messages.js', 'messages/en.js', 'messages/es.js', 'ruleset.js',
    'keystroke.js', 'keystroke.d.ts', 'keystroke_bg.wasm', 'keystroke_bg.base64.js',
    'records.js', 'records.d.ts', 'records_bg.wasm', 'records_bg.base64.js',
    'index.d.ts', 'index.d.cts', 'keystroke-only.d.ts', 'keystroke-only.d.cts', 'standard-schema.d.ts', 'standard-schema.d.cts', 'types.d.ts', 'types.d.cts',
    'schema.json', 'README.md', 'LICENSE',
  ],
  // No `scripts`: the publish check (npm/prepublish-check.mjs) lives outside
  // the package, so `make publish` runs it before `npm publish pkg/` rather
  // than a `prepublishOnly` that would ship a path into this repository.
};
writeFileSync('pkg/package.json', `${JSON.stringify(pkg, null, 2)}\n`);
writeFileSync('pkg/ruleset.js', `/** The version of the rule data compiled into the module. */\nexport const ruleset = ${JSON.stringify(ruleset)};\n`);
