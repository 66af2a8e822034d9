#!/usr/bin/env bash
# Fuzzes each cargo-fuzz target for a bounded time, one after another, and
# prints, per target, the executions, the coverage libFuzzer reached (`cov`,
# code edges; `ft`, features), the corpus size, the time and the crashes,
# timeouts and out-of-memory inputs found (saved in fuzz/artifacts/<target>/;
# each one becomes a test vector). `make fuzz` runs it.
#
# Usage: scripts/fuzz.sh [seconds per target, default 60] [target ...]
#        (targets: every fuzz/fuzz_targets/*.rs by default)
# Installs cargo-fuzz $CARGO_FUZZ_VERSION from crates.io when it is missing or
# another version. cargo-fuzz passes unstable rustc flags (-Zsanitizer=address):
# on the stable toolchain RUSTC_BOOTSTRAP=1 lets it; FUZZ_TOOLCHAIN=nightly
# builds with a nightly toolchain instead.
# The seed corpus fuzz/seeds/<target>/ is written from tests/vectors/*.json by
# scripts/fuzz-seeds.mjs; what libFuzzer learns goes to fuzz/corpus/<target>/
# (not committed); url_differential starts from the link seeds. Exit status:
# 0 when no target found anything.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for source in fuzz/fuzz_targets/*.rs; do targets+=("$(basename "$source" .rs)"); done
fi

# Per-input limits: a hang is any input over 10 s, and memory is capped
# well below the machine's.
TIMEOUT="${FUZZ_TIMEOUT:-10}"
RSS_LIMIT_MB="${FUZZ_RSS_LIMIT_MB:-2048}"
declare -A MAX_LEN=([link]=4096 [location]=512 [request]=16384 [url_differential]=4096)

CARGO_FUZZ_VERSION="${CARGO_FUZZ_VERSION:-0.13.2}"
if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  cargo install cargo-fuzz --version "=$CARGO_FUZZ_VERSION" --locked
fi
export RUSTC_BOOTSTRAP=1
toolchain=()
[ -z "${FUZZ_TOOLCHAIN:-}" ] || toolchain=("+$FUZZ_TOOLCHAIN")
node scripts/fuzz-seeds.mjs >/dev/null
# cargo-fuzz builds into fuzz/target (instrumented, apart from ordinary
# builds) and looks for its binaries there: a CARGO_TARGET_DIR would split them.
unset CARGO_TARGET_DIR
cargo "${toolchain[@]}" fuzz build -O

summary=()
status=0
for target in "${targets[@]}"; do
  corpus="fuzz/corpus/$target"
  artifacts="fuzz/artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  log="$(mktemp)"
  before=$(find "$artifacts" -type f | wc -l)
  start=$(date +%s)
  echo "== fuzzing $target for ${seconds}s"
  # -fork would need more cores than the machine has; one worker it is.
  set +e
  seeds="fuzz/seeds/$target"
  [ -d "$seeds" ] || seeds=fuzz/seeds/link
  cargo "${toolchain[@]}" fuzz run -O "$target" "$corpus" "$seeds" -- \
    -max_total_time="$seconds" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_LIMIT_MB" \
    -max_len="${MAX_LEN[$target]:-4096}" -print_final_stats=1 >"$log" 2>&1
  code=$?
  set -e
  took=$(( $(date +%s) - start ))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
  # libFuzzer's last status line: "#<runs>\t<event> cov: <edges> ft: <features> corp: <inputs>/<size> ...".
  status_line=$(grep -E '^#[0-9]+[[:space:]].* cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || true)
  cov=$(grep -oE 'cov: [0-9]+' <<<"$status_line" | grep -oE '[0-9]+' || true)
  ft=$(grep -oE 'ft: [0-9]+' <<<"$status_line" | grep -oE '[0-9]+' || true)
  corp=$(grep -oE 'corp: [0-9]+' <<<"$status_line" | grep -oE '[0-9]+' || true)
  found=$(( $(find "$artifacts" -type f | wc -l) - before ))
  kinds=$(grep -oE '^(==[0-9]+== )?ERROR: libFuzzer: [a-z-]+|deadly signal|panicked at' "$log" | sort | uniq -c | tr '\n' ' ' || true)
  if [ "$code" -ne 0 ] || [ "$found" -gt 0 ]; then
    status=1
    echo "   $target: exit $code, $found new artifact(s) in $artifacts: $kinds"
    grep -E 'panicked at|ERROR: libFuzzer|Test unit written' "$log" | head -5 | sed 's/^/   /' || true
  fi
  summary+=("$(printf '%-16s %11s executions in %4ss, cov %6s, ft %6s, corpus %6s, %s crash/hang/oom artifact(s)' \
    "$target" "${execs:-?}" "$took" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$found")")
  rm -f "$log"
done

echo
echo "fuzz summary (timeout ${TIMEOUT}s per input, rss limit ${RSS_LIMIT_MB} MB, ${seconds}s per target):"
printf '  %s\n' "${summary[@]}"
exit "$status"
