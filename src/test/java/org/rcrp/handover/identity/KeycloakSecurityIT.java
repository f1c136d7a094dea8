package org.rcrp.handover.identity;

import org.rcrp.handover.support.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application in its keycloak profile against a real Keycloak server with realm-export imported:
 * tokens for every demo user, tokens refused, and every group against every endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestDatabase.DB_URL})
@ActiveProfiles({"postgres", "keycloak"})
// One engine on rcrp_it at a time: a cached context's job executor would run this test's jobs with its own clocks.
@DirtiesContext
@AutoConfigureObservability
class KeycloakSecurityIT {

    private static final Set<String> POLICE = Set.of("handler1", "handler2", "supervisor1", "officer1", "manager1", "admin1",
            "inspector1");
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("KEYCLOAK_ISSUER_URI", () -> KeycloakServer.shared().issuer());
    }

    @Autowired
    TestRestTemplate http;

    private static String token(String user) {
        return TOKENS.computeIfAbsent(user, name -> KeycloakServer.shared().accessToken(name, name));
    }

    private ResponseEntity<JsonNode> call(String bearer, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (bearer != null) {
            headers.setBearerAuth(bearer);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** The status only, accepting any content type (Prometheus answers in its text format). */
    private int status(String bearer, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.ALL));
        headers.setBearerAuth(bearer);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class).getStatusCode().value();
    }

    private static Map<String, Object> newCall() {
        return Map.of("reference", "KC-" + UUID.randomUUID(), "source", "PARTNER", "category", "CONCERN_FOR_WELFARE",
                "summary", "Logged with a Keycloak token");
    }

    @Test
    void everyDemoUserSignsInWithTheirGroupsAndSeesOnlyTheirGroupsWork() {
        for (DemoUsers.DemoUser user : DemoUsers.ALL) {
            ResponseEntity<JsonNode> tasks = call(token(user.id()), HttpMethod.GET, "/api/tasks", null);
            assertThat(tasks.getStatusCode()).as(user.id()).isEqualTo(HttpStatus.OK);
            tasks.getBody().forEach(task -> assertThat(task.get("candidateGroups").toString())
                    .as("%s sees a task of its own groups", user.id())
                    .containsAnyOf(user.groups().stream().map(group -> "\"" + group + "\"").toArray(String[]::new)));
        }
        ResponseEntity<JsonNode> logged = call(token("handler1"), HttpMethod.POST, "/api/calls", newCall());
        assertThat(logged.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(logged.getBody().get("loggedBy").asText()).isEqualTo("handler1");
        assertThat(logged.getBody().get("timeline").get(0).get("role").asText()).isEqualTo("call-handlers");
    }

    @Test
    void requestsWithoutATrustedTokenAreRefused() {
        ResponseEntity<JsonNode> anonymous = call(null, HttpMethod.GET, "/api/tasks", null);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        String valid = token("handler1");
        String tampered = valid.substring(0, valid.length() - 4) + (valid.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(call("not-a-token", HttpMethod.GET, "/api/tasks", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(call(tampered, HttpMethod.GET, "/api/tasks", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(call(KeycloakServer.shared().tokenWithAnotherIssuer("handler1", "handler1"), HttpMethod.GET, "/api/tasks", null)
                .getStatusCode()).as("a token with the right keys but another issuer").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(call(null, HttpMethod.GET, "/actuator/health", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void prometheusSignsInAsItsOwnClientAndReadsTheMetersOnly() {
        String prometheus = KeycloakServer.shared().clientCredentialsToken("rcrp-prometheus", KeycloakServer.PROMETHEUS_CLIENT_SECRET);
        assertThat(status(prometheus, HttpMethod.GET, "/actuator/prometheus", null)).isEqualTo(200);
        assertThat(status(prometheus, HttpMethod.POST, "/api/calls", newCall())).as("a manager's service account").isEqualTo(403);
        assertThat(status(prometheus, HttpMethod.GET, "/engine-rest/process-definition", null)).isEqualTo(403);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> KeycloakServer.shared()
                .clientCredentialsToken("rcrp-prometheus", "not-the-secret"))).as("only with its secret").isNotNull();
    }

    @Test
    void everyGroupAgainstEveryEndpoint() {
        String policeCase = call(token("handler1"), HttpMethod.POST, "/api/calls", newCall()).getBody().get("id").asText();
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        allowed.put("GET /api/tasks", allUsers());
        allowed.put("GET /api/calls", POLICE);
        allowed.put("GET /api/calls/{case}", POLICE);
        // Managers of any kind (the force's, a partner's on-call manager) read; they do not log calls.
        allowed.put("POST /api/calls", without(allUsers(), "manager1", "mhmanager1"));
        allowed.put("GET /v3/api-docs", allUsers());
        allowed.put("GET /actuator/prometheus", Set.of("manager1", "admin1"));
        allowed.put("GET /engine-rest/process-definition", Set.of("admin1"));
        // Models come only from bpmn/ at start: nobody deploys through the engine's REST API, administrators included.
        allowed.put("POST /engine-rest/deployment/create", Set.of());
        allowed.put("GET /engine-rest/filter", Set.of("admin1"));
        allowed.put("GET /actuator/health", allUsers());

        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Map.Entry<String, Set<String>> endpoint : allowed.entrySet()) {
            String[] parts = endpoint.getKey().split(" ");
            HttpMethod method = HttpMethod.valueOf(parts[0]);
            String path = parts[1].replace("{case}", policeCase);
            for (DemoUsers.DemoUser user : DemoUsers.ALL) {
                cells++;
                int status = status(token(user.id()), method, path, method == HttpMethod.POST ? newCall() : null);
                boolean mayUse = endpoint.getValue().contains(user.id());
                boolean ok = mayUse ? status >= 200 && status < 300
                        : status == 403 || (status == 404 && path.contains(policeCase));
                if (!ok) {
                    wrong.add(endpoint.getKey() + " as " + user.id() + " -> " + status);
                }
            }
        }
        System.out.printf("Role x endpoint matrix: %d cells%n", cells);
        assertThat(wrong).as("unexpected answers in the role x endpoint matrix").isEmpty();
    }

    private static Set<String> allUsers() {
        Set<String> users = new java.util.HashSet<>();
        DemoUsers.ALL.forEach(user -> users.add(user.id()));
        return users;
    }

    private static Set<String> without(Set<String> users, String... removed) {
        Set<String> rest = new java.util.HashSet<>(users);
        rest.removeAll(Set.of(removed));
        return rest;
    }
}
