#!/usr/bin/env bash
# Glappet benchmark: the whole batch against a DuckDB SQL peer on the same synthetic national year.
#
#   bench/run.sh [SCALE ...]        default: 0.5 1
#
# Environment:
#   GLAPPET_JAVA_OPTS   JVM options of ./glappet (e.g. -Xmx2g); passed through unchanged
#   BENCH_DIRECT=1      also run the batch on the DirectRunner
#   BENCH_SEED          generator seed (default 1)
#   BENCH_MVN_FLAGS     extra Maven flags for the test-classpath build (e.g. -o)
#   BENCH_NO_CHECK=1    skip comparing the peer's figures with the batch's (untimed)
#
# Everything it writes stays in bench/data (generated inputs, kept between runs) and bench/out
# (outputs, logs, results.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
DATA="$BENCH/data"
OUT="$BENCH/out"
FROM=2011-01
TO=2011-12
SEED="${BENCH_SEED:-1}"
SCALES=("$@")
[ ${#SCALES[@]} -eq 0 ] && SCALES=(0.5 1)
cd "$ROOT"
mkdir -p "$DATA" "$OUT"

log() { echo "bench: $*" >&2; }

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
log "building (./glappet --help builds the product on first use)"
./glappet --help >/dev/null
log "building the test classpath (DuckDB JDBC is a test dependency of pipelines)"
# shellcheck disable=SC2086
if ! mvn -q -B ${BENCH_MVN_FLAGS:-} -DskipTests test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-test-classpath.txt \
    >"$OUT/build.log" 2>&1; then
  log "the Maven build failed; see $OUT/build.log"
  tail -n 30 "$OUT/build.log" >&2
  exit 1
fi
PEER_CP="$ROOT/pipelines/target/test-classes:$(cat "$ROOT/pipelines/target/bench-test-classpath.txt")"

GEN_FLAGS=()
if ./glappet generate --help 2>&1 | grep -q -- '--clean'; then
  GEN_FLAGS+=(--clean)
fi

# --- helpers -----------------------------------------------------------------------------------
# Data lines of the three datasets: physical lines minus one header per file (a last line
# without a newline counts too).
input_rows() {
  local dir="$1"
  find "$dir/income-support" "$dir/allowances" "$dir/kis" -maxdepth 1 -type f -iname '*.csv' -print0 \
    | xargs -0 -r awk 'FNR == 1 { files++ } END { print NR - files }' \
    | awk '{ n += $1 } END { print n + 0 }'
}

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

# run NAME LOGBASE CMD...: runs CMD under /usr/bin/time -v; the command's output goes to
# LOGBASE.log, time's report to LOGBASE.time. Never fails the script.
run_timed() {
  local name="$1" base="$2"
  shift 2
  local shown="$*"
  log "$name: ${shown//$PEER_CP/<test classpath>}"
  /usr/bin/time -v -o "$base.time" "$@" >"$base.log" 2>&1 || true
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
  echo "load avg:  $(cut -d' ' -f1-3 /proc/loadavg) (before the runs; other work on the machine skews the times)"
  echo "java:      $("$JAVA" -version 2>&1 | head -n 1)"
  echo "GLAPPET_JAVA_OPTS: ${GLAPPET_JAVA_OPTS:-<unset: launcher default -XX:+UseParallelGC -Xmx1536m>}"
  echo "free -g:"
  free -g | sed 's/^/  /'
} >"$MACHINE"
cat "$MACHINE"

# --- runs --------------------------------------------------------------------------------------
RESULTS="$OUT/results.tsv"
printf 'scale\tengine\trows\twall_s\tpeak_mib\tstatus\tcpu_s\n' >"$RESULTS"
CHECKS="$OUT/checks.txt"
: >"$CHECKS"

for scale in "${SCALES[@]}"; do
  in="$DATA/scale-$scale"
  if [ ! -f "$DATA/scale-$scale.ok" ]; then
    log "generating $in (--scale $scale --seed $SEED ${GEN_FLAGS[*]})"
    ./glappet generate --output "$in" --municipalities all --from "$FROM" --to "$TO" \
      --scale "$scale" --seed "$SEED" "${GEN_FLAGS[@]}" >"$DATA/scale-$scale.generate.log" 2>&1 || {
        log "generate failed; see $DATA/scale-$scale.generate.log"; exit 1; }
    cp "$DATA/scale-$scale.generate.log" "$DATA/scale-$scale.ok"
  fi
  rows="$(input_rows "$in")"
  log "scale $scale: $rows input rows, $(du -sh "$in" | cut -f1)"
  o="$OUT/scale-$scale"
  mkdir -p "$o"

  engines=(flink)
  [ "${BENCH_DIRECT:-0}" = "1" ] && engines+=(direct)
  engines+=(duckdb)
  for engine in "${engines[@]}"; do
    rm -rf "${o:?}/$engine"
    case "$engine" in
      flink)
        run_timed "scale $scale batch FlinkRunner" "$o/$engine" \
          ./glappet batch --input "$in" --output "$o/$engine" --from "$FROM" --to "$TO" \
            --runner FlinkRunner --quiet ;;
      direct)
        run_timed "scale $scale batch DirectRunner" "$o/$engine" \
          ./glappet batch --input "$in" --output "$o/$engine" --from "$FROM" --to "$TO" \
            --runner DirectRunner --quiet ;;
      duckdb)
        run_timed "scale $scale DuckDB peer" "$o/$engine" \
          "$JAVA" -cp "$PEER_CP" se.glappet.bench.DuckDbPeer --input "$in" --output "$o/$engine" \
            --from "$FROM" --to "$TO" ;;
    esac
    status=ok
    [ "$(exit_status "$o/$engine.time")" = "0" ] || status="FAILED($(exit_status "$o/$engine.time"))"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scale" "$engine" "$rows" \
      "$(wall_seconds "$o/$engine.time")" "$(peak_mib "$o/$engine.time")" "$status" \
      "$(cpu_seconds "$o/$engine.time")" >>"$RESULTS"
  done

  # Like with like: the peer's figures must equal the batch's published (unsuppressed) ones.
  if [ "${BENCH_NO_CHECK:-0}" != "1" ]; then
    for engine in "${engines[@]}"; do
      [ "$engine" = duckdb ] && continue
      if [ -f "$o/$engine/manifest.json" ] && [ -f "$o/duckdb/gap_support.parquet" ]; then
        {
          echo "scale $scale, $engine vs duckdb:"
          "$JAVA" -cp "$PEER_CP" se.glappet.bench.CompareWithBatch "$o/duckdb" "$o/$engine" 2>&1 \
            | sed 's/^/  /' || true
        } >>"$CHECKS"
      fi
    done
  fi
done

# --- report ------------------------------------------------------------------------------------
REPORT="$OUT/results.md"
awk -F'\t' -v scales="${SCALES[*]}" '
  NR == 1 { next }
  {
    key = $1 SUBSEP $2
    rows[key] = $3; wall[key] = $4; peak[key] = $5; status[key] = $6; cpu[key] = $7
  }
  function label(e) { return e == "flink" ? "batch (FlinkRunner)" : e == "direct" ? "batch (DirectRunner)" : "DuckDB peer" }
  END {
    n = split(scales, sc, " ")
    split("flink direct duckdb", order, " ")
    print "| scale | engine | input rows | wall s | peak MiB | rows/s | ratio to DuckDB | CPU s (user+sys) |"
    print "|---:|---|---:|---:|---:|---:|---:|---:|"
    for (i = 1; i <= n; i++) {
      s = sc[i]
      d = wall[s SUBSEP "duckdb"]
      for (j = 1; j <= 3; j++) {
        e = order[j]; k = s SUBSEP e
        if (!(k in wall)) continue
        rps = (wall[k] > 0) ? sprintf("%.0f", rows[k] / wall[k]) : "-"
        ratio = (d > 0 && status[s SUBSEP "duckdb"] == "ok") ? sprintf("%.2f", wall[k] / d) : "-"
        st = (status[k] == "ok") ? "" : " " status[k]
        printf "| %s | %s%s | %d | %.2f | %d | %s | %s | %s |\n", s, label(e), st, rows[k], wall[k], peak[k], rps, ratio, cpu[k]
      }
    }
    if (n >= 2) {
      print ""
      print "Scaling (each scale against the one before it, and every earlier scale against the last;"
      print "target: time ratio at most 1.1 x data ratio, i.e. four times the data in at most 4.4 x the time):"
      print ""
      print "| scales | engine | data ratio | time ratio | time ratio / data ratio |"
      print "|---|---|---:|---:|---:|"
      np = 0
      for (i = 2; i <= n; i++) { np++; pa[np] = sc[i - 1]; pb[np] = sc[i] }
      for (i = 1; i <= n - 2; i++) { np++; pa[np] = sc[i]; pb[np] = sc[n] }
      for (q = 1; q <= np; q++) {
        a = pa[q]; b = pb[q]
        for (j = 1; j <= 3; j++) {
          e = order[j]; ka = a SUBSEP e; kb = b SUBSEP e
          if (!(ka in wall) || !(kb in wall) || wall[ka] <= 0 || rows[ka] <= 0) continue
          dr = rows[kb] / rows[ka]; tr = wall[kb] / wall[ka]
          printf "| %s -> %s | %s | %.2f | %.2f | %.2f |\n", a, b, label(e), dr, tr, tr / dr
        }
      }
    }
    print ""
    print "Targets (scale 1): batch wall time at most 3 x the DuckDB peer, peak at most 2048 MiB;"
    print "four times the data in at most 4.4 x the time."
    for (i = 1; i <= n; i++) {
      s = sc[i]; d = wall[s SUBSEP "duckdb"]
      for (j = 1; j <= 2; j++) {
        e = order[j]; k = s SUBSEP e
        if (!(k in wall) || status[k] != "ok" || status[s SUBSEP "duckdb"] != "ok" || d <= 0) continue
        printf "- scale %s, %s: %.2f x DuckDB (%s), %d MiB (%s)\n", s, label(e), wall[k] / d,
          (wall[k] / d <= 3 ? "within 3x" : "OVER 3x"), peak[k], (peak[k] <= 2048 ? "within 2 GiB" : "OVER 2 GiB")
      }
    }
  }' "$RESULTS" >"$REPORT"

{
  echo
  echo "## Machine"
  echo
  echo '```'
  cat "$MACHINE"
  echo '```'
  if [ -s "$CHECKS" ]; then
    echo
    echo "## Same figures? (peer against the batch's published rows, untimed)"
    echo
    echo '```'
    cat "$CHECKS"
    echo '```'
  fi
} >>"$REPORT"

echo
cat "$REPORT"
log "results in $REPORT (raw: $RESULTS; logs: $OUT/scale-*/<engine>.log and .time)"
