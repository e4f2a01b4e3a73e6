# The service, built from source. Used by docker-compose.yml (PostgreSQL 17 + the service).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
# the tests run in CI (./mvnw verify), not here: they are neither compiled nor run (nor in the context, .dockerignore)
RUN ./mvnw -B -ntp -Dmaven.test.skip=true package && cp target/it-assessment-*.jar /app.jar

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl fonts-dejavu-core && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app assessment
WORKDIR /app
COPY --from=build /app.jar app.jar
# The rule set and the demo data are files a policy officer can read and replace (mount over them).
COPY rules rules
COPY decision-tables decision-tables
COPY data data
# The embedded default (no SPRING_DATASOURCE_URL) keeps its files in /app/.data: the service's user owns /app.
RUN chown -R assessment /app
USER assessment
EXPOSE 8080
# Liveness: the process answers. Not readiness, which is DOWN while the database is away: a restart would not help.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD curl -fs http://localhost:8080/actuator/health/liveness || exit 1
# A JVM out of memory exits (and is restarted: compose's restart policy) rather than living on with dead threads.
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
