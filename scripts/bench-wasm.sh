#!/usr/bin/env bash
# Builds the wasm module at several opt-levels for the size and speed
# comparison of BENCHMARKS.md, into target/bench/variants/NAME/ (each a
# package like pkg/: wasm, wasm-bindgen glue, index.js, api.js, ruleset.js).
# Same steps as scripts/build-pkg.sh (profile `wasm`, wasm-bindgen --target
# web, wasm-opt from npm binaryen), with the opt-level overridden by --config
# and the wasm-opt level matched to it.
#
#   scripts/bench-wasm.sh            # all variants
#   scripts/bench-wasm.sh z 3        # only these
#
# Also writes:
#   target/bench/variants/names/     -Oz build that keeps the name section (twiggy)
#   target/bench/wasm-opt/*.wasm     the opt-level z module under other wasm-opt flags
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TARGET_DIR="$PWD/target/bench/wasm"
OUT=target/bench/variants
WASM_OPT=node_modules/.bin/wasm-opt
# name opt-level wasm-opt-flags [opt-level of every dependency]
VARIANTS=(
  "z z -Oz"
  "s s -Os"
  "2 2 -O2"
  "3 3 -O3"
  # Mixed: the crate's own code at one level, its dependencies (url, core
  # and alloc generics instantiated there, dlmalloc, ...) at another.
  "z-deps3 z -Oz 3"
  "3-depsz 3 -Oz z"
)
wanted=("$@")
want() { [[ ${#wanted[@]} -eq 0 ]] || [[ " ${wanted[*]} " == *" $1 "* ]]; }

# The JavaScript around the glue: the package's own files.
support_files() {
  local dir=$1 f
  for f in index.js api.js ruleset.js; do
    if [[ -f pkg/$f ]]; then cp "pkg/$f" "$dir/"; else cp "npm/$f" "$dir/"; fi
  done
}

quote() { if [[ $1 =~ ^[0-9]$ ]]; then echo "$1"; else echo "\"$1\""; fi; }

build() {
  local config=(--config "profile.wasm.opt-level=$(quote "$1")")
  [[ -z ${2:-} ]] || config+=(--config "profile.wasm.package.\"*\".opt-level=$(quote "$2")")
  echo "bench-wasm: cargo build --profile wasm ${config[*]}" >&2
  cargo build --quiet --lib --profile wasm --target wasm32-unknown-unknown "${config[@]}"
}

for spec in "${VARIANTS[@]}"; do
  read -r name level flags deps <<<"$spec"
  want "$name" || continue
  build "$level" "$deps"
  dir=$OUT/$name
  rm -rf "$dir" && mkdir -p "$dir"
  wasm-bindgen --target web --out-dir "$dir" --out-name telehealth_rules \
    "$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm/telehealth_rules.wasm"
  cp "$dir/telehealth_rules_bg.wasm" "$dir/bindgen.wasm.orig"
  # shellcheck disable=SC2086
  $WASM_OPT $flags --strip-debug --strip-producers "$dir/telehealth_rules_bg.wasm" -o "$dir/telehealth_rules_bg.wasm"
  support_files "$dir"
  if [[ $name == 3 ]]; then
    # The fast code under the size optimizer: does wasm-opt -Oz undo opt-level 3?
    mkdir -p "$OUT/3Oz"
    cp "$dir"/*.js "$OUT/3Oz/"
    $WASM_OPT -Oz --strip-debug --strip-producers "$dir/bindgen.wasm.orig" -o "$OUT/3Oz/telehealth_rules_bg.wasm"
  fi
  if [[ $name == z ]]; then
    # Name-preserving build for twiggy: identical code, name section kept (-g).
    mkdir -p "$OUT/names" target/bench/wasm-opt
    $WASM_OPT -Oz -g "$dir/bindgen.wasm.orig" -o "$OUT/names/telehealth_rules_bg.wasm"
    cp "$dir/bindgen.wasm.orig" target/bench/wasm-opt/z-none.wasm
    for f in -Os -O3 -O4 "-Oz --converge" "-Oz --low-memory-unused --converge"; do
      tag=$(echo "$f" | tr -d ' ' | tr -c 'A-Za-z0-9\n' '_')
      # shellcheck disable=SC2086
      $WASM_OPT $f --strip-debug --strip-producers "$dir/bindgen.wasm.orig" -o "target/bench/wasm-opt/z$tag.wasm"
    done
  fi
  echo "bench-wasm: $dir: $(stat -c %s "$dir/telehealth_rules_bg.wasm") bytes (opt-level $level${deps:+, dependencies $deps}, wasm-opt $flags)" >&2
done
