#!/usr/bin/env bash
# Builds the npm package into pkg/ from the crate: the wasm module (release,
# wasm-bindgen web glue, wasm-opt -Oz), the JSON Schema and TypeScript types
# generated from the Rust types, and the thin JS API in npm/ (the server
# entries, with the module embedded, by scripts/build-server-entry.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --quiet --lib --profile wasm --target wasm32-unknown-unknown
rm -rf pkg && mkdir -p pkg
wasm-bindgen --target web --omit-default-module-path --out-dir pkg --out-name telehealth_rules \
  target/wasm32-unknown-unknown/wasm/telehealth_rules.wasm
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
  pkg/telehealth_rules_bg.wasm -o pkg/telehealth_rules_bg.wasm
cargo run --quiet --example schema --features schema > pkg/schema.json
node scripts/gen-types.mjs pkg/schema.json pkg/types.d.ts
cp npm/api.js npm/loader.js npm/index.js npm/node.js npm/index.d.ts npm/README.md LICENSE pkg/
node scripts/write-package-json.mjs
node scripts/build-server-entry.mjs
node scripts/readme-sizes.mjs --fill pkg
# Precompressed .br/.gz variants for `serve` (not published).
node scripts/compress-pkg.mjs pkg
echo "pkg/: $(du -sh pkg | cut -f1) ($(stat -c %s pkg/telehealth_rules_bg.wasm) bytes of wasm)"
