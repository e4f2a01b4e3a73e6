#!/usr/bin/env bash
# The mail sender: how many mails per second it delivers to a real SMTP server (GreenMail on loopback), and the
# longest a due mail waits for it. Starts the service on a fresh embedded PostgreSQL, opens one case, writes MAILS
# due mails to the outbox with the sender stopped, starts it and times it until every one is SENT, ROUNDS times.
# Usage: [MAILS=2000] [ROUNDS=3] bench/mail.sh. Needs Java 17 (the Maven wrapper fetches the rest).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -Pbench -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
     -Dmails="${MAILS:-2000}" -Drounds="${ROUNDS:-3}" dk.kk.itassessment.notifications.MailSenderBench
