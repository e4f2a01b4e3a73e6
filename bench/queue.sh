#!/usr/bin/env bash
# The reviewers' queue on 100,000 cases (issue 14, target: the first page's p95 under 50 ms): starts the service on
# a fresh embedded PostgreSQL of its own, fills it with bench/queue.sql (rows generated in SQL, not through the API),
# then for each filter sends GET /api/v1/cases?…&size=20 BENCH_REQUESTS times (default 200, after as many to warm
# up) one after the other as a REVIEWER (an API key), and prints median, p95 and max; then EXPLAIN ANALYZE of the
# page's two halves and its count, as cases/Cases builds them, into target/bench-queue-plans.txt.
# Usage: bench/queue.sh [cases, default 100000]. Needs curl and psql (postgresql-client), and Java 17.
# BENCH_JAR=target/it-assessment-….jar skips the build.
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-100000}
port=${BENCH_PORT:-18182}
requests=${BENCH_REQUESTS:-200}
data=$(mktemp -d /tmp/bench-queue-pg.XXXXXX)

jar=${BENCH_JAR:-}
if [ -z "$jar" ]; then
  ./mvnw -o -q -B -ntp -DskipTests package
  jar=$(ls target/it-assessment-*.jar | head -1)
fi
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
ASSESSMENT_SECURITY_BOOTSTRAPADMIN_PASSWORD="$password" java -jar "$jar" --server.port="$port" \
    --assessment.embedded-db.data-dir="$data" --assessment.embedded-db.clean=true --assessment.demo-data=false \
    --logging.level.root=WARN > target/bench-queue-service.log 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null
key=$(curl -fs -u "admin:$password" -X POST "http://127.0.0.1:$port/api/v1/api-keys" -H 'Content-Type: application/json' \
      -d '{"name":"queue-bench","roles":["REVIEWER"]}' | sed -E 's/.*"key":"([^"]+)".*/\1/')

# the benchmark's own server: its superuser's password is in the data folder (platform/EmbeddedServer)
export PGPASSWORD
PGPASSWORD=$(cat "$data/superuser.password")
pgport=$(sed -n 4p "$data/postmaster.pid")
sql() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pgport" -U postgres -d postgres "$@"; }

echo "== filling $cases cases"
start=$(date +%s)
sql -v cases="$cases" -f bench/queue.sql
echo "   $(sql -At -c 'select count(*) from cases') cases, $(sql -At -c 'select count(*) from case_items') items in $(( $(date +%s) - start )) s"

filters=("" "status=OPEN" "status=REFUSED" "phase=INTAKE" "responsible=GROUP_IT" "assignee=reviewer-4"
         "institution=Skole%2017" "overdue=true" "overdue=false" "status=RETURNED&institution=Skole%2042")
# times <query>: BENCH_REQUESTS sequential GETs of the first page; median, p95, max in ms
times() {
  local url="http://127.0.0.1:$port/api/v1/cases?$1&size=20"
  for _ in $(seq 1 "$requests"); do
    curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $key" "$url"
  done | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "median %6.1f ms   p95 %6.1f ms   max %6.1f ms\n", t[int(NR * 0.5)], t[int(NR * 0.95)], t[NR] }'
}
echo "== warm-up"
for f in "${filters[@]}"; do times "$f" >/dev/null; done
echo "== first page, $requests requests each, one at a time"
for f in "${filters[@]}"; do
  printf '%-45s %s\n' "${f:-(no filter)}" "$(times "$f")"
done

# the plans, with the SQL of cases/Cases.page and .count (the filters' conditions as Cases.where writes them; the
# halves the filter can match: both, open or ended)
columns="c.number, c.status, c.due_date, c.opened_at"
plan() {
  local where=$1 halves=${2:-both} open ended union
  open="(select $columns, 0 as half from cases c where c.status in ('OPEN', 'RETURNED') and $where
      order by c.due_date nulls last, c.opened_at, c.number limit 20)"
  ended="(select $columns, 1 as half from cases c where c.status not in ('OPEN', 'RETURNED') and $where
      order by c.opened_at desc, c.number desc limit 20)"
  case $halves in open) union=$open ;; ended) union=$ended ;; *) union="$open union all $ended" ;; esac
  echo "-- where $where ($halves)"
  sql -c "explain (analyze, buffers, costs off, summary on) select * from ($union) q
    order by half, case when half = 0 then due_date end nulls last, case when half = 0 then opened_at end,
      case when half = 1 then opened_at end desc, number offset 0 limit 20"
  sql -c "explain (analyze, buffers, costs off, summary on) select count(*) from cases c where $where"
}
{
  plan "true"
  plan "true and c.status = 'OPEN'" open
  plan "true and c.status = 'REFUSED'" ended
  plan "true and c.phase = 'INTAKE'"
  plan "true and c.status in ('OPEN', 'RETURNED') and c.waiting_on @> array['GROUP_IT']" open
  plan "true and c.assignee = 'reviewer-4'"
  plan "true and c.institution_key = 'skole 17'"
  plan "true and (c.status in ('OPEN', 'RETURNED') and c.due_date is not null and c.due_date < current_date)" open
  plan "true and not (c.status in ('OPEN', 'RETURNED') and c.due_date is not null and c.due_date < current_date)"
} > target/bench-queue-plans.txt 2>&1
echo "== plans in target/bench-queue-plans.txt"
grep -E '^-- where|Execution Time' target/bench-queue-plans.txt
