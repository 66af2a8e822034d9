#!/usr/bin/env bash
# The size part of `make bench`: the package's size per module
# (scripts/size.mjs on pkg/, what `make size` checks), the keystroke page's
# size for every variant of bench/wasm-variants.sh, where the keystroke
# module's bytes go (code per crate and the largest functions, from the
# name-preserving build), and the floor: a module that only parses URLs with
# the url crate, built under target/bench/urlonly/ with the same toolchain,
# lockfile and opt-level.
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
echo "== the keystroke page per variant: keystroke_bg.wasm + the same JS (pkg/'s), brotli-11"
node --input-type=module - "$V" <<'EOF'
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { BROWSER_JS } from './scripts/readme-sizes.mjs';
const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;
const js = BROWSER_JS.reduce((t, f) => t + brotli(readFileSync(`pkg/${f}`)), 0);
const dir = process.argv[2];
const rows = { pkg: 'pkg', ...Object.fromEntries((existsSync(dir) ? readdirSync(dir) : []).map((n) => [n, `${dir}/${n}`])) };
const table = {};
for (const [name, d] of Object.entries(rows)) {
  if (!existsSync(`${d}/keystroke_bg.wasm`)) continue;
  const w = readFileSync(`${d}/keystroke_bg.wasm`);
  table[name] = { 'wasm raw': w.length, 'wasm brotli': brotli(w), 'JS brotli': js, 'page brotli': brotli(w) + js };
}
console.table(table);
EOF

echo
echo "== the url crate alone (target/bench/urlonly): the floor under any module that parses URLs with it"
U=target/bench/urlonly
mkdir -p "$U/src" "$U/out"
cat >"$U/Cargo.toml" <<'EOF'
[package]
name = "urlonly"
version = "0.1.0"
edition = "2021"
publish = false

[lib]
crate-type = ["cdylib"]

[dependencies]
url = "2"
idna_adapter = "=1.0.0"
wasm-bindgen = "=0.2.130"
lol_alloc = "0.4"

[profile.release]
opt-level = "s"
lto = true
codegen-units = 1
panic = "abort"

[workspace]
EOF
cat >"$U/src/lib.rs" <<'EOF'
use wasm_bindgen::prelude::*;

#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

/// Parses a URL with the WHATWG parser and returns it serialized, or the error.
#[wasm_bindgen]
pub fn parse(s: &str) -> String {
    match url::Url::parse(s) {
        Ok(u) => u.to_string(),
        Err(e) => e.to_string(),
    }
}
EOF
# The same versions of url, idna, wasm-bindgen, lol_alloc as the crate.
cp Cargo.lock "$U/Cargo.lock"
(cd "$U" && CARGO_TARGET_DIR="$PWD/target" cargo build --quiet --release --target wasm32-unknown-unknown)
wasm-bindgen --target web --out-dir "$U/out" --out-name urlonly "$U/target/wasm32-unknown-unknown/release/urlonly.wasm"
$WASM_OPT -Oz --strip-debug --strip-producers "$U/out/urlonly_bg.wasm" -o "$U/out/urlonly.wasm"

echo
echo "== the modules, section by section; the keystroke module's code per crate and largest functions"
files=("keystroke (pkg)=pkg/keystroke_bg.wasm" "records (pkg)=pkg/records_bg.wasm")
for d in "$V"/*/; do files+=("keystroke $(basename "$d")=$d/keystroke_bg.wasm"); done
files+=("url-only s=$U/out/urlonly.wasm")
names=$V/s-lol/names.wasm
node bench/size-report.mjs "${files[@]}" ${names:+--names "$names"} --top 30 --json "$RESULTS/size.json"
