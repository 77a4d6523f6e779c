#!/usr/bin/env bash
# Paired A/B of two or more launchers (builds) or settings on one input: alternating within each
# round (the order reversed every other round), one round after the other, under /usr/bin/time, each
# into a fresh output folder. Prints per variant the median and range of wall and CPU seconds, and
# per round the ratio to the first variant (then their median and range); then checks that every
# variant published the same as the first (se.glappet.bench.SameOutputs: the same month files with
# the same rows, the same rejected rows). This machine is shared and noisy: compare the ratios.
#
#   bench/ab.sh ROUNDS INPUT NAME 'COMMAND' NAME 'COMMAND' ...
#   e.g. bench/ab.sh 6 bench/data/2011-01_2011-12_scale1_seed1 old /tmp/old-checkout/glappet new ./glappet
#        AB_ARGS='--from 2011-01 --to 2011-12' bench/ab.sh 4 DIR c1 ./glappet c2 'env GLAPPET_JAVA_OPTS=-Xmx1536m ./glappet'
#
# COMMAND is run as: COMMAND batch --input INPUT --output OUT $AB_ARGS --quiet. A checkout of another
# commit (git worktree add --detach DIR COMMIT) builds itself on its first run: run its
# `./glappet batch --help` once before, so that no timed run includes a build. The outputs of each
# variant's last round stay in BENCH_OUT/ab/NAME (default bench/out/ab); the raw times in a TSV.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 4 ] || { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
ROUNDS="$1"; INPUT="$2"; shift 2
[ -d "$INPUT" ] || { echo "bench/ab.sh: no input folder $INPUT" >&2; exit 2; }
names=(); cmds=()
while [ $# -gt 1 ]; do names+=("$1"); cmds+=("$2"); shift 2; done
OUT="${BENCH_OUT:-$ROOT/bench/out}/ab"
mkdir -p "$OUT"
TSV="$OUT/ab-$(date -u +%Y%m%dT%H%M%SZ).tsv"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
printf 'round\tvariant\twall_s\tuser_s\tsys_s\tpeak_kib\tload1\n' >"$TSV"
for r in $(seq 1 "$ROUNDS"); do
  for i in "${!names[@]}"; do
    j=$i
    [ $((r % 2)) -eq 0 ] && j=$(( ${#names[@]} - 1 - i ))
    dest="$OUT/${names[$j]}"
    rm -rf "$dest"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    # shellcheck disable=SC2086
    if ! eval "/usr/bin/time -f '%e %U %S %M' -o '$WORK/time' ${cmds[$j]} batch --input '$INPUT' --output '$dest' \
        ${AB_ARGS:-} --quiet" >/dev/null 2>"$WORK/err"; then
      echo "bench/ab.sh: ${names[$j]} failed:" >&2
      cat "$WORK/err" >&2
      exit 1
    fi
    read -r w u s m < <(tail -n 1 "$WORK/time")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "${names[$j]}" "$w" "$u" "$s" "$m" "$load" >>"$TSV"
  done
done
awk -F'\t' -v first="${names[0]}" '
  NR == 1 { next }
  { w[$1, $2] = $3; c[$1, $2] = $4 + $5; m[$1, $2] = $6 / 1024; if (!($2 in order)) { order[$2] = ++n; name[n] = $2 }
    rounds[$1] = 1; if (lmin == "" || $7 < lmin) lmin = $7; if ($7 > lmax) lmax = $7 }
  function med(a, k,   i, j, t) { for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
  function stats(a, k,   i, lo, hi) { lo = a[1]; hi = a[1]; for (i = 2; i <= k; i++) { if (a[i] < lo) lo = a[i]; if (a[i] > hi) hi = a[i] }
    return sprintf("%.2f [%.2f-%.2f]", med(a, k), lo, hi) }
  END {
    for (v = 1; v <= n; v++) {
      k = 0; delete W; delete C; delete M; delete RW; delete RC
      for (r in rounds) if ((r, name[v]) in w) {
        k++; W[k] = w[r, name[v]]; C[k] = c[r, name[v]]; M[k] = m[r, name[v]]
        RW[k] = w[r, name[v]] / w[r, first]; RC[k] = c[r, name[v]] / c[r, first]
      }
      line = sprintf("%-12s wall %s s, CPU (user+sys) %s s, peak %s MiB", name[v], stats(W, k), stats(C, k), stats(M, k))
      if (name[v] != first) line = line sprintf("; per round / %s: wall %s, CPU %s", first, stats(RW, k), stats(RC, k))
      print line
    }
    printf "load average (1 min) before the runs: %s-%s\n", lmin, lmax
  }' "$TSV"
echo "raw: $TSV"

# --- same outputs --------------------------------------------------------------------------------
if [ "${#names[@]}" -gt 1 ]; then
  CP_FILE="$ROOT/pipelines/target/bench-test-classpath.txt"
  if [ ! -f "$CP_FILE" ] || [ ! -f "$ROOT/pipelines/target/test-classes/se/glappet/bench/SameOutputs.class" ]; then
    echo "building the test classpath for the output check (once) ..." >&2
    (cd "$ROOT" && mvn -q -B ${BENCH_MVN_FLAGS:-} -DskipTests test-compile dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-test-classpath.txt >"$WORK/build.log" 2>&1) \
      || { echo "bench/ab.sh: could not build the output check; see the Maven log:" >&2; tail -n 20 "$WORK/build.log" >&2; exit 1; }
  fi
  CP="$ROOT/pipelines/target/test-classes:$ROOT/pipelines/target/classes:$(cat "$CP_FILE")"
  JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  same=0
  for i in "${!names[@]}"; do
    [ "$i" -eq 0 ] && continue
    printf '%s against %s: ' "${names[$i]}" "${names[0]}"
    "$JAVA" -cp "$CP" se.glappet.bench.SameOutputs "$OUT/${names[0]}" "$OUT/${names[$i]}" || same=1
  done
  exit "$same"
fi
