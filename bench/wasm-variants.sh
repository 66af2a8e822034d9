#!/usr/bin/env bash
# Builds the keystroke module (the one a settings page downloads first) under
# other profiles, for the size and speed comparison of BENCHMARKS.md. Each
# variant goes to target/bench/variants/NAME/, a copy of pkg/ whose
# keystroke.js and keystroke_bg.wasm are the variant's (the same steps as
# scripts/build-pkg.sh: --no-default-features --features keystroke,
# wasm-bindgen --target web, wasm-opt), so the browser page and size report
# load it exactly as they load pkg/.
#
#   bash bench/wasm-variants.sh                  # every variant below
#   bash bench/wasm-variants.sh s 2              # only these
#   TAG=-new bash bench/wasm-variants.sh 2       # into 2-new/ (before/after a change)
#
# NAME = <cargo opt-level>[-<wasm-opt level>] (wasm-opt -Oz unless named);
# the package ships 2, Cargo.toml's `wasm-keystroke` profile. The allocator
# is the standard library's (dlmalloc); lol_alloc and talc were measured
# against it and dropped (BENCHMARKS.md).
# Each opt-level builds in its own target directory, so a second run only
# relinks. Also writes NAME/names.wasm: the same module through wasm-opt -g
# (name section kept) for twiggy and bench/size.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f pkg/index.js ]] || bash scripts/build-pkg.sh

OUT=target/bench/variants
WASM_OPT=node_modules/.bin/wasm-opt
# name opt-level wasm-opt-flags
VARIANTS=(
  "s s -Oz"
  "2 2 -Oz"
  "3 3 -Oz"
  "z z -Oz"
  "3-O3 3 -O3"
)
wanted=("$@")
want() { [[ ${#wanted[@]} -eq 0 ]] || [[ " ${wanted[*]} " == *" $1 "* ]]; }
quote() { if [[ $1 =~ ^[0-9]$ ]]; then echo "$1"; else echo "\"$1\""; fi; }

for spec in "${VARIANTS[@]}"; do
  read -r name level flags <<<"$spec"
  want "$name" || continue
  target="$PWD/target/bench/wasm-$level"
  echo "bench-wasm: $name: cargo build --profile wasm --config profile.wasm.opt-level=$(quote "$level")" >&2
  cargo build --quiet --lib --profile wasm --target wasm32-unknown-unknown --target-dir "$target" \
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
  echo "bench-wasm: $dir: $(stat -c %s "$dir/keystroke_bg.wasm") bytes (opt-level $level, wasm-opt $flags)" >&2
done
