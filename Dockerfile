# Ordo in a container: the layered jar, a non-root user, health probes.
#
#   ./mvnw -pl order-app -am package -DskipTests     # builds order-app/target/order-app-<version>.jar
#   docker build -t ordo .
#   docker run -p 8080:8080 -v ordo-data:/data ordo                                   # embedded PostgreSQL in /data
#   docker run -p 8080:8080 -e SPRING_DATASOURCE_URL=jdbc:postgresql://db:5432/ordo \
#       -e SPRING_DATASOURCE_USERNAME=ordo -e SPRING_DATASOURCE_PASSWORD=… -e ORDO_SECRETS_KEY=… ordo   # your own
#
# See docs/operations.md, "Running in a container". LayeredJarIT checks the layers named below against the jar.

FROM eclipse-temurin:17-jre AS layers
WORKDIR /layers
COPY order-app/target/order-app-*.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 ordo \
    && useradd --system --uid 10001 --gid ordo --home-dir /app --no-create-home ordo \
    && mkdir -p /app /data && chown ordo:ordo /data
WORKDIR /app
# least changing first, so that a new build of Ordo's own classes reuses the layers below it
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
COPY order-app/jvm.options /app/jvm.options
USER 10001:10001
# the embedded PostgreSQL keeps its data (and the generated secrets key) here; mount a volume
ENV ORDO_EMBEDDED_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
# liveness for Docker itself (no curl in the image: bash's /dev/tcp); Kubernetes should probe
# /actuator/health/liveness and /actuator/health/readiness over HTTP instead
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
    CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /actuator/health/liveness HTTP/1.0\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
# exec form: the JVM is PID 1 and gets SIGTERM itself, so the service stops gracefully
ENTRYPOINT ["java", "@/app/jvm.options", "org.springframework.boot.loader.launch.JarLauncher"]
