#!/usr/bin/env bash
# Where the time goes, in instructions (repeatable on a shared machine):
# bench/rust/callgrind.rs under valgrind --tool=callgrind, counting only the
# measured loop (--toggle-collect), then callgrind_annotate's top functions,
# exclusive ("self") and inclusive. Built like the criterion benchmarks
# (opt-level 3, LTO, one codegen unit) plus line tables so inlined code is
# attributed to its source file.
#
#   bash bench/callgrind.sh [WORKLOAD ...]
#   (default: link_typical link_doxy link_json_doxy continuity60 continuity60_json)
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TARGET_DIR="$PWD/target/bench/callgrind"
# panic=unwind: cargo cannot build bench targets against panic=abort deps.
export CARGO_PROFILE_RELEASE_PANIC=unwind CARGO_PROFILE_BENCH_DEBUG=line-tables-only
OUT=target/bench/results/callgrind
mkdir -p "$OUT"
bin=$(cargo bench --no-run --bench callgrind --message-format=json 2>/dev/null \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for(const l of s.split("\n")){if(!l)continue;const m=JSON.parse(l);if(m.reason==="compiler-artifact"&&m.target?.name==="callgrind"&&m.executable)console.log(m.executable)}})')
echo "bench-callgrind: $bin"

workloads=("$@")
[[ ${#workloads[@]} -gt 0 ]] || workloads=(link_typical link_doxy link_json_doxy continuity60 continuity60_json)
declare -A ITER=([link_typical]=2000 [link_prefixes]=50 [link_doxy]=20000 [link_json_doxy]=20000 [continuity60]=20000 [continuity60_json]=2000)
declare -A CALLS_PER_ITER=([link_typical]=10 [link_prefixes]=572)

for w in "${workloads[@]}"; do
  n=${ITER[$w]:-10000}
  calls=$((n * ${CALLS_PER_ITER[$w]:-1}))
  file=$OUT/callgrind.out.$w
  valgrind --tool=callgrind --callgrind-out-file="$file" --toggle-collect="*callgrind::run_$w*" \
    "$bin" "$w" "$n" >/dev/null 2>"$OUT/valgrind-$w.log"
  callgrind_annotate --auto=no --inclusive=no --threshold=100 "$file" >"$OUT/annotate-self-$w.txt" 2>/dev/null
  callgrind_annotate --auto=no --inclusive=yes --threshold=100 "$file" >"$OUT/annotate-inclusive-$w.txt" 2>/dev/null
  echo
  node bench/callgrind-top.mjs "$w" "$calls" "$OUT/annotate-self-$w.txt" "$OUT/annotate-inclusive-$w.txt" | tee "$OUT/top-$w.txt"
done
