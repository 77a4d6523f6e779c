#!/usr/bin/env bash
# Paired A/B of the fixed cost: bench/ab.sh on the 2-row input, two or more launchers (or settings)
# alternating within each round. Prints per variant the median and range of wall and CPU seconds,
# per round the ratio to the first variant, and whether every variant published the same. See
# bench/README.md, "Fixed cost".
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
AB_ARGS="--from 2011-01 --to 2011-01" exec "$ROOT/bench/ab.sh" "$ROUNDS" "$TINY" "$@"
