#!/bin/sh
# bench-gateway.sh: the gateway benchmark (issue: wrk, signed calls on loopback, 64 connections
# for 10 s; requests/s, p50/p99 latency, and the quota count checked exact afterwards).
#
#   tests/bench/bench-gateway.sh [BUILD_DIR] [SECONDS] [CONNECTIONS]
#
# Environment: OPEN1688_BENCH_THREADS (wrk threads, default 2), OPEN1688_BENCH_LIMIT (the daily
# limit of the exactness run, default 20000). The service is single-threaded: on a 2-core machine,
# 2 wrk threads compete with it for the cores, 1 leaves it one core of its own.
#
# Two runs on a fresh database each:
#  1. throughput: a launched app whose daily limit is never reached; every answer must be a
#     success, and the day's count afterwards must be within [successes, successes + connections]
#     (wrk drops the calls still in flight when it stops: the service may have counted them).
#  2. exactness: the app's daily limit is set below what the run sends; the count afterwards
#     must equal the limit exactly, and so must the number of successes wrk saw.
set -eu

BUILD=${1:-_build}
SECONDS_=${2:-10}
CONNECTIONS=${3:-64}
LIMIT=${OPEN1688_BENCH_LIMIT:-20000}
HERE=$(cd "$(dirname "$0")" && pwd)
PREPARE="$BUILD/tests/bench/bench-gateway-prepare"
SANDBOX="$BUILD/src/service/open1688-sandbox"

for tool in wrk "$PREPARE" "$SANDBOX"; do
  command -v "$tool" > /dev/null 2>&1 || { echo "missing: $tool" >&2; exit 2; }
done

WORK=$(mktemp -d)
PID=
cleanup () {
  [ -n "$PID" ] && kill "$PID" 2> /dev/null && wait "$PID" 2> /dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

run () {
  name=$1
  limit=$2
  db="$WORK/$name.db"
  path=$("$PREPARE" --db "$db" --out "$WORK/$name.bodies" --daily-limit "$limit")
  "$SANDBOX" --db "$db" --port 0 --review manual > "$WORK/$name.url" 2> "$WORK/$name.log" &
  PID=$!
  for _ in $(seq 100); do [ -s "$WORK/$name.url" ] && break; sleep 0.05; done
  url=$(head -n 1 "$WORK/$name.url")

  echo "== $name: $CONNECTIONS connections, ${SECONDS_} s, daily limit $limit"
  OPEN1688_BENCH_BODIES="$WORK/$name.bodies" \
    wrk -t ${OPEN1688_BENCH_THREADS:-2} -c "$CONNECTIONS" -d "${SECONDS_}s" --latency -s "$HERE/bench-gateway.lua" \
        "$url/$path" | tee "$WORK/$name.wrk"

  kill -TERM "$PID"
  wait "$PID" || true
  PID=
  count=$("$PREPARE" --db "$db" --count)
  ok=$(sed -n 's/^answers: ok=\([0-9]*\) .*/\1/p' "$WORK/$name.wrk")
  other=$(sed -n 's/^answers: .* other=\([0-9]*\)$/\1/p' "$WORK/$name.wrk")
  echo "count in the database: $count; successes seen by wrk: $ok; other answers: $other"
}

run throughput 1000000000
if [ "$other" -ne 0 ] || [ "$count" -lt "$ok" ] || [ "$count" -gt $((ok + CONNECTIONS)) ]; then
  echo "FAIL: the count does not match the answers" >&2
  exit 1
fi

run exactness "$LIMIT"
if [ "$count" -ne "$LIMIT" ] || [ "$ok" -ne "$LIMIT" ] || [ "$other" -ne 0 ]; then
  echo "FAIL: expected exactly $LIMIT counted and answered calls" >&2
  exit 1
fi

echo "PASS"
