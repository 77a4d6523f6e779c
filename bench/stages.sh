#!/usr/bin/env bash
# Where a batch's time goes, stage by stage: runs `./glappet batch` on the embedded Flink and polls
# the mini cluster's REST API (GET /jobs/ID every 0.2 s) for each job vertex's start and end, and the
# bytes and records it read and wrote. Prints them in start order, times in seconds from the job's
# start. A diagnostic, not a benchmark: the polling costs a little CPU, and the last vertices, still
# running at the last poll, show an end of -1.
#
#   bench/stages.sh INPUT_DIR [batch options ...]
#   bench/stages.sh /data/glappet-bench/2011-01_2011-12_scale1_seed1
#
# Needs curl, ss (iproute2) and python3. The output folder is a fresh temporary one, removed after.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
IN="${1:?usage: bench/stages.sh INPUT_DIR [batch options ...]}"
shift
for tool in curl ss python3; do
  command -v "$tool" >/dev/null || { echo "bench/stages.sh: needs $tool" >&2; exit 2; }
done
"$ROOT/glappet" batch --help >/dev/null # builds and records the class-data archive first
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$ROOT/glappet" batch --input "$IN" --output "$WORK/out" --quiet --runner FlinkRunner "$@" >"$WORK/log" 2>&1 &
PID=$!
PORT=""
JOB=""
while kill -0 "$PID" 2>/dev/null; do
  JVM="$(pgrep -f 'se.glappet.cli.Glappet' | head -1 || true)"
  if [ -n "$JVM" ] && [ -z "$PORT" ]; then
    for p in $(ss -ltnp 2>/dev/null | grep "pid=$JVM," | awk '{print $4}' | sed 's/.*://'); do
      if curl -s -m 1 "localhost:$p/overview" 2>/dev/null | grep -q taskmanagers; then
        PORT=$p
        break
      fi
    done
  fi
  if [ -n "$PORT" ]; then
    if [ -z "$JOB" ]; then
      JOB="$(curl -s -m 1 "localhost:$PORT/jobs" 2>/dev/null \
        | python3 -c 'import sys,json; j=json.load(sys.stdin)["jobs"]; print(j[0]["id"] if j else "")' 2>/dev/null || true)"
    fi
    if [ -n "$JOB" ] && curl -s -m 2 "localhost:$PORT/jobs/$JOB" >"$WORK/job.tmp" 2>/dev/null \
        && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$WORK/job.tmp" 2>/dev/null; then
      mv "$WORK/job.tmp" "$WORK/job.json"
    fi
  fi
  sleep 0.2
done
wait "$PID" || { echo "bench/stages.sh: the batch failed:" >&2; tail -5 "$WORK/log" >&2; exit 1; }
[ -f "$WORK/job.json" ] || { echo "bench/stages.sh: no job seen (a DirectRunner run?)" >&2; exit 1; }
python3 - "$WORK/job.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
t0 = j["start-time"]
print("job %s, %d vertices, %.1f s at the last poll" % (j["state"], len(j["vertices"]), j["duration"] / 1000))
print("%7s %7s %6s  %9s %9s  %9s %9s  %s" % ("start", "end", "secs", "read MB", "records", "write MB", "records", "vertex"))
for v in sorted(j["vertices"], key=lambda v: v["start-time"]):
    m = v["metrics"]
    st = (v["start-time"] - t0) / 1000 if v["start-time"] > 0 else -1
    en = (v["end-time"] - t0) / 1000 if v["end-time"] > 0 else -1
    print("%7.2f %7.2f %6.2f  %9.1f %9d  %9.1f %9d  %s" % (st, en, en - st if en >= 0 else -1,
        m["read-bytes"] / 1e6, m["read-records"], m["write-bytes"] / 1e6, m["write-records"], v["name"][:140]))
PY
