#!/usr/bin/env bash
# JSONL throughput of the native CLI: `telehealth-rules check --jsonl` over
# 1,000,000 and 100,000 generated link requests (written under
# target/bench/jsonl/, never committed), with wall time, requests/second and
# peak RSS from /usr/bin/time -v. The same peak RSS at both sizes shows the
# stream runs in constant memory.
#
#   bash bench/jsonl.sh [RUNS]     (default 2 runs of each size)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-2}
export CARGO_TARGET_DIR="$PWD/target/bench"
# The shipped native profile (release: opt-level 3, LTO, panic=abort).
cargo build --quiet --release --bin telehealth-rules
CLI=$CARGO_TARGET_DIR/release/telehealth-rules
DIR=target/bench/jsonl
mkdir -p "$DIR"

# Requests: the shapes of the ten links of bench/links.txt with varied room
# names and meeting ids (a deterministic generator), all with as_of.
generate() {
  local n=$1 file=$2
  [[ -f $file && $(wc -l <"$file") -eq $n ]] && return
  node - "$n" "$file" <<'EOF'
const [n, file] = process.argv.slice(2);
const fs = require('node:fs');
let seed = 12345;
const rand = (m) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed % m; };
const digits = (k) => Array.from({ length: k }, (_, i) => (i === 0 ? 1 + rand(9) : rand(10))).join('');
const name = () => ['drsmith', 'dr.jones', 'acme-therapy', 'lee_counseling', 'drpatel', 'wellness2'][rand(6)] + rand(1000);
const letters = (k) => Array.from({ length: k }, () => 'abcdefghijklmnopqrstuvwxyz'[rand(26)]).join('');
const makers = [
  () => `https://doxy.me/${name()}`,
  () => `https://zoom.us/j/${digits(10)}`,
  () => `https://us02web.zoom.us/j/${digits(10)}?pwd=aBcD1234EfGh${rand(100)}`,
  () => `https://meet.google.com/${letters(3)}-${letters(4)}-${letters(3)}`,
  () => `https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjM5ZTk0YzEtMjQ0ZS00ZDQ2LWI0YTktNDk0YjE2Zjk${digits(6)}%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd011db47%22%2c%22Oid%22%3a%22a1b2c3d4-0000-1111-2222-333344445555%22%7d`,
  () => `https://acme.webex.com/meet/${name()}`,
  () => `https://acmeclinic.vsee.me/u/${name()}`,
  () => `https://www.therapyportal.com/p/${letters(8)}counseling/telehealth/`,
  () => `https://zoom.us/my/${name().replace(/[^a-z0-9.]/g, '')}`,
  () => `https://doxy.me/${name()}-office`,
];
const out = fs.openSync(file, 'w');
let chunk = '';
for (let i = 0; i < Number(n); i++) {
  chunk += `{"kind":"link","input":"${makers[i % makers.length]()}","as_of":"2026-11-26"}\n`;
  if (chunk.length > 1 << 20) { fs.writeSync(out, chunk); chunk = ''; }
}
fs.writeSync(out, chunk);
fs.closeSync(out);
EOF
}

generate 1000000 "$DIR/links-1m.jsonl"
generate 100000 "$DIR/links-100k.jsonl"

# Every report must come back, one per line, and count the verdicts once.
lines=$("$CLI" check --jsonl <"$DIR/links-100k.jsonl" | tee "$DIR/reports-100k.jsonl" | wc -l)
echo "bench-jsonl: 100000 requests -> $lines reports; verdicts: $(grep -o '"verdict":"[a-z]*"' "$DIR/reports-100k.jsonl" | sort | uniq -c | tr '\n' ' ')"

for run in $(seq "$RUNS"); do
  for file in links-1m links-100k; do
    n=$(wc -l <"$DIR/$file.jsonl")
    bytes=$(stat -c %s "$DIR/$file.jsonl")
    start=$(date +%s%N)
    /usr/bin/time -v "$CLI" check --jsonl <"$DIR/$file.jsonl" >/dev/null 2>"$DIR/time-$file-run$run.txt"
    wall=$((($(date +%s%N) - start) / 1000)) # µs, including /usr/bin/time's own start-up
    user=$(grep 'User time' "$DIR/time-$file-run$run.txt" | awk '{print $NF}')
    sys=$(grep 'System time' "$DIR/time-$file-run$run.txt" | awk '{print $NF}')
    rss=$(grep 'Maximum resident set size' "$DIR/time-$file-run$run.txt" | awk '{print $NF}')
    node -e '
      const [file, n, bytes, wall, user, sys, rss, run] = process.argv.slice(1);
      const seconds = Number(wall) / 1e6;
      const cpu = Number(user) + Number(sys);
      console.log(`bench-jsonl run${run}: ${file}: ${n} requests (${(bytes / 1e6).toFixed(1)} MB) in ${seconds.toFixed(3)} s wall (${user} s user + ${sys} s sys): ${Math.round(n / seconds).toLocaleString("en-US")} requests/s wall, ${Math.round(n / cpu).toLocaleString("en-US")} per CPU-second; peak RSS ${rss} KB`);
    ' "$file" "$n" "$bytes" "$wall" "$user" "$sys" "$rss" "$run"
  done
done
