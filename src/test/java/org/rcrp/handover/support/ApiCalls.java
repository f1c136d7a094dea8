package org.rcrp.handover.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The public API as a client calls it over HTTP with the demo users (README, The API in five calls), for integration tests. */
public final class ApiCalls {

    private final TestRestTemplate http;

    public ApiCalls(TestRestTemplate http) {
        this.http = http;
    }

    public ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    public static String reference() {
        return "CAD-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** The caller's number in {@link #welfareKnownTo}: nothing that leaves the system may carry it, in either spelling. */
    public static final String CALLER_PHONE = "01234 567890";
    public static final String CALLER_PHONE_DIGITS = CALLER_PHONE.replace(" ", "");

    /** A concern for welfare about a person known to the agency, with caller and subject details that must never leave. */
    public static Map<String, Object> welfareKnownTo(String reference, String agency) {
        return Map.of("reference", reference, "source", "PUBLIC_999", "category", "CONCERN_FOR_WELFARE",
                "summary", "Neighbour worried: not seen for two days",
                "location", Map.of("description", "12 High Street", "urban", true),
                "subject", Map.of("name", "Jane Smithson", "ageYears", 41, "knownTo", List.of(agency)),
                "caller", Map.of("name", "Alan Neighbour", "phone", CALLER_PHONE, "relationship", "neighbour"));
    }

    public String logCall(Map<String, Object> body) {
        ResponseEntity<JsonNode> response = call("handler1", HttpMethod.POST, "/api/calls", body);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().get("id").asText();
    }

    public JsonNode view(String user, String caseId) {
        ResponseEntity<JsonNode> response = call(user, HttpMethod.GET, "/api/calls/" + caseId, null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** Waits (notices and clocks run on the job executor) for the case's task of that key in the user's list. */
    public String awaitTask(String user, String caseId, String key) {
        return await("%s for %s on case %s".formatted(key, user, caseId)).atMost(Duration.ofSeconds(60))
                .until(() -> taskOf(user, caseId, key), Optional::isPresent).orElseThrow();
    }

    public Optional<String> taskOf(String user, String caseId, String key) {
        for (JsonNode task : call(user, HttpMethod.GET, "/api/tasks?scope=available", null).getBody()) {
            if (task.get("callId").asText().equals(caseId) && task.get("key").asText().equals(key)) {
                return Optional.of(task.get("id").asText());
            }
        }
        return Optional.empty();
    }

    public void claimAndComplete(String user, String taskId, Map<String, Object> body) {
        assertThat(call(user, HttpMethod.POST, "/api/tasks/" + taskId + "/claim", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<JsonNode> completed = call(user, HttpMethod.POST, "/api/tasks/" + taskId + "/complete", body);
        assertThat(completed.getStatusCode()).as("%s", completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** The body of user_assess_threshold: no threshold met but (perhaps) a risk to life; add an override to it. */
    public static Map<String, Object> assessment(boolean riskToLife, String rationale) {
        return new HashMap<>(Map.of("crime", false, "riskToLife", riskToLife, "seriousHarm", false, "childAtRisk", false,
                "medicalEmergency", false, "missingPerson", false, "rationale", rationale));
    }

    /** Triage as the call handler: no police threshold met; optionally refer to another agency than the table's. */
    public void triageToReferral(String caseId, String overrideAgency) {
        Map<String, Object> body = assessment(false, "Known to the service");
        if (overrideAgency != null) {
            body.put("override", Map.of("route", "REFER", "agency", overrideAgency, "reason", "Agreed with the duty manager"));
        }
        claimAndComplete("handler1", awaitTask("handler1", caseId, "user_assess_threshold"), body);
    }

    /** A task's due date as the API writes it (an ISO instant), for comparing with the time it should be. */
    public static java.time.Instant dueOf(JsonNode due) {
        return due == null || due.isNull() ? null : java.time.OffsetDateTime.parse(due.asText()).toInstant();
    }
}
