#!/usr/bin/env bash
# Glappet benchmark: the whole batch against two DuckDB peers (expert and validating) on the same
# synthetic national input, side by side in one run.
#
#   bench/run.sh [SIZE ...]          default: tiny 1y@1 4y@1
#
# SIZE is one of
#   tiny      a hand-written 2-row input (one payment, one allowance row): the fixed cost
#   1y@X      one national year, 2011-01..2011-12, generate --scale X   (X alone means the same)
#   4y@X      four national years, 2008-01..2011-12, generate --scale X
# e.g. a quick run: bench/run.sh tiny 1y@0.05 4y@0.05
#
# Environment:
#   BENCH_DATA          where generated inputs are cached (default bench/data); an input is reused
#                       when DIR.ok exists next to it (delete that file to regenerate)
#   BENCH_OUT           outputs, logs and results.md (default bench/out)
#   BENCH_SEED          generator seed (default 1)
#   BENCH_ENGINES       engines to run, in this order (default "batch expert validating")
#   BENCH_MVN_FLAGS     extra Maven flags for the test-classpath build (e.g. -o)
#   BENCH_NO_CHECK=1    skip comparing the peers' figures with the batch's (untimed)
#   GLAPPET_JAVA_OPTS   JVM options of ./glappet; unset = the launcher's defaults
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${BENCH_DATA:-$ROOT/bench/data}"
OUT="${BENCH_OUT:-$ROOT/bench/out}"
SEED="${BENCH_SEED:-1}"
read -r -a ENGINES <<<"${BENCH_ENGINES:-batch expert validating}"
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(tiny 1y@1 4y@1)
cd "$ROOT"
mkdir -p "$DATA" "$OUT"

log() { echo "bench: $*" >&2; }

# --- sizes -------------------------------------------------------------------------------------
# size_spec SIZE -> "FROM TO SCALE" (SCALE "-" for tiny)
size_spec() {
  local from=2011-01 to=2011-12 scale="$1"
  case "$1" in
    tiny) echo "2011-01 2011-01 -"; return 0 ;;
    1y@*) scale="${1#1y@}" ;;
    4y@*) from=2008-01; scale="${1#4y@}" ;;
  esac
  [[ "$scale" =~ ^([0-9]+(\.[0-9]+)?|\.[0-9]+)$ ]] || return 1
  echo "$from $to $scale"
}
for s in "${SIZES[@]}"; do
  size_spec "$s" >/dev/null || { echo "bench: unknown size '$s' (tiny, 1y@SCALE, 4y@SCALE or SCALE)" >&2; exit 2; }
done

# --- tools -------------------------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
  log "/usr/bin/time (Debian package 'time') is missing; installing it"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get install -y -q time >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q time >/dev/null; }
  else
    sudo apt-get install -y -q time >/dev/null
  fi
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# --- build -------------------------------------------------------------------------------------
# "batch --help" (not "--help") also records the class-data archive that the launcher prepares once
# after each build (about 20 s): otherwise the first timed run, the 2-row one, would include it.
log "building (./glappet batch --help builds the product and its class-data archive on first use)"
./glappet batch --help >/dev/null
log "building the test classpath (the peers live in the test sources; DuckDB JDBC is a test dependency)"
# shellcheck disable=SC2086
if ! mvn -q -B ${BENCH_MVN_FLAGS:-} -DskipTests test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-test-classpath.txt \
    >"$OUT/build.log" 2>&1; then
  log "the Maven build failed; see $OUT/build.log"
  tail -n 30 "$OUT/build.log" >&2
  exit 1
fi
PEER_CP="$ROOT/pipelines/target/test-classes:$ROOT/pipelines/target/classes:$(cat "$ROOT/pipelines/target/bench-test-classpath.txt")"

# --- inputs ------------------------------------------------------------------------------------
# The 2-row input: one payment of a person in the gap, and that person's closed LMA period.
write_tiny() {
  local dir="$1" p=0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9
  local h=ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100
  rm -rf "$dir"
  mkdir -p "$dir/income-support" "$dir/allowances" "$dir/kis"
  printf 'municipality_code;payment_id;household_id;person_id;payment_date;covers_from;covers_to;amount_sek;reason_code;adults;children\n0114;P1;%s;%s;2011-01-10;2011-01-01;2011-01-31;3100,00;WAITING_PLAN;1;0\n' \
    "$h" "$p" >"$dir/income-support/0114_2011-01.csv"
  printf 'person_id;municipality_code;allowance_type;from_date;to_date;first_payment_date;daily_amount_sek\n%s;0114;LMA;2010-06-01;2010-12-31;;71,00\n' \
    "$p" >"$dir/allowances/0114.csv"
  printf 'municipality_code;period;reception_type;newcomers_received;with_plan;awaiting_plan\n' >"$dir/kis/0114.csv"
}

# input_dir SIZE -> the cached input folder (generated or written when missing)
input_dir() {
  local size="$1" from to scale dir
  read -r from to scale <<<"$(size_spec "$size")"
  if [ "$scale" = "-" ]; then
    dir="$DATA/tiny"
    [ -f "$dir.ok" ] || { write_tiny "$dir"; echo "2 rows, written by bench/run.sh" >"$dir.ok"; }
  else
    dir="$DATA/${from}_${to}_scale${scale}_seed${SEED}"
    if [ ! -f "$dir.ok" ]; then
      log "generating $dir (--from $from --to $to --scale $scale --seed $SEED --clean); cached for later runs"
      rm -rf "$dir"
      if ! ./glappet generate --output "$dir" --municipalities all --from "$from" --to "$to" \
          --scale "$scale" --seed "$SEED" --clean >"$dir.generate.log" 2>&1; then
        log "generate failed; see $dir.generate.log"
        exit 1
      fi
      cp "$dir.generate.log" "$dir.ok"
    fi
  fi
  echo "$dir"
}

# Data lines of the three datasets: physical lines minus one header per file (cached in DIR.rows).
input_rows() {
  local dir="$1"
  if [ ! -s "$dir.rows" ] || [ "$dir.rows" -ot "$dir.ok" ]; then
    find "$dir/income-support" "$dir/allowances" "$dir/kis" -maxdepth 1 -type f -iname '*.csv' -print0 \
      | xargs -0 -r awk 'FNR == 1 { files++ } END { print NR - files }' \
      | awk '{ n += $1 } END { print n + 0 }' >"$dir.rows"
  fi
  cat "$dir.rows"
}

# --- measuring ---------------------------------------------------------------------------------
# "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.33" -> seconds
wall_seconds() {
  sed -n 's/.*Elapsed (wall clock) time.*): //p' "$1" \
    | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }'
}
peak_mib() {
  sed -n 's/.*Maximum resident set size (kbytes): //p' "$1" | awk '{ printf "%.0f", $1 / 1024 }'
}
cpu_seconds() {
  awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { s += $2 } END { printf "%.1f", s }' "$1"
}
exit_status() {
  sed -n 's/.*Exit status: //p' "$1"
}
# run_timed NAME LOGBASE CMD...: CMD under /usr/bin/time -v; its output in LOGBASE.log, time's
# report in LOGBASE.time, uptime before and after in LOGBASE.load. Never fails the script.
run_timed() {
  local name="$1" base="$2"
  shift 2
  local shown="$*"
  log "$name: ${shown//$PEER_CP/<test classpath>}"
  { echo "before: $(uptime)"; } >"$base.load"
  /usr/bin/time -v -o "$base.time" "$@" >"$base.log" 2>&1 || true
  { echo "after:  $(uptime)"; } >>"$base.load"
  local rc
  rc="$(exit_status "$base.time")"
  if [ "$rc" != "0" ]; then
    log "$name FAILED (exit $rc); last lines of $base.log:"
    tail -n 15 "$base.log" >&2
  else
    log "$name: $(wall_seconds "$base.time") s wall, $(cpu_seconds "$base.time") s CPU, $(peak_mib "$base.time") MiB peak"
  fi
}

# --- machine -----------------------------------------------------------------------------------
MACHINE="$OUT/machine.txt"
{
  echo "date:      $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit:    $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?') ($(git -C "$ROOT" rev-parse --abbrev-ref HEAD 2>/dev/null || echo '?'))"
  echo "nproc:     $(nproc)"
  echo "cpu:       $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
  echo "uptime:    $(uptime) (before the runs)"
  echo "java:      $("$JAVA" -version 2>&1 | head -n 1)"
  echo "GLAPPET_JAVA_OPTS: ${GLAPPET_JAVA_OPTS:-<unset: launcher defaults>}"
  echo "sizes:     ${SIZES[*]}; engines: ${ENGINES[*]}; seed $SEED; inputs cached in $DATA"
  echo "free -g:"
  free -g | sed 's/^/  /'
} >"$MACHINE"
cat "$MACHINE"

# --- runs --------------------------------------------------------------------------------------
RESULTS="$OUT/results.tsv"
printf 'size\tengine\trows\twall_s\tpeak_mib\tstatus\tcpu_s\tload_before\tload_after\tfigures\n' >"$RESULTS"
CHECKS="$OUT/checks.txt"
: >"$CHECKS"

for size in "${SIZES[@]}"; do
  read -r from to scale <<<"$(size_spec "$size")"
  in="$(input_dir "$size")"
  rows="$(input_rows "$in")"
  log "size $size: $from..$to, $rows input rows, $(du -sh "$in" | cut -f1) in $in"
  o="$OUT/$size"
  mkdir -p "$o"

  for engine in "${ENGINES[@]}"; do
    rm -rf "${o:?}/$engine"
    case "$engine" in
      batch)
        run_timed "$size batch" "$o/$engine" \
          ./glappet batch --input "$in" --output "$o/$engine" --from "$from" --to "$to" --quiet ;;
      expert)
        run_timed "$size expert peer" "$o/$engine" \
          "$JAVA" -cp "$PEER_CP" se.glappet.bench.ExpertDuckDbPeer --input "$in" --output "$o/$engine" \
            --from "$from" --to "$to" ;;
      validating)
        run_timed "$size validating peer" "$o/$engine" \
          "$JAVA" -cp "$PEER_CP" se.glappet.bench.DuckDbPeer --input "$in" --output "$o/$engine" \
            --from "$from" --to "$to" ;;
      *) log "unknown engine $engine"; exit 2 ;;
    esac
  done

  # Like with like (untimed): each peer's figures against the batch's published ones.
  for engine in "${ENGINES[@]}"; do
    status=ok
    [ "$(exit_status "$o/$engine.time")" = "0" ] || status="FAILED($(exit_status "$o/$engine.time"))"
    figures=-
    if [ "$engine" != batch ] && [ "${BENCH_NO_CHECK:-0}" != "1" ] \
        && [ -f "$o/batch/manifest.json" ] && [ -f "$o/$engine/gap_support.parquet" ]; then
      "$JAVA" -cp "$PEER_CP" se.glappet.bench.CompareWithBatch "$o/$engine" "$o/batch" \
        >"$o/$engine.compare" 2>&1 || true
      { echo "$size, $engine peer against the batch:"; sed 's/^/  /' "$o/$engine.compare"; } >>"$CHECKS"
      if grep -q 'verdict: SAME FIGURES' "$o/$engine.compare"; then
        figures=same
      else
        figures=DIFFERENT
      fi
    fi
    lb="$(sed -n 's/^before:.*load average: \([^,]*\),.*/\1/p' "$o/$engine.load")"
    la="$(sed -n 's/^after:.*load average: \([^,]*\),.*/\1/p' "$o/$engine.load")"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$engine" "$rows" \
      "$(wall_seconds "$o/$engine.time")" "$(peak_mib "$o/$engine.time")" "$status" \
      "$(cpu_seconds "$o/$engine.time")" "$lb" "$la" "$figures" >>"$RESULTS"
  done
done

# --- report ------------------------------------------------------------------------------------
REPORT="$OUT/results.md"
awk -F'\t' -v sizes="${SIZES[*]}" '
  NR == 1 { next }
  {
    k = $1 SUBSEP $2
    rows[k] = $3; wall[k] = $4; peak[k] = $5; status[k] = $6; cpu[k] = $7; lb[k] = $8; la[k] = $9; fig[k] = $10
    seen[k] = 1
  }
  function label(e) { return e == "batch" ? "batch (./glappet batch)" : e == "expert" ? "expert DuckDB peer" : "validating DuckDB peer" }
  function ok(k) { return (k in seen) && status[k] == "ok" && wall[k] > 0 }
  function ratio(a, b) { return (ok(a) && ok(b)) ? sprintf("%.2f", wall[a] / wall[b]) : "-" }
  END {
    n = split(sizes, sz, " ")
    split("batch expert validating", order, " ")
    print "| size | engine | input rows | wall s | peak MiB | rows/s | CPU s | load avg before -> after | figures vs batch |"
    print "|---|---|---:|---:|---:|---:|---:|---|---|"
    for (i = 1; i <= n; i++) {
      s = sz[i]
      for (j = 1; j <= 3; j++) {
        k = s SUBSEP order[j]
        if (!(k in seen)) continue
        rps = (wall[k] > 0) ? sprintf("%.0f", rows[k] / wall[k]) : "-"
        st = (status[k] == "ok") ? "" : " " status[k]
        printf "| %s | %s%s | %d | %.2f | %d | %s | %s | %s -> %s | %s |\n", s, label(order[j]), st,
          rows[k], wall[k], peak[k], rps, cpu[k], lb[k], la[k], fig[k]
      }
    }
    print ""
    print "| size | batch / expert | batch / validating | validating / expert | batch peak MiB |"
    print "|---|---:|---:|---:|---:|"
    for (i = 1; i <= n; i++) {
      s = sz[i]; b = s SUBSEP "batch"; x = s SUBSEP "expert"; v = s SUBSEP "validating"
      printf "| %s | %s | %s | %s | %s |\n", s, ratio(b, x), ratio(b, v), ratio(v, x), ((b in seen) ? peak[b] : "-")
    }
    # Growth between sizes of the same scale, one year -> four years.
    growth = ""
    for (i = 1; i <= n; i++) {
      if (sz[i] !~ /^4y@/) continue
      sc = substr(sz[i], 4)
      one = ""
      for (m = 1; m <= n; m++) if (sz[m] == "1y@" sc || sz[m] == sc) one = sz[m]
      if (one == "") continue
      for (j = 1; j <= 3; j++) {
        a = one SUBSEP order[j]; c = sz[i] SUBSEP order[j]
        if (!ok(a) || !ok(c) || rows[a] <= 0) continue
        growth = growth sprintf("| %s -> %s | %s | %.2f | %.2f |\n", one, sz[i], label(order[j]), rows[c] / rows[a], wall[c] / wall[a])
      }
    }
    if (growth != "") {
      print ""
      print "| sizes | engine | data ratio | time ratio |"
      print "|---|---|---:|---:|"
      printf "%s", growth
    }
    print ""
    print "Targets (issue 13): fixed cost (tiny) <= 3 s; one national year (1y@1): batch <= 3 x the expert peer;"
    print "four national years (4y@1): batch <= 2.5 x the expert peer and <= 2048 MiB peak."
    for (i = 1; i <= n; i++) {
      s = sz[i]; b = s SUBSEP "batch"; x = s SUBSEP "expert"
      if (s == "tiny" && ok(b))
        printf "- %s: batch %.2f s (%s)\n", s, wall[b], (wall[b] <= 3 ? "met" : "NOT MET, " sprintf("%.2f", wall[b] / 3) " x the target")
      else if (ok(b) && ok(x)) {
        lim = (s ~ /^4y@/) ? 2.5 : 3
        r = wall[b] / wall[x]
        line = sprintf("- %s: batch %.2f x the expert peer (target %s: %s)", s, r, lim, (r <= lim ? "met" : "NOT MET"))
        if (s ~ /^4y@/) line = line sprintf("; peak %d MiB (%s)", peak[b], (peak[b] <= 2048 ? "within 2 GiB" : "OVER 2 GiB"))
        if (s != "1y@1" && s != "1" && s != "4y@1") line = line " [not the target size]"
        print line
      }
    }
    print ""
    verdict = "SAME FIGURES"; any = 0; failed = 0
    for (k in fig) if (fig[k] != "-") { any = 1; if (fig[k] != "same") verdict = "DIFFERENT FIGURES" }
    for (k in status) if (status[k] != "ok") failed++
    if (failed > 0) verdict = verdict " (and " failed " run(s) FAILED)"
    print "Figures: " (any ? verdict : "not compared") " (each peer against the batch, every figure it computes, on every row the batch published; details below)"
  }' "$RESULTS" >"$REPORT"

{
  echo
  echo "## Machine"
  echo
  echo '```'
  cat "$MACHINE"
  echo "uptime:    $(uptime) (after the runs)"
  echo '```'
  if [ -s "$CHECKS" ]; then
    echo
    echo "## Same figures? (each peer against the batch's published rows, untimed)"
    echo
    echo '```'
    cat "$CHECKS"
    echo '```'
  fi
} >>"$REPORT"

echo
cat "$REPORT"
log "results in $REPORT (raw: $RESULTS; logs: $OUT/<size>/<engine>.log, .time, .load, .compare)"
