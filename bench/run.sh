#!/usr/bin/env bash
# `make bench`: every benchmark (bench/README.md), results written to
# target/bench/results/ and printed; BENCHMARKS.md states the current figures.
#
#   bash bench/run.sh [--snapshot] [PART ...]
#
# PART: native (criterion, twice), wasm (keystroke-module variants:
# opt-level, bench/wasm-variants.sh), browser (headless Chromium:
# checkLink vs isURL per keystroke, pkg/ and the variants, twice), node (the
# same in Node), jsonl (CLI throughput and peak memory), page (the settings
# page's first feedback on the slow profile), size (size per
# module, variants, where the bytes go), callgrind (instruction counts);
# default: all, in that order.
#
# --snapshot copies the working tree (not target/, node_modules/, .git/) to
# target/bench/snapshot/ and measures that copy, so that a tree others are
# editing cannot change under a long run; the package is rebuilt there first.
#
# Times on a shared 2-core machine are noisy: each timed part runs twice, both
# runs are kept, and the load average is printed with every part. Instruction
# counts and sizes are deterministic.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ${1:-} == --snapshot ]]; then
  shift
  snap=target/bench/snapshot
  rm -rf "$snap" && mkdir -p "$snap"
  # Not the fuzzing corpus (written to while fuzzers run) nor build output.
  tar -C . --exclude=./target --exclude=./node_modules --exclude=./.git --exclude=./fuzz \
    --exclude=./test-results --warning=no-file-changed -cf - . | tar -C "$snap" -xf - || true
  ln -s "$PWD/node_modules" "$snap/node_modules"
  {
    echo "snapshot of $PWD taken $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "HEAD $(git rev-parse HEAD) ($(git log -1 --format=%s))"
    echo "uncommitted changes (git diff HEAD | sha256sum): $(git diff HEAD | sha256sum | cut -c1-16)"
    git status --short
  } >"$snap/SNAPSHOT.txt"
  (cd "$snap" && bash scripts/build-pkg.sh)
  exec bash "$snap/bench/run.sh" "$@"
fi

RESULTS=target/bench/results
mkdir -p "$RESULTS"
parts=("$@")
[[ ${#parts[@]} -gt 0 ]] || parts=(native wasm browser node jsonl page size callgrind)
export CARGO_TARGET_DIR="$PWD/target/bench"

machine() {
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "tree: $PWD"
  if [[ -f SNAPSHOT.txt ]]; then cat SNAPSHOT.txt; else
    echo "HEAD $(git rev-parse HEAD 2>/dev/null) ($(git log -1 --format=%s 2>/dev/null)); uncommitted: $(git status --short 2>/dev/null | wc -l) paths"
  fi
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') ($(grep -m1 'cpu MHz' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') MHz)"
  echo "memory: $(grep MemTotal /proc/meminfo | awk '{printf "%.1f GiB", $2/1048576}')"
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "kernel: $(uname -sr)"
  echo "rustc: $(rustc --version)"
  echo "node: $(node --version)"
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null)"
  echo "wasm-bindgen: $(wasm-bindgen --version)"
  echo "wasm-opt: $(node_modules/.bin/wasm-opt --version)"
  echo "valgrind: $(valgrind --version)"
}
machine | tee "$RESULTS/machine.txt"

# NAME=DIR for every keystroke-module variant built by bench/wasm-variants.sh.
variants() {
  local d
  for d in target/bench/variants/*/; do [[ -f $d/keystroke_bg.wasm ]] && echo "$(basename "$d")=$d"; done
}

for part in "${parts[@]}"; do
  echo
  echo "######## $part ($(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg))"
  case $part in
    native)
      # panic=unwind: cargo cannot link bench targets against panic=abort
      # dependencies (the release profile's setting); the code is otherwise
      # the release profile's (opt-level 3, LTO, one codegen unit).
      for run in 1 2; do
        CARGO_PROFILE_RELEASE_PANIC=unwind cargo bench --bench rules -- --noplot 2>&1 \
          | grep -E '^(Benchmarking .*: Analyzing|[a-z_]+/|\s+time:|\s+thrpt:)' | grep -v Analyzing || true
        node bench/criterion-summary.mjs "$CARGO_TARGET_DIR/criterion" --json "$RESULTS/native-run$run.json" \
          | tee "$RESULTS/native-run$run.txt"
      done
      ;;
    wasm) bash bench/wasm-variants.sh ;;
    browser)
      # pkg/ alone, every measurement; then pkg/ and the variants in one page.
      node bench/browser/run.mjs --runs 2 --out "$RESULTS" pkg=pkg | tee "$RESULTS/browser.txt"
      node bench/browser/run.mjs --together --runs 2 --out "$RESULTS" pkg=pkg $(variants) | tee "$RESULTS/browser-together.txt"
      ;;
    node)
      for run in 1 2; do
        node bench/node.mjs pkg=pkg $(variants) --json "$RESULTS/node-run$run.json" | tee "$RESULTS/node-run$run.txt"
      done
      ;;
    jsonl) bash bench/jsonl.sh 2 | tee "$RESULTS/jsonl.txt" ;;
    page)
      # The settings page's first feedback on the slow profile (fails over its budget).
      make --no-print-directory www >/dev/null
      node bench/first-feedback.mjs 9 | tee "$RESULTS/first-feedback.txt"
      ;;
    size) bash bench/size.sh | tee "$RESULTS/size.txt" ;;
    callgrind) bash bench/callgrind.sh | tee "$RESULTS/callgrind.txt" ;;
    *)
      echo "bench.sh: unknown part $part" >&2
      exit 1
      ;;
  esac
done
echo
echo "bench.sh: done; results in $PWD/$RESULTS"
