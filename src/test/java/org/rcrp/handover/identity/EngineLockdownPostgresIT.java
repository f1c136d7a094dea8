package org.rcrp.handover.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.support.ApiCalls;
import org.rcrp.handover.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The engine locked down in the zero-setup identity (the keycloak profile: {@link KeycloakWebappsIT}): what a
 * security review did with a partner account — sign in to Cockpit with its own password, read every case, claim
 * another agency's task, take over the administrator, deploy a model or save a filter that runs code — is refused to
 * every demo user, and the engine itself holds grants for administrators only and takes no model after start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {TestDatabase.DB_URL})
@ActiveProfiles("postgres")
// One engine on rcrp_it at a time: a cached context's job executor would run this test's jobs with its own clocks.
@DirtiesContext
class EngineLockdownPostgresIT {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    private ApiCalls api;
    private long deploymentsAtStart;

    @BeforeEach
    void client() {
        api = new ApiCalls(http);
        deploymentsAtStart = engine.getRepositoryService().createDeploymentQuery().count();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    void everyDemoUserAgainstTheWebappsAndTheirEngineApi() {
        String caseId = api.logCall(ApiCalls.welfareKnownTo(ApiCalls.reference(), "MENTAL_HEALTH"));
        String triage = api.awaitTask("handler1", caseId, "user_assess_threshold");

        EngineSurfaces surfaces = new EngineSurfaces();
        List<String> wrong = surfaces.tryAll(DemoUsers.ALL, user -> {
            WebSession session = WebSession.demoSignIn(base(), user);
            session.tryWebappsPasswordSignIn(user);
            return session;
        }, triage);

        System.out.printf("Camunda webapps, authorizedApps per demo user: %s%n", surfaces.authorizedApps());
        assertThat(wrong).as("answers of the webapps and their engine API other than expected").isEmpty();
        assertThat(engine.getTaskService().createTaskQuery().taskId(triage).singleResult().getAssignee())
                .as("nobody claimed the triage task through the webapps").isNull();
        assertNothingDeployedOrRun();
    }

    @Test
    void anAdministratorHasTheirNameInTheWebappsHeaderNotNullNull() throws Exception {
        IdentityService identity = engine.getIdentityService();
        identity.deleteUser(EngineSurfaces.ADMIN);
        assertThat(profileName(WebSession.demoSignIn(base(), EngineSurfaces.ADMIN))).as("provisioned at first sign-in").isEqualTo("Ada Admin");

        // As an earlier version provisioned the demo administrator: without a name.
        User nameless = identity.createUserQuery().userId(EngineSurfaces.ADMIN).singleResult();
        nameless.setFirstName(null);
        nameless.setLastName(null);
        identity.saveUser(nameless);
        assertThat(profileName(WebSession.demoSignIn(base(), EngineSurfaces.ADMIN))).as("named at the next sign-in").isEqualTo("Ada Admin");
    }

    /** The name Cockpit's header shows: the engine's profile of the signed-in user. */
    private static String profileName(WebSession session) throws Exception {
        assertThat(session.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> profile = session.get("/camunda/api/engine/engine/default/user/" + EngineSurfaces.ADMIN + "/profile");
        assertThat(profile.statusCode()).isEqualTo(200);
        JsonNode json = new ObjectMapper().readTree(profile.body());
        return json.path("firstName").asText() + " " + json.path("lastName").asText();
    }

    @Test
    void theWebappsOwnPasswordSignInTakesNobody() {
        for (DemoUsers.DemoUser user : DemoUsers.ALL) {
            WebSession anonymous = WebSession.anonymous(base());
            HttpResponse<String> signedIn = anonymous.postForm("/camunda/api/admin/auth/user/default/login/cockpit",
                    Map.of("username", user.id(), "password", user.id()));
            assertThat(signedIn.statusCode()).as("%s signing in to Cockpit with its password: %s", user.id(), signedIn.body())
                    .isEqualTo(401);
            assertThat(anonymous.get("/camunda/api/engine/engine/default/process-instance/count").statusCode())
                    .as("%s's engine API after that", user.id()).isEqualTo(401);
        }
    }

    @Test
    void theEngineRestApiTakesNoDeploymentFromAnybodyAndTheEngineNoneAfterStart() {
        for (DemoUsers.DemoUser user : DemoUsers.ALL) {
            MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
            form.add("deployment-name", "attack");
            form.add("attack.bpmn", new org.springframework.core.io.ByteArrayResource(EngineSurfaces.ATTACK_MODEL.getBytes()) {
                @Override
                public String getFilename() {
                    return "attack.bpmn";
                }
            });
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            int status = http.withBasicAuth(user.id(), user.id()).exchange("/engine-rest/deployment/create", HttpMethod.POST,
                    new HttpEntity<>(form, headers), String.class).getStatusCode().value();
            assertThat(status).as("%s deploying through /engine-rest", user.id()).isEqualTo(403);
        }
        assertThatThrownBy(() -> engine.getRepositoryService().createDeployment().name("attack")
                .addString("attack.bpmn", EngineSurfaces.ATTACK_MODEL).deploy())
                .as("the engine's own API after start").isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("rcrp.engine.runtime-deployments");
        String anyDeployment = engine.getRepositoryService().createDeploymentQuery().list().get(0).getId();
        assertThatThrownBy(() -> engine.getRepositoryService().deleteDeployment(anyDeployment, true))
                .as("deleting a deployment (and with it every case of its models)").isInstanceOf(AuthorizationException.class);
        assertNothingDeployedOrRun();
    }

    @Test
    void theEngineHoldsGrantsForAdministratorsOnlyAndEvaluatesNoStoredExpression() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.isAuthorizationEnabled()).isTrue();
        assertThat(configuration.isEnableExpressionsInStoredQueries()).isFalse();
        assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
        List<Authorization> grants = engine.getAuthorizationService().createAuthorizationQuery().list();
        assertThat(grants).isNotEmpty().allSatisfy(grant -> {
            assertThat(grant.getGroupId()).as("grant %s", grant.getId()).isEqualTo(Groups.CAMUNDA_ADMIN);
            assertThat(grant.getUserId()).isNull();
        });
        assertThat(engine.getFilterService().createFilterQuery().filterName("All tasks").count()).isZero();
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list())
                .as("no administrator seeded: admins sign in like everybody else")
                .allSatisfy(user -> assertThat(user.getId()).isEqualTo(EngineSurfaces.ADMIN));
    }

    private void assertNothingDeployedOrRun() {
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deploymentsAtStart);
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("attack").count()).isZero();
        assertThat(EngineSurfaces.tracesOfAttacks(jdbc)).as("tables made by an attack's expression").isEmpty();
    }
}
