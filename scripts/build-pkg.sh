#!/usr/bin/env bash
# Builds the npm package into pkg/ from the crate: two wasm modules (release,
# wasm-bindgen web glue, wasm-opt -Oz to a fixed point), the JSON Schema and TypeScript types
# generated from the Rust types, and the thin JS API in npm/ (the server
# entries, with the modules embedded, by scripts/build-server-entry.mjs).
#
# The modules are the one crate built with one feature each (src/wasm.rs):
# `keystroke` (link and instructions, what a settings page runs as the
# provider types) and `records` (every kind through JSON, and audit). Each
# builds in its own target directory so that neither build undoes the other's.
set -euo pipefail
cd "$(dirname "$0")/.."

rm -rf pkg && mkdir -p pkg
# Profiles (Cargo.toml): `wasm-keystroke` (opt-level 2: the keystroke speed
# budget) and `wasm` (opt-level "s").
declare -A PROFILE=([keystroke]=wasm-keystroke [records]=wasm)
for module in keystroke records; do
  target="target/wasm-$module"
  profile=${PROFILE[$module]}
  cargo build --quiet --lib --profile "$profile" --target wasm32-unknown-unknown --target-dir "$target" \
    --no-default-features --features "$module"
  wasm-bindgen --target web --omit-default-module-path --out-dir pkg --out-name "$module" \
    "$target/wasm32-unknown-unknown/$profile/telehealth_rules.wasm"
  # To a fixed point (--converge), and without the target-features section
  # (for tools, not browsers): 94 B brotli off the keystroke module.
  node_modules/.bin/wasm-opt -Oz --converge --strip-debug --strip-producers --strip-target-features \
    "pkg/${module}_bg.wasm" -o "pkg/${module}_bg.wasm"
done
cargo run --quiet --example schema --features schema > pkg/schema.json
node scripts/gen-types.mjs pkg/schema.json pkg/types.d.ts
cp npm/api.js npm/io.js npm/loader.js npm/wire.js npm/render.js npm/messages.js npm/schema.js npm/index.js npm/node.js npm/keystroke-only.js npm/keystroke-core.js \
  npm/records-core.js npm/standard-schema.js npm/index.d.ts npm/keystroke-only.d.ts npm/standard-schema.d.ts npm/README.md LICENSE pkg/
mkdir -p pkg/messages && cp npm/messages/*.js pkg/messages/
node scripts/write-package-json.mjs
node scripts/build-server-entry.mjs
node scripts/readme-sizes.mjs --fill pkg
# Precompressed .br/.gz variants for `serve` (not published).
node scripts/compress-pkg.mjs pkg
echo "pkg/: $(du -sh pkg | cut -f1) (wasm: $(stat -c %s pkg/keystroke_bg.wasm) bytes keystroke, $(stat -c %s pkg/records_bg.wasm) bytes records)"
