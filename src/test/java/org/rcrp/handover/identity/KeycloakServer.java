package org.rcrp.handover.identity;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real Keycloak server for the integration tests: the distribution Maven unpacked into
 * target/keycloak (failsafe passes its path as {@code keycloak.home}), started once per test JVM in
 * dev mode on free loopback ports with realm-export/rcrp-realm.json imported, stopped when the JVM
 * ends. Its output goes to target/keycloak/keycloak.log.
 */
public final class KeycloakServer {

    private static KeycloakServer shared;

    /** The secret client rcrp-prometheus gets when the realm is imported (in docker-compose from .env). */
    static final String PROMETHEUS_CLIENT_SECRET = UUID.randomUUID().toString();

    private final Process process;
    private final int port;
    private final String adminPassword;
    private Duration startTime;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** The server for this JVM, started on first use. */
    public static synchronized KeycloakServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    private KeycloakServer(Process process, int port, String adminPassword) {
        this.process = process;
        this.port = port;
        this.adminPassword = adminPassword;
    }

    private static KeycloakServer start() {
        String home = System.getProperty("keycloak.home");
        String realm = System.getProperty("keycloak.realm");
        if (home == null || realm == null || !Files.isDirectory(Path.of(home))) {
            throw new IllegalStateException("No Keycloak distribution: run the integration tests through Maven (./mvnw verify), "
                    + "which unpacks it into target/keycloak; keycloak.home=" + home);
        }
        try {
            Path distribution = Path.of(home);
            Path imports = Files.createDirectories(distribution.resolve("data/import"));
            Files.copy(Path.of(realm), imports.resolve("rcrp-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            int port = freePort();
            int managementPort = freePort();
            ProcessBuilder builder = new ProcessBuilder("bash", distribution.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                    "--import-realm", "--health-enabled=true")
                    .directory(distribution.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(distribution.getParent().resolve("keycloak.log").toFile());
            String adminPassword = UUID.randomUUID().toString();
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "bootstrap-admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            // The realm takes client rcrp-prometheus's secret from the environment when it is imported, as in docker-compose.
            builder.environment().put("PROMETHEUS_CLIENT_SECRET", PROMETHEUS_CLIENT_SECRET);
            Instant started = Instant.now();
            KeycloakServer server = new KeycloakServer(builder.start(), port, adminPassword);
            server.awaitRealm(Duration.ofMinutes(4));
            server.startTime = Duration.between(started, Instant.now());
            System.out.printf("Keycloak %s ready on port %d in %d s%n", distribution.getFileName(), port, server.startTime.toSeconds());
            return server;
        } catch (IOException failure) {
            throw new IllegalStateException("Keycloak did not start", failure);
        }
    }

    public String issuer() {
        return "http://127.0.0.1:" + port + "/realms/rcrp";
    }

    public Duration startTime() {
        return startTime;
    }

    /** An access token for a demo user through the rcrp-cli client (direct access grant). */
    public String accessToken(String username, String password) {
        return tokenResponse(issuer(), "rcrp-cli", username, password).get("access_token").asText();
    }

    /** An access token for a confidential client's own service account (client credentials), as Prometheus gets one. */
    public String clientCredentialsToken(String client, String secret) {
        JsonNode response = post(issuer(), Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", secret));
        if (!response.hasNonNull("access_token")) {
            throw new IllegalStateException("No token for client " + client + ": " + response);
        }
        return response.get("access_token").asText();
    }

    /**
     * A genuine token of the realm, signed by its keys, but issued under another name for the server
     * (dev mode names the issuer after the host the client asked): the application must refuse it.
     */
    public String tokenWithAnotherIssuer(String username, String password) {
        JsonNode response = tokenResponse("http://localhost:" + port + "/realms/rcrp", "rcrp-cli", username, password);
        return response.get("access_token").asText();
    }

    JsonNode tokenResponse(String issuer, String client, String username, String password) {
        return post(issuer, Map.of("grant_type", "password", "client_id", client, "username", username, "password", password));
    }

    private JsonNode post(String issuer, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return json.readTree(response.body());
        } catch (IOException | InterruptedException failure) {
            throw new IllegalStateException("No token from " + issuer, failure);
        }
    }

    private void awaitRealm(Duration timeout) {
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        try {
            await("Keycloak realm rcrp").atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see target/keycloak/keycloak.log");
                }
                try {
                    return http.send(HttpRequest.newBuilder(discovery).GET().build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200;
                } catch (IOException stillStarting) {
                    return false;
                }
            });
        } catch (ConditionTimeoutException notReady) {
            stop();
            throw new IllegalStateException("Keycloak not ready within " + timeout + "; see target/keycloak/keycloak.log", notReady);
        }
    }

    /** kc.sh runs Java as a child process: stop the children first, then the script. */
    public void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
