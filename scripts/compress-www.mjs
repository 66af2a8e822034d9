// Writes precompressed variants next to the settings page's files, which
// `telehealth-rules serve` sends from www/: NAME.br (brotli, quality 11) and
// NAME.gz (gzip, level 9) for every .html, .js, .css and .wasm file, in the
// folder and its subfolders (the built page's build/). The server picks
// one by the request's Accept-Encoding, and sends the file itself while a
// variant is older than it (the file was edited after this ran). Variants whose
// file is gone are removed. The variants are build output, not in git
// (.gitignore); `make www` makes them, and `make demo` and `make test` run it.
//
//   node scripts/compress-www.mjs [DIR]     (default www/)
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'www';
const compressible = /\.(html|js|css|wasm)$/;
let raw = 0;
let br = 0;
let gz = 0;
let files = 0;

function compress(folder) {
  const names = readdirSync(folder).sort();
  for (const name of names) {
    const file = join(folder, name);
    if (statSync(file).isDirectory()) {
      compress(file);
      continue;
    }
    if (!compressible.test(name)) continue;
    const bytes = readFileSync(file);
    raw += bytes.length;
    const brotli = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    });
    const gzip = gzipSync(bytes, { level: 9 });
    writeFileSync(`${file}.br`, brotli);
    writeFileSync(`${file}.gz`, gzip);
    br += brotli.length;
    gz += gzip.length;
    files += 1;
  }
  for (const name of names.filter((n) => /\.(br|gz)$/.test(n))) {
    if (!names.includes(name.replace(/\.(br|gz)$/, ''))) rmSync(join(folder, name));
  }
}

compress(dir);
console.log(`compress-www: ${files} files, ${raw} bytes -> ${br} brotli, ${gz} gzip (.br/.gz next to each file in ${dir}/)`);
