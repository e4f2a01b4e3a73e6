#!/usr/bin/env bash
# JMH: one evaluation of the full shipped policy (BENCH=ReevaluationBenchmark: one stored assessment evaluated again).
# Usage: [BENCH=<benchmark>] bench/run-jmh.sh [JMH options, e.g. -wi 3 -i 5]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -Pbench -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main "${BENCH:-PolicyEvaluationBenchmark}" "$@"
