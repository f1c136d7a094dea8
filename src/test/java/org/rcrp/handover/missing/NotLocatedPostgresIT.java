package org.rcrp.handover.missing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.support.ApiCalls;
import org.rcrp.handover.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Whereabouts unknown is a missing-person matter, through the API on PostgreSQL: a partner's NO_CONTACT and a police
 * NO_TRACE return the case to police (a supervisor's NOT_LOCATED review); it never closes on its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {TestDatabase.DB_URL})
@ActiveProfiles("postgres")
@DirtiesContext
class NotLocatedPostgresIT {

    @Autowired
    TestRestTemplate http;

    private ApiCalls api;

    @BeforeEach
    void client() {
        api = new ApiCalls(http);
    }

    private String crisisTeamFindsNobody() {
        String caseId = api.logCall(ApiCalls.welfareKnownTo(ApiCalls.reference(), "MENTAL_HEALTH"));
        api.triageToReferral(caseId, null);
        api.claimAndComplete("mhcrisis1", api.awaitTask("mhcrisis1", caseId, "user_accept_referral"),
                Map.of("decision", "ACCEPT", "note", "Crisis team will visit"));
        api.claimAndComplete("handler2", api.awaitTask("handler2", caseId, "user_inform_caller"),
                Map.of("method", "PHONE", "note", "Told the crisis team will visit"));
        api.claimAndComplete("mhcrisis1", api.awaitTask("mhcrisis1", caseId, "user_record_partner_outcome"),
                Map.of("outcome", "NO_CONTACT", "note", "Visited: nobody in, phone off"));
        return caseId;
    }

    private String officersFindNoTrace() {
        String caseId = api.logCall(ApiCalls.welfareKnownTo(ApiCalls.reference(), "MENTAL_HEALTH"));
        api.claimAndComplete("handler1", api.awaitTask("handler1", caseId, "user_assess_threshold"),
                ApiCalls.assessment(true, "Texted goodbye to his sister"));
        api.claimAndComplete("officer1", api.awaitTask("officer1", caseId, "user_attend"),
                Map.of("outcome", "NO_TRACE", "note", "Address and park searched"));
        return caseId;
    }

    @Test
    void aCrisisTeamsNoContactReturnsTheCaseToPoliceInsteadOfClosingIt() {
        String caseId = crisisTeamFindsNobody();

        JsonNode view = api.view("supervisor1", caseId);
        assertThat(view.get("state").asText()).isEqualTo("ESCALATED");
        assertThat(view.get("responsibleAgency").asText()).isEqualTo("POLICE");
        assertThat(api.awaitTask("supervisor1", caseId, "user_supervisor_review")).isNotBlank();
    }

    @Test
    void aPoliceNoTraceReturnsTheCaseToASupervisorInsteadOfClosingIt() {
        String caseId = officersFindNoTrace();

        JsonNode view = api.view("supervisor1", caseId);
        assertThat(view.get("state").asText()).isEqualTo("ESCALATED");
        assertThat(view.get("responsibleAgency").asText()).isEqualTo("POLICE");
        assertThat(api.awaitTask("supervisor1", caseId, "user_supervisor_review")).isNotBlank();
    }

    private void refused(String taskId, Map<String, Object> body, String field) {
        ResponseEntity<JsonNode> refused = api.call("supervisor1", HttpMethod.POST, "/api/tasks/" + taskId + "/complete", body);
        assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("errors")).singleElement()
                .satisfies(error -> assertThat(error.get("field").asText()).isEqualTo(field));
    }

    private static List<String> timelineTypes(JsonNode view) {
        List<String> types = new ArrayList<>();
        view.get("timeline").forEach(entry -> types.add(entry.get("type").asText()));
        return types;
    }

    @Test
    void aNotLocatedReviewRefusesAnyOtherActionAndACloseWithoutWhereaboutsChangingNothing() {
        String caseId = officersFindNoTrace();
        String review = api.awaitTask("supervisor1", caseId, "user_supervisor_review");
        assertThat(api.call("supervisor1", HttpMethod.POST, "/api/tasks/" + review + "/claim", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        refused(review, Map.of("action", "REROUTE", "agency", "SOCIAL_CARE", "note", "Try social care"), "action");
        refused(review, Map.of("action", "CLOSE", "note", "He will turn up"), "whereabouts");
        refused(review, Map.of("action", "CLOSE", "note", "He will turn up", "whereabouts", "PROBABLY_FINE"), "whereabouts");

        JsonNode unchanged = api.view("supervisor1", caseId);
        assertThat(unchanged.get("state").asText()).isEqualTo("ESCALATED");
        assertThat(unchanged.get("notLocated").get("unresolved").asBoolean()).isTrue();
        assertThat(unchanged.get("notLocated").get("by").asText()).isEqualTo("POLICE");
        assertThat(unchanged.get("openTasks")).extracting(task -> task.get("key").asText()).containsExactly("user_supervisor_review");
    }

    @Test
    void aSupervisorClosesANotLocatedCaseOnlyWithTheWhereaboutsAndTheJournalSaysWhoAndWhy() {
        String caseId = officersFindNoTrace();

        api.claimAndComplete("supervisor1", api.awaitTask("supervisor1", caseId, "user_supervisor_review"),
                Map.of("action", "CLOSE", "whereabouts", "LOCATED_SAFE", "note", "His sister rang: he is with her, safe"));

        JsonNode closed = api.view("manager1", caseId);
        assertThat(closed.get("state").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("notLocated").get("closedNotLocated").asBoolean()).isTrue();
        assertThat(closed.get("notLocated").get("whereabouts").asText()).isEqualTo("LOCATED_SAFE");
        assertThat(closed.get("notLocated").get("unresolved").asBoolean()).isFalse();
        assertThat(timelineTypes(closed)).contains("NOT_LOCATED_RETURNED", "CLOSED_NOT_LOCATED");
        JsonNode closure = null;
        JsonNode decision = null;
        for (JsonNode entry : closed.get("timeline")) {
            if ("CLOSED_NOT_LOCATED".equals(entry.get("type").asText())) {
                closure = entry;
            }
            if ("TASK_COMPLETED".equals(entry.get("type").asText()) && "supervisor1".equals(entry.get("actor").asText())) {
                decision = entry;
            }
        }
        assertThat(closure.get("actor").asText()).isEqualTo("supervisor1");
        assertThat(decision.toString()).contains("whereabouts LOCATED_SAFE").contains("His sister rang: he is with her, safe");
    }

    @Test
    void missingPersonOpensTheAssessmentForSupervisorsAndHighRiskSendsOfficersAtOnce() {
        String caseId = crisisTeamFindsNobody();
        api.claimAndComplete("supervisor1", api.awaitTask("supervisor1", caseId, "user_supervisor_review"),
                Map.of("action", "MISSING_PERSON", "note", "Vulnerable, off medication: missing-person report"));

        String assessment = api.awaitTask("supervisor1", caseId, "user_missing_person_assessment");
        assertThat(api.call("supervisor1", HttpMethod.POST, "/api/tasks/" + assessment + "/claim", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        refused(assessment, Map.of("located", false, "note", "No risk level"), "riskLevel");
        assertThat(api.call("supervisor1", HttpMethod.POST, "/api/tasks/" + assessment + "/complete",
                Map.of("riskLevel", "HIGH", "located", false, "note", "Off medication, previous attempts")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(api.awaitTask("officer1", caseId, "user_attend")).isNotBlank();
        JsonNode attending = api.view("supervisor1", caseId);
        assertThat(attending.get("state").asText()).isEqualTo("POLICE_ATTENDING");
        assertThat(attending.get("grade").asText()).isEqualTo("IMMEDIATE");
        assertThat(attending.get("notLocated").get("riskLevel").asText()).isEqualTo("HIGH");
        assertThat(attending.get("notLocated").get("by").asText()).isEqualTo("LEAD_PARTNER");
        assertThat(timelineTypes(attending)).contains("MISSING_PERSON_ASSESSED");
    }
}
