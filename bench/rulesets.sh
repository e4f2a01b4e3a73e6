#!/usr/bin/env bash
# Rule-set benchmark on this machine (loopback only): starts the service on a fresh embedded PostgreSQL, stores about
# 10,000 assessments (wrk, 16 connections), then
#  1. uploads a draft that changes a route and reads its impact report: how many stored assessments were evaluated
#     again, and how fast (re-evaluations per second, from the report's own "millis");
#  2. uploads a draft that changes a title, has it approved by a second officer, and activates it while wrk keeps
#     posting assessments: the time the activation took, and whether any request failed;
#  3. rolls back (activates the first version again) and times that.
# Usage: bench/rulesets.sh [seconds of filling, default 30]. Needs wrk, python3 (stdlib only), Java 17.
# BENCH_JAVA_OPTS is passed to the service's JVM (e.g. -Xlog:gc or a flight recording); BENCH_JAR runs that jar
# instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."
fill=${1:-30}
port=${BENCH_PORT:-18081}
base="http://127.0.0.1:$port"
data=$(mktemp -d /tmp/bench-pg.XXXXXX)
work=$(mktemp -d /tmp/bench-rulesets.XXXXXX)
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }

if [ -n "${BENCH_JAR:-}" ]; then
  jar=$BENCH_JAR  # a jar built before (e.g. of another commit, to compare)
else
  ./mvnw -q -B -ntp -DskipTests package
  jar=$(ls target/it-assessment-*.jar | head -1)
fi
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several options
ASSESSMENT_SECURITY_BOOTSTRAPADMIN_PASSWORD="$password" java ${BENCH_JAVA_OPTS:-} -jar "$jar" --server.port="$port" \
     --assessment.embedded-db.data-dir="$data" --assessment.embedded-db.clean=true --assessment.demo-data=true \
     --logging.level.root=WARN > target/bench-rulesets-service.log 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true; rm -rf "$data" "$work"' EXIT
for _ in $(seq 1 120); do
  curl -fs "$base/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$base/actuator/health" >/dev/null

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
for officer in anna bodil; do
  curl -fs -u "admin:$password" -X POST "$base/api/v1/users" -H 'Content-Type: application/json' \
       -d "{\"username\":\"$officer\",\"email\":\"$officer@example.dk\",\"password\":\"$password-$officer\",\"roles\":[\"POLICY_OFFICER\"]}" >/dev/null
done
anna="anna:$password-anna"
bo="bodil:$password-bodil"
key=$(curl -fs -u "admin:$password" -X POST "$base/api/v1/api-keys" -H 'Content-Type: application/json' \
      -d '{"name":"load-test","roles":["INTAKE_CLIENT"]}' | json 'd["key"]')
export BENCH_AUTH="Bearer $key"

echo "== filling: POST /api/v1/assessments, 16 connections, ${fill}s"
wrk -t2 -c16 -d"${fill}s" -s bench/post-assessment.lua "$base/api/v1/assessments" | grep -E "Requests/sec|Non-2xx" || true
stored=$(curl -fs -u "$anna" "$base/api/v1/assessments?size=1" | json 'd["total"]')
echo "stored assessments: $stored"

original=$(curl -fs -u "$anna" "$base/api/v1/rulesets/active" | json 'd["id"]')
# edit a workbook's shared strings with the standard library only (the cells keep their places)
edit() { python3 - "$1" "$2" "$3" "$4" <<'PY'
import sys, zipfile
src, dst, old, new = sys.argv[1:5]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "xl/sharedStrings.xml":
            assert old.encode() in data, old
            data = data.replace(old.encode(), new.encode(), 1)
        zout.writestr(item, data)
PY
}

echo "== impact: a draft that sends the fast track to the full acquisition"
curl -fs -u "$anna" -o "$work/routes.xlsx" "$base/api/v1/rulesets/$original/tables/routes"
edit "$work/routes.xlsx" "$work/routes.drl.xlsx" ">FAST_TRACK_ACQUISITION<" ">FULL_ACQUISITION<"
start=$(date +%s%N)
curl -fs -u "$anna" -F "table=@$work/routes.drl.xlsx" -F comment=bench "$base/api/v1/rulesets/drafts" > "$work/impact.json"
took=$(( ($(date +%s%N) - start) / 1000000 ))
json '"evaluated %d, changed %d, transitions %s, analysis %d ms (%.0f re-evaluations/s); the whole upload %s ms" % (d["report"]["impact"]["evaluated"], d["report"]["impact"]["changed"], d["report"]["impact"]["transitions"], d["report"]["impact"]["millis"], d["report"]["impact"]["evaluated"] * 1000.0 / max(1, d["report"]["impact"]["millis"]), "'"$took"'")' < "$work/impact.json"
echo "== impact again: another draft (sending the fast track to the data agreement request instead)"
edit "$work/routes.xlsx" "$work/routes.drl.xlsx" ">FAST_TRACK_ACQUISITION<" ">DATA_AGREEMENT_REQUEST<"
curl -fs -u "$anna" -F "table=@$work/routes.drl.xlsx" -F comment=bench "$base/api/v1/rulesets/drafts" > "$work/impact.json"
json '"evaluated %d, changed %d, analysis %d ms (%.0f re-evaluations/s)" % (d["report"]["impact"]["evaluated"], d["report"]["impact"]["changed"], d["report"]["impact"]["millis"], d["report"]["impact"]["evaluated"] * 1000.0 / max(1, d["report"]["impact"]["millis"]))' < "$work/impact.json"

echo "== activation under load: a draft that changes a title, approved, activated while wrk posts assessments"
curl -fs -u "$anna" -o "$work/checklist.xlsx" "$base/api/v1/rulesets/$original/tables/checklist"
edit "$work/checklist.xlsx" "$work/checklist.drl.xlsx" ">Contact the Digitalisation Office<" ">Contact the Digitalisation Office first<"
draft=$(curl -fs -u "$anna" -F "table=@$work/checklist.drl.xlsx" -F comment=bench "$base/api/v1/rulesets/drafts" | json 'd["id"] if d["valid"] else sys.exit("draft not valid: %s" % d["report"])')
curl -fs -u "$bo" -X POST "$base/api/v1/rulesets/$draft/approvals" >/dev/null
sleep 10 # every instance compiles an approved version ahead (LISTEN/NOTIFY); give it the time an officer would
wrk -t2 -c16 -d20s --latency -s bench/post-assessment.lua "$base/api/v1/assessments" > "$work/during.txt" &
load=$!
sleep 5
start=$(date +%s%N)
curl -fs -u "$anna" -X POST "$base/api/v1/rulesets/$draft/activate" >/dev/null
echo "activation of version $draft: $(( ($(date +%s%N) - start) / 1000000 )) ms (compiled ahead on approval: the request swaps)"
wait $load
grep -E "Requests/sec|Non-2xx|Socket errors" "$work/during.txt" || true
decided=$(curl -fs -H "Authorization: $BENCH_AUTH" -H 'Content-Type: application/json' -X POST \
          --data-binary @bench/assessment-request.json "$base/api/v1/assessments" | json 'd["ruleset"]["version"]')
echo "the next assessment was decided by version $decided"

echo "== roll-back: activate version $original again (compiled now: it was disposed when replaced)"
start=$(date +%s%N)
curl -fs -u "$anna" -X POST "$base/api/v1/rulesets/$original/activate" >/dev/null
echo "roll-back: $(( ($(date +%s%N) - start) / 1000000 )) ms"
if grep -q "Non-2xx\|Socket errors" "$work/during.txt"; then
  echo "FAILED requests seen during the activation"
  exit 1
fi
