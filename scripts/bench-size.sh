#!/usr/bin/env bash
# The size half of `make bench`: the package's size report (scripts/size.mjs
# on pkg/), the opt-level and wasm-opt variants of scripts/bench-wasm.sh,
# where the bytes go (twiggy on the name-preserving build, sections, bytes
# per crate), and the floor: a module that only parses URLs with the url
# crate, built here under target/bench/urlonly/ with the same toolchain,
# lockfile and profile.
#
#   scripts/bench-size.sh      (after scripts/bench-wasm.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

RESULTS=target/bench/results
mkdir -p "$RESULTS"
WASM_OPT=node_modules/.bin/wasm-opt
V=target/bench/variants

echo "== scripts/size.mjs (pkg/, what make size checks)"
node scripts/size.mjs || echo "(size.mjs exited $?: over its ceiling)"

echo
echo "== the url crate alone (target/bench/urlonly)"
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

[profile.release]
opt-level = "z"
lto = true
codegen-units = 1
panic = "abort"

[workspace]
EOF
cat >"$U/src/lib.rs" <<'EOF'
use wasm_bindgen::prelude::*;

/// Parses a URL with the WHATWG parser and returns it serialized, or the error.
#[wasm_bindgen]
pub fn parse(s: &str) -> String {
    match url::Url::parse(s) {
        Ok(u) => u.to_string(),
        Err(e) => e.to_string(),
    }
}
EOF
# The same versions of url, idna, wasm-bindgen as the crate (cargo prunes the rest).
cp Cargo.lock "$U/Cargo.lock"
(cd "$U" && CARGO_TARGET_DIR="$PWD/target" cargo build --quiet --release --target wasm32-unknown-unknown)
wasm-bindgen --target web --out-dir "$U/out" --out-name urlonly "$U/target/wasm32-unknown-unknown/release/urlonly.wasm"
$WASM_OPT -Oz --strip-debug --strip-producers "$U/out/urlonly_bg.wasm" -o "$U/out/urlonly.wasm"
(cd "$U" && CARGO_TARGET_DIR="$PWD/target" cargo build --quiet --release --target wasm32-unknown-unknown --config 'profile.release.opt-level=3')
wasm-bindgen --target web --out-dir "$U/out3" --out-name urlonly "$U/target/wasm32-unknown-unknown/release/urlonly.wasm"
$WASM_OPT -O3 --strip-debug --strip-producers "$U/out3/urlonly_bg.wasm" -o "$U/out3/urlonly.wasm"
echo "url versions: $(grep -A1 -E '^name = "(url|idna|idna_adapter)"$' "$U/Cargo.lock" | grep -v -- -- | paste -sd' ')"

echo
echo "== the link rules alone (target/bench/linkonly): this crate's link::check + report JSON, nothing else"
# A separate cdylib over the crate as a library, exporting only a link check;
# the crate's own wasm exports (checkJson, and checkLinkJson, whose bad-date
# branch calls the generic check_json) are dropped before wasm-opt, so its
# dead-code elimination leaves only what link::check and to_json reach.
L=target/bench/linkonly
mkdir -p "$L/src" "$L/out"
cat >"$L/Cargo.toml" <<EOF
[package]
name = "linkonly"
version = "0.1.0"
edition = "2021"
publish = false

[lib]
crate-type = ["cdylib"]

[dependencies]
telehealth-rules = { path = "$PWD" }
wasm-bindgen = "=0.2.130"

[profile.release]
opt-level = "z"
lto = true
codegen-units = 1
panic = "abort"

[workspace]
EOF
cat >"$L/src/lib.rs" <<'EOF'
use telehealth_rules::{link, Date, Report};
use wasm_bindgen::prelude::*;

/// The link check and its JSON report, on a fixed day.
#[wasm_bindgen(js_name = linkOnly)]
pub fn link_only(input: &str) -> String {
    Report::Link(link::check(input, Date::from_unix_days(20_418))).to_json()
}
EOF
cp Cargo.lock "$L/Cargo.lock"
(cd "$L" && CARGO_TARGET_DIR="$PWD/target" cargo build --quiet --release --target wasm32-unknown-unknown)
wasm-bindgen --target web --out-dir "$L/out" --out-name linkonly "$L/target/wasm32-unknown-unknown/release/linkonly.wasm"
node scripts/bench-linkonly.mjs "$L/out/linkonly_bg.wasm" "$L/out/pre.wasm" checkJson checkLinkJson ruleset
$WASM_OPT -Oz --strip-debug --strip-producers "$L/out/pre.wasm" -o "$L/out/linkonly.wasm"
$WASM_OPT -Oz -g "$L/out/pre.wasm" -o "$L/out/linkonly-names.wasm"
twiggy top -n 15 "$L/out/linkonly-names.wasm"

echo
echo "== opt-level variants (cargo opt-level + matching wasm-opt level), and the url-only floor"
files=()
for name in z s 2 3 3Oz; do
  [[ -f $V/$name/telehealth_rules_bg.wasm ]] && files+=("opt-$name=$V/$name/telehealth_rules_bg.wasm")
done
for name in z-deps3 3-depsz; do
  [[ -f $V/$name/telehealth_rules_bg.wasm ]] && files+=("opt-$name=$V/$name/telehealth_rules_bg.wasm")
done
files+=("link-only z=$L/out/linkonly.wasm" "url-only z=$U/out/urlonly.wasm" "url-only 3=$U/out3/urlonly.wasm")
twiggy top -f json "$V/names/telehealth_rules_bg.wasm" >"$RESULTS/twiggy-top.json"
node scripts/bench-size.mjs "${files[@]}" --twiggy "$RESULTS/twiggy-top.json" --json "$RESULTS/size.json"

echo
echo "== wasm-opt flags on the opt-level z module (same input: wasm-bindgen output)"
flags=()
for f in target/bench/wasm-opt/*.wasm; do flags+=("$(basename "$f" .wasm)=$f"); done
flags+=("z_Oz (pkg)=$V/z/telehealth_rules_bg.wasm")
node scripts/bench-size.mjs "${flags[@]}" --json "$RESULTS/size-wasm-opt.json" | sed '/^sections/,$d'

echo
echo "== glue (telehealth_rules.js + index.js + api.js + ruleset.js), brotli-11"
node -e '
  const { readFileSync } = require("node:fs");
  const { brotliCompressSync, constants } = require("node:zlib");
  const dir = process.argv[1];
  let total = 0;
  for (const f of ["telehealth_rules.js", "index.js", "api.js", "ruleset.js"]) {
    const b = readFileSync(`${dir}/${f}`);
    const n = brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    total += n;
    console.log(`${f}: ${b.length} raw, ${n} brotli`);
  }
  console.log(`glue total: ${total} brotli`);
' pkg

echo
echo "== twiggy top -n 30 ($V/names: opt-level z, wasm-opt -Oz -g)"
twiggy top -n 30 "$V/names/telehealth_rules_bg.wasm" | tee "$RESULTS/twiggy-top.txt"
echo
echo "== twiggy dominators -d 2 (first 45 rows; whole tree in $RESULTS/twiggy-dominators.txt)"
twiggy dominators "$V/names/telehealth_rules_bg.wasm" >"$RESULTS/twiggy-dominators.txt"
twiggy dominators -d 2 "$V/names/telehealth_rules_bg.wasm" >"$RESULTS/twiggy-dominators-d2.txt"
sed -n 1,45p "$RESULTS/twiggy-dominators-d2.txt"
