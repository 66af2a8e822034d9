#!/usr/bin/env bash
# The size part of `make bench`: the package's size per module
# (scripts/size.mjs on pkg/, what `make size` checks), the keystroke page's
# size for every variant of bench/wasm-variants.sh, where the keystroke
# module's bytes go (code per crate and the largest functions, from the
# name-preserving build).
#
#   bash bench/size.sh      (after bash bench/wasm-variants.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

RESULTS=target/bench/results
mkdir -p "$RESULTS"
WASM_OPT=node_modules/.bin/wasm-opt
V=target/bench/variants

echo "== scripts/size.mjs (pkg/, what make size checks)"
node scripts/size.mjs || echo "(size.mjs exited $?: over its ceiling)"

echo
echo "== the keystroke page per variant: keystroke_bg.wasm + pkg/'s browser entry bundled and minified (as size.mjs), brotli-11"
node --input-type=module - "$V" <<'EOF'
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { brotli, minifiedEntry } from './scripts/readme-sizes.mjs';
const js = (await minifiedEntry('pkg')).reduce((t, f) => t + brotli(f.contents), 0);
const dir = process.argv[2];
const rows = { pkg: 'pkg', ...Object.fromEntries((existsSync(dir) ? readdirSync(dir) : []).map((n) => [n, `${dir}/${n}`])) };
const table = {};
for (const [name, d] of Object.entries(rows)) {
  if (!existsSync(`${d}/keystroke_bg.wasm`)) continue;
  const w = readFileSync(`${d}/keystroke_bg.wasm`);
  table[name] = { 'wasm raw': w.length, 'wasm brotli': brotli(w), 'JS brotli (minified)': js, 'page brotli': brotli(w) + js };
}
console.table(table);
EOF

echo
echo "== the modules, section by section; the keystroke module's code per crate and largest functions"
files=("keystroke (pkg)=pkg/keystroke_bg.wasm" "records (pkg)=pkg/records_bg.wasm")
for d in "$V"/*/; do files+=("keystroke $(basename "$d")=$d/keystroke_bg.wasm"); done
names=$V/2/names.wasm
node bench/size-report.mjs "${files[@]}" ${names:+--names "$names"} --top 30 --json "$RESULTS/size.json"
