#!/usr/bin/env bash
# Durability check by hand (not part of the test suite): an assessment answered with 201 survives a kill -9 of
# the service and of its embedded PostgreSQL, and a kill -9 of the service alone (the orphaned PostgreSQL is
# stopped and recovered at the next start), each with its audit entry, chained after the restart. Uses a throw-away data folder and port 18090. Needs curl and jq.
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d /tmp/durability.XXXXXX)
port=18090
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')   # a throw-away first ADMIN for this run
export ASSESSMENT_SECURITY_BOOTSTRAPADMIN_PASSWORD="$password"
./mvnw -q -B -ntp -DskipTests package
jar=$(ls target/it-assessment-*.jar | head -1)
start() {
  java -jar "$jar" --server.port=$port --assessment.embedded-db.data-dir="$data" > "$data.log" 2>&1 &
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && return; sleep 1; done
  echo "the service did not start"; exit 1
}
assess() {
  curl -fs -u "admin:$password" -X POST "http://127.0.0.1:$port/api/v1/assessments" -H 'Content-Type: application/json' \
       --data @bench/assessment-request.json | jq -r .id
}
read_back() {
  curl -s -u "admin:$password" -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/assessments/$1"
}
trap 'pkill -f -- "--assessment.embedded-db.data-dir=$data" || true; rm -rf "$data" "$data.log"' EXIT

start
first=$(assess)
kill -9 "$(pgrep -f -- "--assessment.embedded-db.data-dir=$data")" "$(head -1 "$data/postmaster.pid")"
start
echo "after kill -9 of service and database: $first -> $(read_back "$first")"

second=$(assess)
kill -9 "$(pgrep -f -- "--assessment.embedded-db.data-dir=$data")"
start
echo "after kill -9 of the service alone:   $second -> $(read_back "$second")"
# the audit entries of both, committed with them and chained after the restart (the outbox), and the chain intact
audited=$(curl -fs -u "admin:$password" "http://127.0.0.1:$port/api/v1/audit?size=100" \
          | jq --arg a "assessment/$first" --arg b "assessment/$second" '[.items[] | select(.target == $a or .target == $b) | select(.hash != null)] | length')
verified=$(curl -fs -u "admin:$password" "http://127.0.0.1:$port/api/v1/audit/verify" | jq -c .)
echo "audit entries of both, chained: $audited; verify: $verified"
[[ $(read_back "$first") == 200 && $(read_back "$second") == 200 && $audited == 2 && $(jq .intact <<< "$verified") == true ]]
