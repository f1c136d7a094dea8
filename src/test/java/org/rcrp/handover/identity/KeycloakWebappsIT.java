package org.rcrp.handover.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.support.ApiCalls;
import org.rcrp.handover.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The keycloak profile's twin of {@link EngineLockdownPostgresIT}: every demo user signs in through Keycloak's own
 * login page (the authorization code flow, without a browser) and tries the Camunda webapps and their engine API;
 * only {@code admin1} gets in, and nobody deploys a model or stores a query that runs code. Port 8082 is one of the
 * redirect URIs the realm allows for rcrp-web.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        TestDatabase.DB_URL, "server.port=8082"})
@ActiveProfiles({"postgres", "keycloak"})
// One engine on rcrp_it at a time: a cached context's job executor would run this test's jobs with its own clocks.
@DirtiesContext
class KeycloakWebappsIT {

    private static final String APP = "http://localhost:8082";

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("KEYCLOAK_ISSUER_URI", () -> KeycloakServer.shared().issuer());
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyDemoUserSignedInThroughKeycloakAgainstTheWebappsAndTheirEngineApi() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(KeycloakServer.shared().accessToken("handler1", "handler1"));
        String caseId = http.exchange("/api/calls", HttpMethod.POST, new HttpEntity<>(
                ApiCalls.welfareKnownTo(ApiCalls.reference(), "MENTAL_HEALTH"), headers), com.fasterxml.jackson.databind.JsonNode.class)
                .getBody().get("id").asText();
        String triage = org.awaitility.Awaitility.await().until(() -> engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(caseId).singleResult(), java.util.Objects::nonNull).getId();
        long deployments = engine.getRepositoryService().createDeploymentQuery().count();

        EngineSurfaces surfaces = new EngineSurfaces();
        List<String> wrong = surfaces.tryAll(DemoUsers.ALL, user -> WebSession.keycloakSignIn(APP, user), triage);

        System.out.printf("Camunda webapps (keycloak), authorizedApps per demo user: %s%n", surfaces.authorizedApps());
        assertThat(wrong).as("answers of the webapps and their engine API other than expected").isEmpty();
        assertThat(engine.getTaskService().createTaskQuery().taskId(triage).singleResult().getAssignee()).isNull();
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(EngineSurfaces.tracesOfAttacks(jdbc)).as("tables made by an attack's expression").isEmpty();
    }
}
