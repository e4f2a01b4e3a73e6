#!/usr/bin/env bash
# The pages on this machine (loopback only): starts the service on a fresh embedded PostgreSQL with the demo data,
# creates a requester, then runs bench/pages/PagesBench.java: 16 signed-in sessions typing into the intake form
# (each keystroke one htmx POST /intake/preview) and opening the pages; prints the latency percentiles of each,
# then the same with one session (the service's time per request when it has the CPU), with the service JVM's CPU time
# per request, and the size of the pages' own CSS and JavaScript (htmx included), as sent and gzipped.
# Usage: bench/pages.sh [seconds per part, default 30]. Needs Java 17 and curl; builds offline (./mvnw -o).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-30}
port=${BENCH_PORT:-18081}
data=$(mktemp -d /tmp/bench-pages-pg.XXXXXX)

[ -n "${BENCH_SKIP_BUILD:-}" ] || ./mvnw -o -q -B -ntp -DskipTests package   # BENCH_SKIP_BUILD=1: the jar in target/ as it is
jar=$(ls target/it-assessment-*.jar | head -1)
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
ASSESSMENT_SECURITY_BOOTSTRAPADMIN_PASSWORD="$password" java -jar "$jar" --server.port="$port" \
     --assessment.embedded-db.data-dir="$data" --assessment.embedded-db.clean=true --assessment.demo-data=true \
     --logging.level.root=WARN > target/bench-pages-service.log 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null
requester=bench-requester
requester_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
curl -fs -u "admin:$password" -X POST "http://127.0.0.1:$port/api/v1/users" -H 'Content-Type: application/json' \
     -d "{\"username\":\"$requester\",\"email\":\"$requester@example.dk\",\"password\":\"$requester_password\",\"roles\":[\"REQUESTER\"]}" >/dev/null

echo "== the pages' own CSS and JavaScript (bytes as sent / gzipped)"
total=0; total_gz=0
for asset in /css/site.css /js/site.js /webjars/htmx.org/2.0.8/dist/htmx.min.js; do
  bytes=$(curl -fs "http://127.0.0.1:$port$asset" | wc -c)
  gz=$(curl -fs "http://127.0.0.1:$port$asset" | gzip -9 | wc -c)
  printf '%-45s %7d / %6d\n' "$asset" "$bytes" "$gz"
  total=$((total + bytes)); total_gz=$((total_gz + gz))
done
printf '%-45s %7d / %6d (target: at most 102400)\n' "total" "$total" "$total_gz"

java bench/pages/PagesBench.java "http://127.0.0.1:$port" "$requester" "$requester_password" "$duration" 16 "$service"
