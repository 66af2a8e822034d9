#!/usr/bin/env bash
# Fuzzes each cargo-fuzz target for a bounded time and prints, per target,
# the executions, the time and the crashes, timeouts and out-of-memory inputs
# found (saved in fuzz/artifacts/<target>/; each one becomes a test vector).
#
# Usage: scripts/fuzz.sh [seconds per target, default 60] [target ...]
#        (targets: link location request url_differential; all by default)
# Needs the nightly toolchain; installs cargo-fuzz from crates.io if missing.
# The seed corpus fuzz/seeds/<target>/ is written from tests/vectors/*.json by
# scripts/fuzz-seeds.mjs; what libFuzzer learns goes to fuzz/corpus/<target>/
# (not committed); url_differential starts from the link seeds. Exit status:
# 0 when no target found anything.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(link location request url_differential)

# Per-input limits: a hang is any input over 10 s, and memory is capped
# well below the machine's.
TIMEOUT="${FUZZ_TIMEOUT:-10}"
RSS_LIMIT_MB="${FUZZ_RSS_LIMIT_MB:-2048}"
declare -A MAX_LEN=([link]=4096 [location]=512 [request]=16384 [url_differential]=4096)

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
node scripts/fuzz-seeds.mjs >/dev/null
# cargo-fuzz builds into fuzz/target (instrumented, apart from ordinary
# builds) and looks for its binaries there: a CARGO_TARGET_DIR would split them.
unset CARGO_TARGET_DIR
cargo +nightly fuzz build -O

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
  cargo +nightly fuzz run -O "$target" "$corpus" "$seeds" -- \
    -max_total_time="$seconds" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_LIMIT_MB" \
    -max_len="${MAX_LEN[$target]:-4096}" -print_final_stats=1 >"$log" 2>&1
  code=$?
  set -e
  took=$(( $(date +%s) - start ))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
  found=$(( $(find "$artifacts" -type f | wc -l) - before ))
  kinds=$(grep -oE '^(==[0-9]+== )?ERROR: libFuzzer: [a-z-]+|deadly signal|panicked at' "$log" | sort | uniq -c | tr '\n' ' ' || true)
  if [ "$code" -ne 0 ] || [ "$found" -gt 0 ]; then
    status=1
    echo "   $target: exit $code, $found new artifact(s) in $artifacts: $kinds"
    grep -E 'panicked at|ERROR: libFuzzer|Test unit written' "$log" | head -5 | sed 's/^/   /' || true
  fi
  summary+=("$(printf '%-9s %12s executions in %4ss, %s crash/hang/oom artifact(s)' "$target" "${execs:-?}" "$took" "$found")")
  rm -f "$log"
done

echo
echo "fuzz summary (timeout ${TIMEOUT}s per input, rss limit ${RSS_LIMIT_MB} MB, ${seconds}s per target):"
printf '  %s\n' "${summary[@]}"
exit "$status"
