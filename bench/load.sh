#!/usr/bin/env bash
# Load test on this machine (loopback only): starts the service on a fresh embedded PostgreSQL, then measures
# GET /actuator/health and POST /api/v1/assessments (as an intake client with an API key) with wrk, 16 connections
# each, and prints both rates.
# Usage: bench/load.sh [seconds per run, default 30]. Needs wrk (apt-get install wrk) and Java 17.
# BENCH_WARMUP=s: seconds of each before measuring (default 90). BENCH_ROUNDS=n measures the pair n times (each round's ratio from its own pair: the VM's speed drifts);
# BENCH_JAVA_OPTS is passed to the service's JVM, e.g. a flight recording:
#   BENCH_JAVA_OPTS='-XX:StartFlightRecording=filename=target/bench.jfr,settings=profile' bench/load.sh 20
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-30}
port=${BENCH_PORT:-18080}
data=$(mktemp -d /tmp/bench-pg.XXXXXX)
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }

./mvnw -q -B -ntp -DskipTests package
jar=$(ls target/it-assessment-*.jar | head -1)
# a throw-away first ADMIN for this run; it creates the intake client's API key the POSTs send (BENCH_AUTH)
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several options
ASSESSMENT_SECURITY_BOOTSTRAPADMIN_PASSWORD="$password" java ${BENCH_JAVA_OPTS:-} -jar "$jar" --server.port="$port" --assessment.embedded-db.data-dir="$data" --assessment.embedded-db.clean=true \
     --assessment.demo-data=true --logging.level.root=WARN > target/bench-service.log 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null
key=$(curl -fs -u "admin:$password" -X POST "http://127.0.0.1:$port/api/v1/api-keys" -H 'Content-Type: application/json' \
      -d '{"name":"load-test","roles":["INTAKE_CLIENT"]}' | sed -E 's/.*"key":"([^"]+)".*/\1/')
export BENCH_AUTH="Bearer $key"

# warm-up: the JIT compiles slowly here (one C2 thread on two cores): its thread took 17-24 % of the JVM's CPU
# through the first 90 s of POSTs, and under 3 % after (per-thread CPU from /proc, 2026-11-28). Both warm up for
# BENCH_WARMUP seconds (90).
warmup=${BENCH_WARMUP:-90}
echo "== warm-up (${warmup} s each)"
wrk -t2 -c16 -d"${warmup}s" "http://127.0.0.1:$port/actuator/health" >/dev/null
wrk -t2 -c16 -d"${warmup}s" -s bench/post-assessment.lua "http://127.0.0.1:$port/api/v1/assessments" >/dev/null

# CPU time (clock ticks, user + system) of the service's JVM and of this run's PostgreSQL: its postmaster (whose
# command line names the data directory) and the postmaster's children, the backends of the pooled connections.
# Per request, these vary far less from run to run than the rates do on this VM.
ticks() {
  local jvm pg=0 pid postmaster
  jvm=$(awk '{print $14 + $15}' "/proc/$service/stat")
  postmaster=$(pgrep -f -- "postgres.*-D $data" | head -1 || true)
  for pid in $postmaster $( [ -n "$postmaster" ] && pgrep -P "$postmaster" ); do
    pg=$((pg + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$jvm $pg"
}
hz=$(getconf CLK_TCK)
# measure <name> <wrk arguments...>: runs wrk, prints its output and "CPU per request: JVM x µs, PostgreSQL y µs"
measure() {
  local name=$1 j0 p0 j1 p1 n
  shift
  read -r j0 p0 < <(ticks)
  wrk -t2 -c16 -d"${duration}s" --latency "$@" | tee "target/bench-$name.txt"
  read -r j1 p1 < <(ticks)
  n=$(awk '/requests in/ {print $1}' "target/bench-$name.txt")
  awk -v j=$((j1 - j0)) -v p=$((p1 - p0)) -v n="$n" -v hz="$hz" \
    'BEGIN {printf "CPU per request: JVM %.0f µs, PostgreSQL %.0f µs\n", j * 1e6 / hz / n, p * 1e6 / hz / n}' \
    | tee -a "target/bench-$name.txt"
}

rounds=${BENCH_ROUNDS:-1}
failed=0
for round in $(seq 1 "$rounds"); do
  echo "== round $round of $rounds: GET /actuator/health, 16 connections, ${duration}s"
  measure health "http://127.0.0.1:$port/actuator/health"
  echo "== round $round of $rounds: POST /api/v1/assessments, 16 connections, ${duration}s"
  measure assess -s bench/post-assessment.lua "http://127.0.0.1:$port/api/v1/assessments"

  health=$(awk '/Requests\/sec/ {print $2}' target/bench-health.txt)
  assess=$(awk '/Requests\/sec/ {print $2}' target/bench-assess.txt)
  echo "health: $health req/s; assessments: $assess req/s; ratio: $(awk -v a="$assess" -v h="$health" 'BEGIN {printf "%.2f", a / h}')"
  if grep -q "Non-2xx\|Socket errors" target/bench-assess.txt target/bench-health.txt; then
    echo "FAILED requests seen"
    failed=1
  fi
done
exit $failed
