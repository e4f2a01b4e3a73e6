#!/usr/bin/env bash
# Load test on this machine (loopback only): starts the service on a fresh embedded PostgreSQL, then measures
# GET /actuator/health and POST /api/v1/assessments (as an intake client with an API key) with wrk, 16 connections
# each, and prints both rates.
# Usage: bench/load.sh [seconds per run, default 30]. Needs wrk (apt-get install wrk) and Java 17.
# BENCH_WARMUP=s: seconds of each before measuring (default 30). BENCH_ROUNDS=n measures the pair n times (each round's ratio from its own pair: the VM's speed drifts);
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

# warm-up: the JIT compiles slowly here (one C2 thread on two cores): after 10 s of POSTs it still took about 15 % of
# the CPU, and health's rate rose by half from one round to the next. Both warm up for BENCH_WARMUP seconds (30).
warmup=${BENCH_WARMUP:-30}
echo "== warm-up (${warmup} s each)"
wrk -t2 -c16 -d"${warmup}s" "http://127.0.0.1:$port/actuator/health" >/dev/null
wrk -t2 -c16 -d"${warmup}s" -s bench/post-assessment.lua "http://127.0.0.1:$port/api/v1/assessments" >/dev/null

rounds=${BENCH_ROUNDS:-1}
failed=0
for round in $(seq 1 "$rounds"); do
  echo "== round $round of $rounds: GET /actuator/health, 16 connections, ${duration}s"
  wrk -t2 -c16 -d"${duration}s" --latency "http://127.0.0.1:$port/actuator/health" | tee target/bench-health.txt
  echo "== round $round of $rounds: POST /api/v1/assessments, 16 connections, ${duration}s"
  wrk -t2 -c16 -d"${duration}s" --latency -s bench/post-assessment.lua "http://127.0.0.1:$port/api/v1/assessments" | tee target/bench-assess.txt

  health=$(awk '/Requests\/sec/ {print $2}' target/bench-health.txt)
  assess=$(awk '/Requests\/sec/ {print $2}' target/bench-assess.txt)
  echo "health: $health req/s; assessments: $assess req/s; ratio: $(awk -v a="$assess" -v h="$health" 'BEGIN {printf "%.2f", a / h}')"
  if grep -q "Non-2xx\|Socket errors" target/bench-assess.txt target/bench-health.txt; then
    echo "FAILED requests seen"
    failed=1
  fi
done
exit $failed
