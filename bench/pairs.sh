#!/usr/bin/env bash
# The batch and the expert DuckDB peer alternating on one input: the ratio per pair, then its
# median, lowest and highest. One bench run times each engine once, so one slow run of either
# (this machine is shared) moves the ratio; alternating pairs give its spread.
#
#   bench/pairs.sh SIZE [N]          e.g. bench/pairs.sh 1y@1 6   (N pairs, default 5)
#
# SIZE is 1y@X or 4y@X as for bench/run.sh, which must have run once for that size: it generates
# and caches the input (BENCH_DATA, BENCH_SEED as there) and builds the peers' test classpath.
# Prints one line per pair and a summary; writes nothing but the two outputs (under BENCH_OUT,
# default bench/out/pairs, replaced on every pair).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${BENCH_DATA:-$ROOT/bench/data}"
OUT="${BENCH_OUT:-$ROOT/bench/out}/pairs"
SEED="${BENCH_SEED:-1}"
SIZE="${1:?usage: bench/pairs.sh 1y@SCALE|4y@SCALE [N]}"
N="${2:-5}"
case "$SIZE" in
  1y@*) FROM=2011-01; SCALE="${SIZE#1y@}" ;;
  4y@*) FROM=2008-01; SCALE="${SIZE#4y@}" ;;
  *) echo "bench/pairs.sh: SIZE is 1y@SCALE or 4y@SCALE" >&2; exit 2 ;;
esac
TO=2011-12
IN="$DATA/${FROM}_${TO}_scale${SCALE}_seed${SEED}"
CP_FILE="$ROOT/pipelines/target/bench-test-classpath.txt"
if [ ! -f "$IN.ok" ] || [ ! -f "$CP_FILE" ]; then
  echo "bench/pairs.sh: run 'bench/run.sh $SIZE' once first (it makes $IN and the peers' classpath)" >&2
  exit 2
fi
PEER_CP="$ROOT/pipelines/target/test-classes:$ROOT/pipelines/target/classes:$(cat "$CP_FILE")"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
mkdir -p "$OUT"

# run NAME CMD... -> "wall cpu" (seconds) of one timed run; its log in OUT/NAME.log
run() {
  local name="$1"; shift
  rm -rf "${OUT:?}/$name"
  if ! /usr/bin/time -f "%e %U %S" -o "$OUT/$name.time" "$@" >"$OUT/$name.log" 2>&1; then
    echo "bench/pairs.sh: $name failed; see $OUT/$name.log" >&2
    exit 1
  fi
  awk '{ printf "%.2f %.1f", $1, $2 + $3 }' "$OUT/$name.time"
}

"$ROOT/glappet" batch --help >/dev/null # builds and records the class-data archive if needed
ratios=()
for i in $(seq 1 "$N"); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  read -r bw bc <<<"$(run batch "$ROOT/glappet" batch --input "$IN" --output "$OUT/batch" --from "$FROM" --to "$TO" --quiet)"
  read -r ew ec <<<"$(run expert "$JAVA" -cp "$PEER_CP" se.glappet.bench.ExpertDuckDbPeer --input "$IN" \
    --output "$OUT/expert" --from "$FROM" --to "$TO")"
  r=$(awk -v b="$bw" -v e="$ew" 'BEGIN { printf "%.2f", b / e }')
  ratios+=("$r")
  echo "pair $i: batch $bw s ($bc CPU s), expert peer $ew s ($ec CPU s): $r x (load $load)"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk -v size="$SIZE" '
  { r[NR] = $1 }
  END {
    m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
    printf "%s: batch / expert peer over %d pairs: median %.2f x, lowest %.2f x, highest %.2f x\n", size, NR, m, r[1], r[NR]
  }'
