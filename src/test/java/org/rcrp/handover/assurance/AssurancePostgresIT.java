package org.rcrp.handover.assurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.rcrp.handover.support.ApiCalls;
import org.rcrp.handover.support.PageSession;
import org.rcrp.handover.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Assurance through the API on PostgreSQL as the demo users: cases closing are sampled for a second person's review
 * (every override, every not-located closure, and here every other non-police decision: the share is set to 1 so the
 * draw is known), the reviewer may not be who decided, a disagreement needs a learning note; records linked to a case;
 * sex and ethnicity as recorded with the call; the assurance figures. The engine's clock is set to a day of 2031 so the
 * figures' period holds these cases only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {TestDatabase.DB_URL, "rcrp.assurance.sample-share=1"})
@ActiveProfiles("postgres")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AssurancePostgresIT {

    private static final String DAY = "2031-02-03";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;
    @LocalServerPort
    int port;

    private ApiCalls api;

    @BeforeAll
    void aDayOfItsOwn() {
        api = new ApiCalls(http);
        // A database kept from an earlier run holds cases of this day: their figures go, so the counts below are this run's.
        jdbc.update("DELETE FROM rcrp_report_case WHERE logged_day = DATE '" + DAY + "'");
        ClockUtil.setCurrentTime(Date.from(Instant.parse(DAY + "T10:00:00Z")));
    }

    @AfterAll
    void realClock() {
        ClockUtil.reset();
    }

    // ---- quality reviews ----

    @Test
    @Order(1)
    void aClosedReferralIsReviewedByASecondPersonNeverByWhoeverDecided() {
        String caseId = api.logCall(call("Ann Ward", 41, null, null));
        api.triageToReferral(caseId, null);
        api.claimAndComplete("handler1", api.awaitTask("handler1", caseId, "user_inform_caller"), Map.of("method", "PHONE"));
        api.claimAndComplete("mhcrisis1", api.awaitTask("mhcrisis1", caseId, "user_accept_referral"),
                Map.of("decision", "REJECT", "reasonCode", "NOT_OUR_SERVICE"));
        api.claimAndComplete("supervisor1", api.awaitTask("supervisor1", caseId, "user_supervisor_review"),
                Map.of("action", "CLOSE", "note", "Family confirm she is safe with them"));
        awaitClosed(caseId);

        assertThat(review(caseId)).containsEntry("reason", "RANDOM").containsEntry("route", "REFER")
                .containsEntry("decided_by", "handler1,supervisor1");
        String task = api.awaitTask("supervisor1", caseId, "user_quality_review");
        assertThat(api.taskOf("manager1", caseId, "user_quality_review")).contains(task);
        assertThat(api.taskOf("handler1", caseId, "user_quality_review")).isEmpty();

        // The supervisor who closed it may hold the task but not decide it.
        assertThat(status("supervisor1", HttpMethod.POST, "/api/tasks/" + task + "/claim", null)).isEqualTo(HttpStatus.NO_CONTENT);
        PageSession supervisorPages = PageSession.signIn(port, "supervisor1");
        String form = supervisorPages.get("/work/" + task).body();
        assertThat(form).contains("Quality review: random sample").contains("name=\"verdict\"").contains("name=\"learningNote\"");
        assertThat(supervisorPages.postForm("/work/" + task, "/work/" + task, Map.of("verdict", "AGREE")).body())
                .contains("A second person must review this case");
        ResponseEntity<JsonNode> own = api.call("supervisor1", HttpMethod.POST, "/api/tasks/" + task + "/complete",
                Map.of("verdict", "AGREE"));
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(own.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(own.getBody().get("detail").asText()).contains("second person").contains("supervisor1");
        assertThat(status("supervisor1", HttpMethod.POST, "/api/tasks/" + task + "/unclaim", null)).isEqualTo(HttpStatus.NO_CONTENT);

        // A manager disagrees: the learning note is required, and goes to the journal.
        assertThat(status("manager1", HttpMethod.POST, "/api/tasks/" + task + "/claim", null)).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<JsonNode> noNote = api.call("manager1", HttpMethod.POST, "/api/tasks/" + task + "/complete",
                Map.of("verdict", "DISAGREE"));
        assertThat(noNote.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noNote.getBody().get("errors").get(0).get("field").asText()).isEqualTo("learningNote");
        assertThat(review(caseId).get("verdict")).isNull();

        ResponseEntity<JsonNode> done = api.call("manager1", HttpMethod.POST, "/api/tasks/" + task + "/complete",
                Map.of("verdict", "DISAGREE", "learningNote", "Ask the crisis team's manager before closing a rejected referral"));
        assertThat(done.getStatusCode()).as("%s", done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(review(caseId)).containsEntry("verdict", "DISAGREE").containsEntry("reviewed_by", "manager1");
        assertThat(jdbc.queryForObject("SELECT note FROM rcrp_case_event WHERE case_id = ? AND task_key = 'user_quality_review'"
                + " AND type = 'TASK_COMPLETED'", String.class, caseId))
                .isEqualTo("Ask the crisis team's manager before closing a rejected referral");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE NAME_ = 'learningNote'", Long.class)).isZero();
    }

    @Test
    @Order(2)
    void everyOverrideIsReviewedAsAnOverride() {
        String caseId = api.logCall(call("Bea Ward", 41, null, null));
        Map<String, Object> body = ApiCalls.assessment(false, "Known to the service");
        body.put("override", Map.of("route", "ADVICE_AND_CLOSE", "reason", "Caller only wanted advice"));
        api.claimAndComplete("handler1", api.awaitTask("handler1", caseId, "user_assess_threshold"), body);
        api.claimAndComplete("handler1", api.awaitTask("handler1", caseId, "user_inform_caller"), Map.of("method", "PHONE"));
        awaitClosed(caseId);

        assertThat(review(caseId)).containsEntry("reason", "OVERRIDE").containsEntry("decided_by", "handler1");
        api.awaitTask("manager1", caseId, "user_quality_review");
    }

    @Test
    @Order(3)
    void everyNotLocatedClosureIsReviewedAndAPoliceAttendanceOtherwiseIsNot() {
        String notLocated = policeAttending("Cat Ward");
        // Set as the not-located review sets it when a supervisor closes a case whose person was not located.
        runtimeService.setVariable(processOf(notLocated), "closedNotLocated", true);
        api.claimAndComplete("officer1", api.awaitTask("officer1", notLocated, "user_attend"),
                Map.of("outcome", "RESOLVED", "note", "Address empty; neighbours have not seen her"));
        awaitClosed(notLocated);
        assertThat(review(notLocated)).containsEntry("reason", "NOT_LOCATED").containsEntry("route", "POLICE_ATTEND");

        String attended = policeAttending("Dot Ward");
        api.claimAndComplete("officer1", api.awaitTask("officer1", attended, "user_attend"),
                Map.of("outcome", "RESOLVED", "note", "Safe and well"));
        awaitClosed(attended);
        assertThat(jdbc.queryForList("SELECT * FROM rcrp_quality_review WHERE case_id = ?", attended)).isEmpty();
    }

    // ---- linked records ----

    @Test
    @Order(4)
    void managersAndSupervisorsLinkRecordsThatPoliceReadAndPartnersNever() {
        String caseId = api.logCall(call("Eve Ward", 41, null, null));
        api.triageToReferral(caseId, null);
        String path = "/api/calls/" + caseId + "/linked-records";

        ResponseEntity<JsonNode> bad = api.call("manager1", HttpMethod.POST, path,
                Map.of("type", "RUMOUR", "occurredOn", "3 Feb", "note", "x"));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("errors").findValuesAsText("field")).containsExactly("type", "occurredOn");
        assertThat(status("officer1", HttpMethod.POST, path, Map.of("type", "INCIDENT", "occurredOn", DAY)))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rcrp_linked_record WHERE case_id = ?", Long.class, caseId)).isZero();

        ResponseEntity<JsonNode> linked = api.call("manager1", HttpMethod.POST, path, Map.of("type", "SERIOUS_HARM",
                "occurredOn", DAY, "reference", "IOPC-2031-0042", "note", "Found injured the same evening"));
        assertThat(linked.getStatusCode()).as("%s", linked.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(status("supervisor1", HttpMethod.POST, path, Map.of("type", "COMPLAINT", "occurredOn", DAY)))
                .isEqualTo(HttpStatus.CREATED);

        JsonNode list = api.call("officer1", HttpMethod.GET, path, null).getBody();
        assertThat(list.findValuesAsText("type")).containsExactly("SERIOUS_HARM", "COMPLAINT");
        assertThat(list.get(0).get("reference").asText()).isEqualTo("IOPC-2031-0042");
        assertThat(list.get(0).get("note").asText()).isEqualTo("Found injured the same evening");
        assertThat(list.get(0).get("recordedBy").asText()).isEqualTo("manager1");
        assertThat(api.view("supervisor1", caseId).get("linkedRecords").findValuesAsText("type"))
                .containsExactly("SERIOUS_HARM", "COMPLAINT");

        assertThat(PageSession.signIn(port, "supervisor1").get("/cases/" + caseId).body())
                .contains("Linked records").contains("IOPC-2031-0042").contains("Found injured the same evening");

        assertThat(status("mhcrisis1", HttpMethod.GET, path, null)).isEqualTo(HttpStatus.FORBIDDEN);
        api.awaitTask("mhcrisis1", caseId, "user_accept_referral");
        assertThat(api.view("mhcrisis1", caseId).has("linkedRecords")).isFalse();
        assertThat(PageSession.signIn(port, "mhcrisis1").get("/cases/" + caseId).body()).doesNotContain("IOPC-2031-0042")
                .doesNotContain("Linked records");
        assertThat(status("manager1", HttpMethod.GET, "/api/calls/no-such-case/linked-records", null)).isEqualTo(HttpStatus.NOT_FOUND);
    }

    // ---- demographics and figures ----

    @Test
    @Order(5)
    void sexAndEthnicityAreKeptWithTheCallNeverInTheEngineAndAWrongCodeIsNamed() {
        Map<String, Object> wrong = call("Rosa Parkes", 20, "female", "BLACK_CARIBBEAN");
        ResponseEntity<JsonNode> refused = api.call("handler1", HttpMethod.POST, "/api/calls", wrong);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactly("subject.sex");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rcrp_call WHERE reference = ?", Long.class, wrong.get("reference")))
                .isZero();

        String caseId = api.logCall(call("Rosa Parkes", 20, "FEMALE", "BLACK_CARIBBEAN"));
        assertThat(jdbc.queryForMap("SELECT sex, ethnicity FROM rcrp_call_demographics WHERE call_id = ?", caseId))
                .containsEntry("sex", "FEMALE").containsEntry("ethnicity", "BLACK_CARIBBEAN");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE NAME_ IN ('sex', 'ethnicity')", Long.class)).isZero();

        // The crisis team rejects; the supervisor sends police after all: a redeployment after a referral.
        api.triageToReferral(caseId, null);
        api.claimAndComplete("handler1", api.awaitTask("handler1", caseId, "user_inform_caller"), Map.of("method", "PHONE"));
        api.claimAndComplete("mhcrisis1", api.awaitTask("mhcrisis1", caseId, "user_accept_referral"),
                Map.of("decision", "REJECT", "reasonCode", "NOT_OUR_SERVICE"));
        api.claimAndComplete("supervisor1", api.awaitTask("supervisor1", caseId, "user_supervisor_review"),
                Map.of("action", "POLICE_ATTEND", "note", "Not known to the team: police to check"));
        api.awaitTask("officer1", caseId, "user_attend");
    }

    @Test
    @Order(6)
    void theAssuranceFiguresCountThisDaysCases() {
        assertThat(status("supervisor1", HttpMethod.GET, "/api/metrics/assurance?from=" + DAY + "&to=" + DAY, null))
                .isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode figures = api.call("manager1", HttpMethod.GET, "/api/metrics/assurance?from=" + DAY + "&to=" + DAY, null).getBody();

        JsonNode reviews = figures.get("qualityReviews");
        assertThat(reviews.get("sampled").asLong()).isEqualTo(3);
        assertThat(reviews.get("byReason").get("RANDOM").asLong()).isEqualTo(1);
        assertThat(reviews.get("byReason").get("OVERRIDE").asLong()).isEqualTo(1);
        assertThat(reviews.get("byReason").get("NOT_LOCATED").asLong()).isEqualTo(1);
        assertThat(reviews.get("disagreed").asLong()).isEqualTo(1);
        assertThat(reviews.get("agreed").asLong()).isZero();
        assertThat(reviews.get("outstanding").asLong()).isEqualTo(2);
        assertThat(reviews.get("sampleShare").asDouble()).isEqualTo(1.0);

        assertThat(figures.get("linkedRecords").get("SERIOUS_HARM").asLong()).isEqualTo(1);
        assertThat(figures.get("linkedRecords").get("COMPLAINT").asLong()).isEqualTo(1);
        assertThat(figures.get("linkedRecords").get("CORONER_REPORT").asLong()).isZero();

        JsonNode referred = figures.get("demographicsByRoute").get("REFER");
        assertThat(referred.get("cases").asLong()).isEqualTo(3);
        assertThat(referred.get("ageBand").get("18_24").asLong()).isEqualTo(1);
        assertThat(referred.get("ageBand").get("35_44").asLong()).isEqualTo(2);
        assertThat(referred.get("sex").get("FEMALE").asLong()).isEqualTo(1);
        assertThat(referred.get("sex").get("NOT_RECORDED").asLong()).isEqualTo(2);
        assertThat(referred.get("ethnicity").get("BLACK_CARIBBEAN").asLong()).isEqualTo(1);
        assertThat(figures.get("demographicsByRoute").get("POLICE_ATTEND").get("cases").asLong()).isEqualTo(2);

        // Non-police decisions: the rejected referral, the override, the linked case, the child's referral.
        assertThat(figures.get("harmAfterNonPoliceDecision").get("nonPoliceDecisions").asLong()).isEqualTo(4);
        assertThat(figures.get("harmAfterNonPoliceDecision").get("withHarm").asLong()).isEqualTo(1);
        assertThat(figures.get("policeRedeployment").get("referred").asLong()).isEqualTo(3);
        assertThat(figures.get("policeRedeployment").get("sameCase").asLong()).isEqualTo(1);
        assertThat(figures.get("policeRedeployment").get("repeatCall").asLong()).isZero();
        assertThat(figures.get("policeRedeployment").get("redeployed").asLong()).isEqualTo(1);

        String page = PageSession.signIn(port, "manager1").get("/figures?from=" + DAY + "&to=" + DAY).body();
        assertThat(page).contains("Assurance").containsPattern("id=\"qa-sampled\"[^>]*>3 \\(1 / 1 / 1\\)<");

        ResponseEntity<String> csv = http.withBasicAuth("manager1", "manager1")
                .getForEntity("/api/metrics/assurance.csv?from=" + DAY + "&to=" + DAY, String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getBody()).startsWith("figure,key,route,value\r\n").contains("qualityReviews.sampled,,,3\r\n",
                "demographics.ethnicity,BLACK_CARIBBEAN,REFER,1\r\n", "policeRedeployment.redeployed,,,1\r\n");
    }

    /** A concern for welfare about a person known to the crisis team; each test's person is its own (no repeat contacts). */
    private static Map<String, Object> call(String name, int age, String sex, String ethnicity) {
        Map<String, Object> call = new HashMap<>(ApiCalls.welfareKnownTo(ApiCalls.reference(), "MENTAL_HEALTH"));
        Map<String, Object> subject = new HashMap<>(Map.of("name", name, "ageYears", age, "knownTo", List.of("MENTAL_HEALTH")));
        if (sex != null) {
            subject.put("sex", sex);
        }
        if (ethnicity != null) {
            subject.put("ethnicity", ethnicity);
        }
        call.put("subject", subject);
        return call;
    }

    private String policeAttending(String person) {
        String caseId = api.logCall(call(person, 41, null, null));
        api.claimAndComplete("handler1", api.awaitTask("handler1", caseId, "user_assess_threshold"),
                ApiCalls.assessment(true, "Said goodbye to her sister; not answering"));
        return caseId;
    }

    private String processOf(String caseId) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("rcrp-call").singleResult().getId();
    }

    private Map<String, Object> review(String caseId) {
        return await("quality review of " + caseId).atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForList("SELECT * FROM rcrp_quality_review WHERE case_id = ?", caseId), rows -> !rows.isEmpty()).get(0);
    }

    private void awaitClosed(String caseId) {
        await("case " + caseId + " closed").atMost(Duration.ofSeconds(30))
                .until(() -> api.view("manager1", caseId).get("state").asText(), "CLOSED"::equals);
    }

    private HttpStatus status(String user, HttpMethod method, String path, Object body) {
        return HttpStatus.valueOf(api.call(user, method, path, body).getStatusCode().value());
    }
}
