#!/usr/bin/env bash
# Builds the keystroke module (the one a settings page downloads first) under
# other profiles and allocators, for the size and speed comparison of
# BENCHMARKS.md. Each variant goes to target/bench/variants/NAME/, a copy of
# pkg/ whose keystroke.js and keystroke_bg.wasm are the variant's (the same
# steps as scripts/build-pkg.sh: profile `wasm`, --no-default-features
# --features keystroke, wasm-bindgen --target web, wasm-opt), so the browser
# page and size report load it exactly as they load pkg/.
#
#   bash bench/wasm-variants.sh                  # every variant below
#   bash bench/wasm-variants.sh s-lol 3-lol      # only these
#   TAG=-new bash bench/wasm-variants.sh s-lol   # into s-lol-new/ (before/after a change)
#
# NAME = <cargo opt-level>-<allocator>[-<wasm-opt level>]; the allocator is
# src/wasm.rs's (`lol`: lol_alloc, what the package ships) or the standard
# library's dlmalloc, swapped in with --cfg bench_alloc="dlmalloc". (talc 5
# was measured at commit a824cf7, with its dependency; BENCHMARKS.md.)
# Each (opt-level, allocator) pair builds in its own target directory, so a
# second run only relinks. Also writes NAME/names.wasm: the same module
# through wasm-opt -g (name section kept) for twiggy.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f pkg/index.js ]] || bash scripts/build-pkg.sh

OUT=target/bench/variants
WASM_OPT=node_modules/.bin/wasm-opt
# name opt-level allocator wasm-opt-flags
VARIANTS=(
  "s-dlmalloc s dlmalloc -Oz"
  "s-lol s lol -Oz"
  "z-lol z lol -Oz"
  "3-lol 3 lol -Oz"
  "2-lol 2 lol -Oz"
  "3-lol-O3 3 lol -O3"
  "3-dlmalloc 3 dlmalloc -Oz"
)
wanted=("$@")
want() { [[ ${#wanted[@]} -eq 0 ]] || [[ " ${wanted[*]} " == *" $1 "* ]]; }
quote() { if [[ $1 =~ ^[0-9]$ ]]; then echo "$1"; else echo "\"$1\""; fi; }

for spec in "${VARIANTS[@]}"; do
  read -r name level alloc flags <<<"$spec"
  want "$name" || continue
  target="$PWD/target/bench/wasm-$level-$alloc"
  rustflags=${RUSTFLAGS:-}
  [[ $alloc == lol ]] || rustflags+=" --cfg bench_alloc=\"$alloc\""
  echo "bench-wasm: $name: cargo build --profile wasm --config profile.wasm.opt-level=$(quote "$level") (RUSTFLAGS='$rustflags')" >&2
  RUSTFLAGS="$rustflags" cargo build --quiet --lib --profile wasm --target wasm32-unknown-unknown --target-dir "$target" \
    --no-default-features --features keystroke --config "profile.wasm.opt-level=$(quote "$level")"
  dir=$OUT/$name${TAG:-}
  rm -rf "$dir" && mkdir -p "$dir"
  cp -r pkg/*.js pkg/messages pkg/records_bg.wasm "$dir/"
  wasm-bindgen --target web --omit-default-module-path --out-dir "$dir" --out-name keystroke \
    "$target/wasm32-unknown-unknown/wasm/telehealth_rules.wasm"
  cp "$dir/keystroke_bg.wasm" "$dir/bindgen.wasm"
  # shellcheck disable=SC2086
  $WASM_OPT $flags --converge --strip-debug --strip-producers --strip-target-features "$dir/bindgen.wasm" -o "$dir/keystroke_bg.wasm"
  # shellcheck disable=SC2086
  $WASM_OPT $flags --converge -g "$dir/bindgen.wasm" -o "$dir/names.wasm"
  echo "bench-wasm: $dir: $(stat -c %s "$dir/keystroke_bg.wasm") bytes (opt-level $level, allocator $alloc, wasm-opt $flags)" >&2
done
