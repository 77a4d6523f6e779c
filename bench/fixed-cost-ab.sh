#!/usr/bin/env bash
# Paired A/B of the fixed cost: two or more launchers (or settings) on the 2-row input, alternating
# within each round (the order reversed every other round), one round after the other, under
# /usr/bin/time. Prints per variant the median and range of wall and CPU seconds, and per round the
# ratio to the first variant (then their median and range). See bench/README.md, "Fixed cost".
#
#   bench/fixed-cost-ab.sh ROUNDS NAME 'COMMAND' NAME 'COMMAND' ...
#   e.g. bench/fixed-cost-ab.sh 8 old /tmp/old-checkout/glappet new ./glappet
#        bench/fixed-cost-ab.sh 6 on ./glappet off 'env GLAPPET_WARMUP=0 ./glappet'
#
# COMMAND is run as: COMMAND batch --input TINY --output OUT --from 2011-01 --to 2011-01 --quiet
# TINY: the 2-row input of bench/run.sh (default BENCH_DATA/tiny; bench/run.sh tiny writes it).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TINY="${TINY:-${BENCH_DATA:-$ROOT/bench/data}/tiny}"
[ -d "$TINY" ] || { echo "no 2-row input at $TINY: run bench/run.sh tiny first, or set TINY" >&2; exit 2; }
ROUNDS="$1"; shift
names=(); cmds=()
while [ $# -gt 1 ]; do names+=("$1"); cmds+=("$2"); shift 2; done
WORK="$(mktemp -d)"
TSV="${BENCH_OUT:-$ROOT/bench/out}/fixed-cost-ab-$(date -u +%Y%m%dT%H%M%SZ).tsv"
mkdir -p "$(dirname "$TSV")"
printf 'round\tvariant\twall_s\tuser_s\tsys_s\tload1\n' >"$TSV"
for r in $(seq 1 "$ROUNDS"); do
  for i in "${!names[@]}"; do
    j=$i
    [ $((r % 2)) -eq 0 ] && j=$(( ${#names[@]} - 1 - i ))
    rm -rf "$WORK/out"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    eval "/usr/bin/time -f '%e %U %S' -o '$WORK/time' ${cmds[$j]} batch --input '$TINY' --output '$WORK/out' \
      --from 2011-01 --to 2011-01 --quiet" >/dev/null 2>"$WORK/err" || { echo "${names[$j]} FAILED:" >&2; cat "$WORK/err" >&2; }
    read -r w u s < <(tail -n 1 "$WORK/time")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "${names[$j]}" "$w" "$u" "$s" "$load" >>"$TSV"
  done
done
rm -rf "$WORK"
awk -F'\t' -v first="${names[0]}" '
  NR == 1 { next }
  { w[$1, $2] = $3; c[$1, $2] = $4 + $5; u[$1, $2] = $4; seen[$2] = 1; if (!($2 in order)) { order[$2] = ++n; name[n] = $2 }
    rounds[$1] = 1; if (lmin == "" || $6 < lmin) lmin = $6; if ($6 > lmax) lmax = $6 }
  function med(a, k,   i, j, t) { for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
  function stats(a, k,   i, lo, hi) { lo = a[1]; hi = a[1]; for (i = 2; i <= k; i++) { if (a[i] < lo) lo = a[i]; if (a[i] > hi) hi = a[i] }
    return sprintf("%.2f [%.2f-%.2f]", med(a, k), lo, hi) }
  END {
    for (v = 1; v <= n; v++) {
      k = 0; delete W; delete C; delete U; delete RW; delete RC; delete RU
      for (r in rounds) if ((r, name[v]) in w) {
        k++; W[k] = w[r, name[v]]; C[k] = c[r, name[v]]; U[k] = u[r, name[v]]
        RW[k] = w[r, name[v]] / w[r, first]; RC[k] = c[r, name[v]] / c[r, first]; RU[k] = u[r, name[v]] / u[r, first]
      }
      line = sprintf("%-12s wall %s s, CPU (user+sys) %s s, user %s s", name[v], stats(W, k), stats(C, k), stats(U, k))
      if (name[v] != first) line = line sprintf("; per round / %s: wall %s, CPU %s, user %s", first, stats(RW, k), stats(RC, k), stats(RU, k))
      print line
    }
    printf "load average (1 min) before the runs: %s-%s\n", lmin, lmax
  }' "$TSV"
echo "raw: $TSV"
