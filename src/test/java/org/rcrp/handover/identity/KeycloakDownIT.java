package org.rcrp.handover.identity;

import org.rcrp.handover.support.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With Keycloak unreachable the application still starts and serves health (signing keys are fetched
 * on first use, not at start-up), and a token it cannot check gets 503 problem+json, never a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestDatabase.DB_URL})
@ActiveProfiles({"postgres", "keycloak"})
// One engine on rcrp_it at a time: a cached context's job executor would run this test's jobs with its own clocks.
@DirtiesContext
class KeycloakDownIT {

    @DynamicPropertySource
    static void keycloakNowhere(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("KEYCLOAK_ISSUER_URI", () -> "http://127.0.0.1:" + closedPort + "/realms/rcrp");
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void startsAndServesHealthWhileKeycloakIsDown() {
        assertThat(http.getForEntity("/actuator/health", String.class).getBody()).contains("\"UP\"");
    }

    @Test
    void aTokenThatCannotBeCheckedIsAnOutageNotAnError() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth("eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
        ResponseEntity<String> response = http.exchange("/api/tasks", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
    }
}
