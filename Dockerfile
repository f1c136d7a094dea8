# syntax=docker/dockerfile:1
# RCRP Handover: build with the Maven wrapper, run on a JRE as a non-root user.
#   docker build -t rcrp-handover .

# ---- build ------------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace

# Dependencies first, so editing sources does not re-download the world.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline

COPY bpmn/ bpmn/
COPY src/ src/
RUN ./mvnw -B -DskipTests package \
 && cp target/rcrp-handover-*.jar /workspace/app.jar

# ---- runtime ----------------------------------------------------------------
FROM eclipse-temurin:17-jre
# curl ships with the Temurin Ubuntu images; it is used by HEALTHCHECK below.
RUN groupadd --system --gid 10001 rcrp \
 && useradd --system --uid 10001 --gid rcrp --home-dir /app --shell /usr/sbin/nologin rcrp \
 && mkdir -p /app \
 && chown rcrp:rcrp /app
WORKDIR /app
COPY --from=build --chown=rcrp:rcrp /workspace/app.jar /app/app.jar
USER 10001:10001

EXPOSE 8080

# Camunda + Spring need a while on first start (schema creation); give them 2 minutes before counting failures.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=5 \
  CMD curl -fsS -o /dev/null http://localhost:8080/actuator/health || exit 1

# JVM options can be added at run time through JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
