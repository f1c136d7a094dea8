package org.rcrp.handover.s136;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * s136 through the API on PostgreSQL, as police and the hospital liaison do it: the detention logged before the arrival,
 * the arrival recorded by officers (the clocks start there), a delay agreed with police, the clinician's extension, the
 * handover and the end of the assessment; a child never to police custody, a police vehicle only with a reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {TestDatabase.DB_URL})
@ActiveProfiles("postgres")
@DirtiesContext
class S136PostgresIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    private ApiCalls api;

    @BeforeEach
    void client() {
        api = new ApiCalls(http);
    }

    private static Map<String, Object> s136Call(String reference, int age, Map<String, Object> s136) {
        return Map.of("reference", reference, "source", "PUBLIC_999", "category", "S136_HANDOVER",
                "summary", "Detained under s136 on the bridge", "location", Map.of("description", "Town bridge", "urban", true),
                "subject", Map.of("name", "Ray Detained", "ageYears", age, "knownTo", List.of()), "s136", s136);
    }

    private static String at(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Instant instant(JsonNode node) {
        return Instant.parse(node.asText());
    }

    private static List<String> fields(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        return response.getBody().get("errors").findValuesAsText("field");
    }

    @Test
    void aChildIsNeverLoggedIntoPoliceCustodyAndAPoliceVehicleNeedsAReasonNothingIsKept() {
        String reference = ApiCalls.reference();
        Instant now = Instant.now();

        ResponseEntity<JsonNode> child = api.call("handler1", HttpMethod.POST, "/api/calls", s136Call(reference, 15,
                Map.of("detainedAt", at(now.minusSeconds(600)), "conveyance", "AMBULANCE", "placeOfSafety", "POLICE_CUSTODY")));
        assertThat(fields(child)).containsExactly("s136.placeOfSafety");
        ResponseEntity<JsonNode> vehicle = api.call("handler1", HttpMethod.POST, "/api/calls", s136Call(reference, 30,
                Map.of("detainedAt", at(now.minusSeconds(600)), "conveyance", "POLICE_VEHICLE", "placeOfSafety", "HEALTH_BASED")));
        assertThat(fields(vehicle)).containsExactly("s136.conveyanceReason");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rcrp_call WHERE reference = ?", Integer.class, reference)).isZero();
    }

    @Test
    void theHourRunsFromTheArrivalOfficersRecordAndTheHospitalAgreesADelayThenTheClinicianExtends() {
        Instant detained = Instant.now().minus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.SECONDS);
        String caseId = api.logCall(s136Call(ApiCalls.reference(), 34,
                Map.of("detainedAt", at(detained), "conveyance", "AMBULANCE")));

        JsonNode logged = api.view("handler1", caseId).get("s136");
        assertThat(logged.get("conveyance").asText()).isEqualTo("AMBULANCE");
        assertThat(logged.get("arrivedAt").isNull()).isTrue();
        assertThat(logged.get("handoverDue").isNull()).isTrue();

        // Officers record the arrival; a child's custody and a missing arrival are refused first
        String arrival = api.awaitTask("officer1", caseId, "user_record_arrival");
        api.call("officer1", HttpMethod.POST, "/api/tasks/" + arrival + "/claim", null);
        assertThat(fields(api.call("officer1", HttpMethod.POST, "/api/tasks/" + arrival + "/complete",
                Map.of("placeOfSafety", "HEALTH_BASED")))).containsExactly("arrivedAt");
        Instant arrived = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        ResponseEntity<JsonNode> recorded = api.call("officer1", HttpMethod.POST, "/api/tasks/" + arrival + "/complete",
                Map.of("arrivedAt", at(arrived), "placeOfSafety", "HEALTH_BASED", "note", "Suite at St Mary's"));
        assertThat(recorded.getStatusCode()).as("%s", recorded.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode s136 = api.view("handler1", caseId).get("s136");
        assertThat(instant(s136.get("arrivedAt"))).isEqualTo(arrived);
        assertThat(instant(s136.get("detainedAt"))).isEqualTo(detained);
        assertThat(instant(s136.get("handoverDue"))).isEqualTo(arrived.plus(Duration.ofHours(1)));
        assertThat(instant(s136.get("detentionLimit"))).isEqualTo(arrived.plus(Duration.ofHours(24)));

        // The hospital agrees a delay with a named officer: until is required and in the future
        String handover = api.awaitTask("hospital1", caseId, "user_accept_handover");
        api.call("hospital1", HttpMethod.POST, "/api/tasks/" + handover + "/claim", null);
        assertThat(fields(api.call("hospital1", HttpMethod.POST, "/api/tasks/" + handover + "/complete",
                Map.of("decision", "AGREE_DELAY", "agreedWithPolice", "PS 4521 Khan", "note", "Suite being cleaned"))))
                .containsExactly("until");
        assertThat(fields(api.call("hospital1", HttpMethod.POST, "/api/tasks/" + handover + "/complete",
                Map.of("decision", "AGREE_DELAY", "until", at(Instant.now().minusSeconds(60)), "agreedWithPolice", "PS 4521 Khan",
                        "note", "Suite being cleaned")))).containsExactly("until");
        Instant until = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        ResponseEntity<JsonNode> delayed = api.call("hospital1", HttpMethod.POST, "/api/tasks/" + handover + "/complete",
                Map.of("decision", "AGREE_DELAY", "until", at(until), "agreedWithPolice", "PS 4521 Khan", "note", "Suite being cleaned"));
        assertThat(delayed.getStatusCode()).as("%s", delayed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode view = api.view("hospital1", caseId);
        assertThat(instant(view.at("/s136/handoverDue"))).isEqualTo(until);
        assertThat(view.at("/s136/delayAgreedBy").asText()).isEqualTo("hospital1");
        assertThat(view.at("/s136/delayAgreedWithPolice").asText()).isEqualTo("PS 4521 Khan");
        String reopened = api.awaitTask("hospital1", caseId, "user_accept_handover");
        assertThat(reopened).isNotEqualTo(handover);
        assertThat(view.get("openTasks").findValuesAsText("key")).contains("user_accept_handover");
        assertThat(view.get("openTasks").findValues("due").stream().map(ApiCalls::dueOf).toList()).contains(until);

        // The responsible clinician's extension: the hospital only, named and with a reason, once
        String extension = "/api/calls/" + caseId + "/s136/extension";
        assertThat(api.call("officer1", HttpMethod.POST, extension, Map.of("clinician", "Dr A", "reason", "r")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(fields(api.call("hospital1", HttpMethod.POST, extension, Map.of("reason", "Intoxicated: assessment not possible yet"))))
                .containsExactly("clinician");
        ResponseEntity<JsonNode> extended = api.call("hospital1", HttpMethod.POST, extension,
                Map.of("clinician", "Dr Amara Osei", "reason", "Intoxicated: assessment not possible yet"));
        assertThat(extended.getStatusCode()).as("%s", extended.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(instant(extended.getBody().get("detentionLimit"))).isEqualTo(arrived.plus(Duration.ofHours(36)));
        assertThat(api.call("hospital1", HttpMethod.POST, extension, Map.of("clinician", "Dr Amara Osei", "reason", "again"))
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(instant(api.view("handler1", caseId).at("/s136/detentionLimit"))).isEqualTo(arrived.plus(Duration.ofHours(36)));

        // A body without a decision still accepts (older clients); the detention runs on until the assessment ends
        api.claimAndComplete("hospital1", reopened, Map.of("note", "Bed in the suite"));
        assertThat(api.view("handler1", caseId).get("responsibleAgency").asText()).isEqualTo("HOSPITAL");
        String assessment = api.awaitTask("hospital1", caseId, "user_complete_assessment");
        api.claimAndComplete("hospital1", assessment, Map.of("outcome", "DETAINED_UNDER_MHA", "note", "Admitted under s2"));
        JsonNode closed = api.view("handler1", caseId);
        assertThat(closed.get("state").asText()).isEqualTo("CLOSED");
        assertThat(closed.at("/s136/assessmentOutcome").asText()).isEqualTo("DETAINED_UNDER_MHA");
        assertThat(closed.at("/s136/acceptedAt").isNull()).isFalse();
    }

    @Test
    void anOfficerDetainingAChildCannotNamePoliceCustody() {
        Map<String, Object> call = new HashMap<>(ApiCalls.welfareKnownTo(ApiCalls.reference(), "MENTAL_HEALTH"));
        call.put("subject", Map.of("name", "Kid Young", "ageYears", 15, "knownTo", List.of()));
        String caseId = api.logCall(call);
        api.claimAndComplete("handler1", api.awaitTask("handler1", caseId, "user_assess_threshold"),
                ApiCalls.assessment(true, "On the parapet"));
        String attend = api.awaitTask("officer1", caseId, "user_attend");
        api.call("officer1", HttpMethod.POST, "/api/tasks/" + attend + "/claim", null);

        assertThat(fields(api.call("officer1", HttpMethod.POST, "/api/tasks/" + attend + "/complete",
                Map.of("outcome", "S136_DETENTION", "s136", Map.of("conveyance", "AMBULANCE", "placeOfSafety", "POLICE_CUSTODY")))))
                .containsExactly("s136.placeOfSafety");
        ResponseEntity<JsonNode> detained = api.call("officer1", HttpMethod.POST, "/api/tasks/" + attend + "/complete",
                Map.of("outcome", "S136_DETENTION", "s136", Map.of("detainedAt", at(Instant.now()), "conveyance", "AMBULANCE",
                        "placeOfSafety", "HEALTH_BASED")));
        assertThat(detained.getStatusCode()).as("%s", detained.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.view("handler1", caseId).at("/s136/placeOfSafety").asText()).isEqualTo("HEALTH_BASED");
        api.awaitTask("officer1", caseId, "user_record_arrival");
    }
}
