// Builds the settings page that `telehealth-rules serve` sends at `/`: the
// page's modules and the package's JavaScript bundled by esbuild into a few
// files, so that on a slow connection the first check waits for one wave of
// requests rather than one per import level (HTTP/1.1 gives a page 6
// connections to its host).
//
//   node scripts/build-www.mjs [DIR]     (default www/; after `make pkg`)
//
// Reads DIR/index.src.html (the page's source, which loads each module as its
// own file) and the package in pkg/ (TELEHEALTH_RULES_PKG names another), and
// writes build output, ignored by git:
//
// - DIR/build/: the page's one script, page-HASH.js (boot.js, then app.js,
//   with what they import at once), minified; each `import()` (the other
//   screens, screens.js; the server's module; the package's records entry;
//   the Spanish catalog) a chunk of its own, fetched when first asked for;
//   and chunks of the code these share with the page. Names carry a hash of
//   the content. Linked source maps beside them.
// - DIR/build/keystroke_bg.wasm and records_bg.wasm, copied from the package:
//   its loaders find them with `new URL('./X_bg.wasm', import.meta.url)`,
//   which in a chunk of DIR/build/ means beside it, and the bundled glue
//   always meets the wasm of the same package build.
// - DIR/index.html: the source page with its `build:scripts` block replaced
//   by the page's script tag, a modulepreload for every chunk it imports
//   statically, at every level (rules.js imports the package's keystroke
//   entry statically, so that is among them), and the keystroke wasm's
//   preload.
//
// `make www` runs this, then scripts/compress-www.mjs; `make demo` and
// `make test` run `make www`.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';

const repo = resolve(import.meta.dirname, '..');
const dir = resolve(process.argv[2] ?? join(repo, 'www'));
const pkg = resolve(process.env.TELEHEALTH_RULES_PKG ?? join(repo, 'pkg'));
const out = join(dir, 'build');
const WASM = ['keystroke_bg.wasm', 'records_bg.wasm'];
const BLOCK = /[ \t]*<!-- build:scripts[\s\S]*?<!-- \/build:scripts -->\n/;

const source = readFileSync(join(dir, 'index.src.html'), 'utf8');
if (!BLOCK.test(source)) throw new Error(`build-www: ${join(dir, 'index.src.html')} has no <!-- build:scripts --> ... <!-- /build:scripts --> block`);

// The page imports the package as the server sends it, at /pkg/. The built
// page has one entry, `page`: boot.js (which starts the keystroke rules) and
// then app.js, as the source page runs them, in one file.
const page = {
  name: 'page',
  setup(b) {
    b.onResolve({ filter: /^\/pkg\// }, (args) => ({ path: join(pkg, args.path.slice('/pkg/'.length)) }));
    b.onResolve({ filter: /^page:entry$/ }, () => ({ path: 'entry', namespace: 'page' }));
    b.onLoad({ filter: /.*/, namespace: 'page' }, () => ({
      contents: "import './boot.js';\nimport './app.js';\n",
      resolveDir: dir,
      loader: 'js',
    }));
  },
};

rmSync(out, { recursive: true, force: true });
const result = await build({
  absWorkingDir: repo,
  entryPoints: { page: 'page:entry' },
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  outdir: out,
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  metafile: true,
  logLevel: 'warning',
  plugins: [page],
});
mkdirSync(out, { recursive: true });
for (const name of WASM) copyFileSync(join(pkg, name), join(out, name));

// The metafile's paths are relative to the repository; the page's are under /build/.
const outputs = result.metafile.outputs;
const url = (path) => `/${relative(dir, resolve(repo, path)).split('\\').join('/')}`;
const outputOf = (entry) => {
  const found = Object.keys(outputs).find((o) => outputs[o].entryPoint === entry);
  if (!found) throw new Error(`build-www: no output for ${entry}`);
  return found;
};
// A file and every file it imports statically, at every level.
const closure = (path, into = new Set()) => {
  if (into.has(path)) return into;
  into.add(path);
  for (const i of outputs[path].imports) if (i.kind === 'import-statement' && !i.external) closure(i.path, into);
  return into;
};

const entry = outputOf('page:entry');
const preloaded = closure(entry);
preloaded.delete(entry);

const head = [
  '  <!-- Built by scripts/build-www.mjs from index.src.html. The keystroke rules judge the link: their wasm is',
  '       fetched first, with the page (boot.js starts it); then the scripts, and every file the first check',
  '       needs, preloaded so that none is found one import level at a time. -->',
  '  <link rel="preload" href="/build/keystroke_bg.wasm" as="fetch" type="application/wasm" crossorigin>',
  `  <script type="module" src="${url(entry)}"></script>`,
  ...[...preloaded].sort().map((path) => `  <link rel="modulepreload" href="${url(path)}">`),
  '',
].join('\n');
writeFileSync(join(dir, 'index.html'), source.replace(BLOCK, head));

const js = Object.keys(outputs).filter((o) => o.endsWith('.js'));
const first = [entry, ...preloaded].reduce((n, o) => n + outputs[o].bytes, 0);
console.log(`build-www: ${js.length} scripts in ${relative(repo, out)}/, ${1 + preloaded.size} of them (${first} bytes) before the first check; ${relative(repo, join(dir, 'index.html'))} written`);
