// Writes precompressed variants next to the package files that
// `telehealth-rules serve` sends under /pkg/: NAME.br (brotli, quality 11)
// and NAME.gz (gzip, level 9) for every .wasm, .js, .d.ts and .json file in
// pkg/ and its folders (messages/). The server picks one by the request's Accept-Encoding. They are not
// published: package.json `files` lists the package's files one by one.
//
//   node scripts/compress-pkg.mjs [DIR]     (default pkg/)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'pkg';
const compressible = /\.(wasm|js|d\.ts|json)$/;
let raw = 0;
let br = 0;
let gz = 0;
const names = readdirSync(dir, { recursive: true }).filter((n) => compressible.test(n)).sort();
for (const name of names) {
  const bytes = readFileSync(join(dir, name));
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
  const gzip = gzipSync(bytes, { level: 9 });
  writeFileSync(join(dir, `${name}.br`), brotli);
  writeFileSync(join(dir, `${name}.gz`), gzip);
  raw += bytes.length;
  br += brotli.length;
  gz += gzip.length;
}
console.log(`compress-pkg: ${raw} bytes -> ${br} brotli, ${gz} gzip (.br/.gz next to each file in ${dir}/)`);
