package org.rcrp.handover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.TextLimits;
import org.rcrp.handover.support.ApiCalls;
import org.rcrp.handover.support.PageSession;
import org.rcrp.handover.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * What people write — rationales, override reasons, the notes of every task and new information — is kept in our
 * own journal ({@code rcrp_case_event}) and never in the engine's tables, whose history is kept for six years and
 * shown by Cockpit and {@code /engine-rest}. Every task is completed over HTTP with a note no other test uses, and
 * then every text column of every engine table (runtime, history, byte arrays) is searched for it. Over-long text is
 * a 400 naming the field that changes nothing, never a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {TestDatabase.DB_URL})
@ActiveProfiles("postgres")
// One engine on the database at a time: a cached context's job executor would run this test's jobs with its own clocks.
@DirtiesContext
class NotesOutOfTheEnginePostgresIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HistoryService history;
    @Autowired
    RuntimeService runtime;
    @LocalServerPort
    int port;

    private ApiCalls api;
    /** Unique to this run, so text left by earlier runs in the same database cannot be mistaken for it. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void client() {
        api = new ApiCalls(http);
    }

    private String note(String what) {
        return "Written-" + run + "-" + what;
    }

    @Test
    void everyNoteAndReasonIsInTheJournalAndNowhereInTheEngine() {
        Map<String, String> notes = new LinkedHashMap<>();
        for (String what : List.of("rationale", "override", "reject", "supervisor", "update", "accept",
                "outcome", "inform", "police-rationale", "attend", "arrival", "handover")) {
            notes.put(what, note(what));
        }

        // A referral overridden to social care, rejected, rerouted by the supervisor to the crisis team, accepted, closed.
        String referred = api.logCall(ApiCalls.welfareKnownTo(ApiCalls.reference(), "MENTAL_HEALTH"));
        Map<String, Object> triage = ApiCalls.assessment(false, notes.get("rationale"));
        triage.put("override", Map.of("route", "REFER", "agency", "SOCIAL_CARE", "reason", notes.get("override")));
        api.claimAndComplete("handler1", api.awaitTask("handler1", referred, "user_assess_threshold"), triage);
        api.claimAndComplete("social1", api.awaitTask("social1", referred, "user_accept_referral"),
                Map.of("decision", "REJECT", "reasonCode", "NOT_OUR_SERVICE", "note", notes.get("reject")));
        String review = api.awaitTask("supervisor1", referred, "user_supervisor_review");
        // The supervisor reads what the partner said on the escalations page: from the journal now.
        assertThat(PageSession.signIn(port, "supervisor1").get("/escalations/live").body()).contains(notes.get("reject"));
        api.claimAndComplete("supervisor1", review,
                Map.of("action", "REROUTE", "agency", "MENTAL_HEALTH", "note", notes.get("supervisor")));
        assertThat(api.call("handler2", HttpMethod.POST, "/api/calls/" + referred + "/updates",
                Map.of("note", notes.get("update"))).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        api.claimAndComplete("mhcrisis1", api.awaitTask("mhcrisis1", referred, "user_accept_referral"),
                Map.of("decision", "ACCEPT", "note", notes.get("accept")));
        api.claimAndComplete("mhcrisis1", api.awaitTask("mhcrisis1", referred, "user_record_partner_outcome"),
                Map.of("outcome", "ASSESSED", "note", notes.get("outcome")));
        api.claimAndComplete("handler1", api.awaitTask("handler1", referred, "user_inform_caller"),
                Map.of("method", "PHONE", "note", notes.get("inform")));

        // Police sent at once, a detention under s136, the handover at the place of safety.
        String detained = api.logCall(ApiCalls.welfareKnownTo(ApiCalls.reference(), "MENTAL_HEALTH"));
        api.claimAndComplete("handler1", api.awaitTask("handler1", detained, "user_assess_threshold"),
                ApiCalls.assessment(true, notes.get("police-rationale")));
        api.claimAndComplete("officer1", api.awaitTask("officer1", detained, "user_attend"),
                Map.of("outcome", "S136_DETENTION", "note", notes.get("attend")));
        api.claimAndComplete("officer1", api.awaitTask("officer1", detained, "user_record_arrival"),
                Map.of("arrivedAt", java.time.Instant.now().minusSeconds(60).toString(), "placeOfSafety", "HEALTH_BASED",
                        "conveyance", "AMBULANCE", "note", notes.get("arrival")));
        api.claimAndComplete("hospital1", api.awaitTask("hospital1", detained, "user_accept_handover"),
                Map.of("note", notes.get("handover")));

        notes.forEach((what, text) -> {
            assertThat(historicValuesHolding(text)).as("history variables holding the %s note", what).isEmpty();
            assertThat(engineCellsHolding(text)).as("engine table cells holding the %s note", what).isEmpty();
        });
        // The case closes once its partners are stood down, in a job of its own.
        JsonNode closed = org.awaitility.Awaitility.await("the case closes").atMost(java.time.Duration.ofSeconds(20))
                .until(() -> api.view("handler1", referred), view -> "CLOSED".equals(view.get("state").asText()));
        assertThat(closed.get("overridden").asBoolean()).isTrue();
        assertThat(closed.get("rationale").asText()).as("the override's reason, read from the journal")
                .startsWith("Override of the recommendation (REFER to MENTAL_HEALTH)").endsWith(notes.get("override"));
        String policeTimelines = closed.get("timeline").toString() + api.view("handler1", detained).get("timeline");
        notes.forEach((what, text) -> {
            assertThat(policeTimelines).as("police see the %s note on the timeline", what).contains(text);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM rcrp_case_event WHERE strpos(detail, ?) > 0 OR strpos(note, ?) > 0",
                    Long.class, text, text)).as("the journal keeps the %s note", what).isPositive();
        });
    }

    @Test
    void anOverrideReasonOf3990CharactersIsAcceptedWholeIntoTheJournalAndKeptOutOfTheEngine() {
        String caseId = api.logCall(ApiCalls.welfareKnownTo(ApiCalls.reference(), "MENTAL_HEALTH"));
        String reason = note("long-reason") + "x".repeat(3990 - note("long-reason").length());
        Map<String, Object> triage = ApiCalls.assessment(false, "Known to the crisis team");
        triage.put("override", Map.of("route", "REFER", "agency", "SOCIAL_CARE", "reason", reason));
        String task = api.awaitTask("handler1", caseId, "user_assess_threshold");
        assertThat(api.call("handler1", HttpMethod.POST, "/api/tasks/" + task + "/claim", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<JsonNode> completed = api.call("handler1", HttpMethod.POST, "/api/tasks/" + task + "/complete", triage);

        assertThat(completed.getStatusCode()).as("%s", completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rcrp_case_event WHERE case_id = ? AND note = ?",
                Long.class, caseId, reason)).as("the reason, whole, in the journal").isEqualTo(1);
        assertThat(api.view("handler1", caseId).get("rationale").asText()).endsWith(reason);
        assertThat(engineCellsHolding(note("long-reason"))).isEmpty();
        api.awaitTask("social1", caseId, "user_accept_referral");
    }

    @Test
    void overLongTextIsA400NamingTheFieldThatChangesNothing() {
        String tooLongNote = "n".repeat(TextLimits.NOTE + 1);
        String caseId = api.logCall(ApiCalls.welfareKnownTo(ApiCalls.reference(), "MENTAL_HEALTH"));
        String triageTask = api.awaitTask("handler1", caseId, "user_assess_threshold");
        assertThat(api.call("handler1", HttpMethod.POST, "/api/tasks/" + triageTask + "/claim", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        long journalled = journalRows(caseId);

        Map<String, Object> longRationale = ApiCalls.assessment(false, "r".repeat(TextLimits.RATIONALE + 1));
        refused(api.call("handler1", HttpMethod.POST, "/api/tasks/" + triageTask + "/complete", longRationale), "rationale");
        Map<String, Object> longReason = ApiCalls.assessment(false, "Known to the crisis team");
        longReason.put("override", Map.of("route", "REFER", "agency", "SOCIAL_CARE", "reason", "r".repeat(TextLimits.REASON + 1)));
        refused(api.call("handler1", HttpMethod.POST, "/api/tasks/" + triageTask + "/complete", longReason), "override.reason");
        refused(api.call("handler1", HttpMethod.POST, "/api/calls/" + caseId + "/updates", Map.of("note", tooLongNote)), "note");
        Map<String, Object> longSummary = new HashMap<>(ApiCalls.welfareKnownTo(ApiCalls.reference(), "MENTAL_HEALTH"));
        longSummary.put("summary", "s".repeat(TextLimits.SUMMARY + 1));
        refused(api.call("handler1", HttpMethod.POST, "/api/calls", longSummary), "summary");

        assertThat(journalRows(caseId)).as("nothing journalled").isEqualTo(journalled);
        assertThat(api.taskOf("handler1", caseId, "user_assess_threshold")).as("still held, not available").isEmpty();
        assertThat(api.view("handler1", caseId).get("state").asText()).isEqualTo("TRIAGE");

        // The longest of each is taken, and the longest triage entry fits the journal whole.
        Map<String, Object> longest = ApiCalls.assessment(false, "r".repeat(TextLimits.RATIONALE));
        longest.put("override", Map.of("route", "REFER", "agency", "SOCIAL_CARE", "reason", "r".repeat(TextLimits.REASON)));
        ResponseEntity<JsonNode> taken = api.call("handler1", HttpMethod.POST, "/api/tasks/" + triageTask + "/complete", longest);
        assertThat(taken.getStatusCode()).as("%s", taken.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rcrp_case_event WHERE case_id = ? AND strpos(detail, ?) > 0",
                Long.class, caseId, "r".repeat(TextLimits.RATIONALE))).isEqualTo(1);
        String accept = api.awaitTask("social1", caseId, "user_accept_referral");
        assertThat(api.call("social1", HttpMethod.POST, "/api/tasks/" + accept + "/claim", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        long before = journalRows(caseId);
        refused(api.call("social1", HttpMethod.POST, "/api/tasks/" + accept + "/complete",
                Map.of("decision", "ACCEPT", "note", tooLongNote)), "note");
        assertThat(journalRows(caseId)).isEqualTo(before);
        assertThat(api.call("social1", HttpMethod.POST, "/api/tasks/" + accept + "/complete",
                Map.of("decision", "ACCEPT", "note", "a".repeat(TextLimits.NOTE))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(api.view("handler1", caseId).get("responsibleAgency").asText()).isEqualTo("SOCIAL_CARE");
    }

    @Test
    void aCaseThatAlreadyStoresNotesAsVariablesStillWorksAndItsNotesStillShow() {
        // A case from before: its notes were process variables (here written as the old code wrote them).
        String caseId = api.logCall(ApiCalls.welfareKnownTo(ApiCalls.reference(), "MENTAL_HEALTH"));
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(RcrpCallProcess.KEY)
                .processInstanceBusinessKey(caseId).singleResult();
        runtime.setVariable(instance.getId(), "overrideReason", "old reason");
        runtime.setVariable(instance.getId(), "triageRationale", "old rationale");
        runtime.setVariable(instance.getId(), "informNote", "old inform note");
        runtime.setVariable(instance.getId(), "supervisorNote", "old supervisor note");
        runtime.setVariable(instance.getId(), RcrpCallProcess.Variables.RATIONALE.name(),
                "Override of the recommendation (REFER to MENTAL_HEALTH): old reason");

        Map<String, Object> triage = ApiCalls.assessment(false, note("new-rationale"));
        triage.put("override", Map.of("route", "REFER", "agency", "MENTAL_HEALTH", "reason", note("new-reason")));
        api.claimAndComplete("handler1", api.awaitTask("handler1", caseId, "user_assess_threshold"), triage);
        String accept = api.awaitTask("mhcrisis1", caseId, "user_accept_referral");
        ProcessInstance referral = runtime.createProcessInstanceQuery().processDefinitionKey(PartnerReferralProcess.KEY)
                .processInstanceBusinessKey(caseId).singleResult();
        runtime.setVariable(referral.getId(), PartnerReferralProcess.Variables.DECISION_NOTE.name(), "old decision note");
        api.claimAndComplete("mhcrisis1", accept, Map.of("decision", "REJECT", "reasonCode", "NO_CAPACITY", "note", note("new-reject")));
        api.awaitTask("supervisor1", caseId, "user_supervisor_review");

        assertThat(PageSession.signIn(port, "supervisor1").get("/escalations/live").body()).contains(note("new-reject"))
                .doesNotContain("old decision note");
        JsonNode view = api.view("handler1", caseId);
        assertThat(view.get("timeline").toString()).contains(note("new-rationale"), note("new-reason"), note("new-reject"));
        assertThat(engineCellsHolding(note("new"))).isEmpty();
        api.claimAndComplete("handler1", api.awaitTask("handler1", caseId, "user_inform_caller"),
                Map.of("method", "SMS", "note", note("new-inform")));
        assertThat(engineCellsHolding(note("new"))).isEmpty();
    }

    @Test
    void theTriageAnswersAreInTheJournalPoliceSeeThemAsTheAssessmentAndNeitherTheEngineNorThePartnerHasThem() {
        String caseId = api.logCall(ApiCalls.welfareKnownTo(ApiCalls.reference(), "MENTAL_HEALTH"));
        Map<String, String> texts = new LinkedHashMap<>();
        for (String what : List.of("callerActions", "threat", "harm", "risk", "investigation", "vulnerability", "engagement")) {
            texts.put(what, note(what));
        }
        Map<String, Object> triage = ApiCalls.assessment(false, "Known to the crisis team");
        triage.put("whereaboutsKnown", true);
        triage.put("entryNeeded", false);
        triage.put("lastSeen", "2026-12-01T08:15:00Z");
        triage.put("callerActions", texts.get("callerActions"));
        triage.put("thrive", Map.of("threat", texts.get("threat"), "harm", texts.get("harm"), "risk", texts.get("risk"),
                "investigation", texts.get("investigation"), "vulnerability", texts.get("vulnerability"),
                "engagement", texts.get("engagement")));
        String task = api.awaitTask("handler1", caseId, "user_assess_threshold");
        assertThat(api.call("handler1", HttpMethod.POST, "/api/tasks/" + task + "/claim", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> tooLong = new HashMap<>(triage);
        tooLong.put("thrive", Map.of("harm", "h".repeat(TextLimits.THRIVE + 1)));
        refused(api.call("handler1", HttpMethod.POST, "/api/tasks/" + task + "/complete", tooLong), "thrive.harm");
        Map<String, Object> future = new HashMap<>(triage);
        future.put("lastSeen", java.time.OffsetDateTime.now().plusHours(1).toString());
        refused(api.call("handler1", HttpMethod.POST, "/api/tasks/" + task + "/complete", future), "lastSeen");
        ResponseEntity<JsonNode> completed = api.call("handler1", HttpMethod.POST, "/api/tasks/" + task + "/complete", triage);
        assertThat(completed.getStatusCode()).as("%s", completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        api.awaitTask("mhcrisis1", caseId, "user_accept_referral");

        JsonNode assessment = api.view("handler1", caseId).get("assessment");
        assertThat(assessment.get("by").asText()).isEqualTo("handler1");
        assertThat(assessment.get("whereaboutsKnown").asBoolean()).isTrue();
        assertThat(assessment.get("entryNeeded").asBoolean()).isFalse();
        assertThat(assessment.get("riskToLife").asBoolean()).isFalse();
        assertThat(assessment.get("lastSeen").asText()).isEqualTo("2026-12-01T08:15:00Z");
        assertThat(assessment.get("callerActions").asText()).isEqualTo(texts.get("callerActions"));
        assertThat(assessment.get("thrive").get("engagement").asText()).isEqualTo(texts.get("engagement"));
        assertThat(api.view("handler1", caseId).get("timeline").toString()).contains("Whereabouts known: yes", "Entry needed: no");
        JsonNode partner = api.view("mhcrisis1", caseId);
        assertThat(partner.get("assessment").isNull()).as("a partner never gets the triage answers").isTrue();
        texts.forEach((what, text) -> {
            assertThat(partner.toString()).as("the partner's view holding %s", what).doesNotContain(text);
            assertThat(historicValuesHolding(text)).as("history variables holding %s", what).isEmpty();
            assertThat(engineCellsHolding(text)).as("engine table cells holding %s", what).isEmpty();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM rcrp_case_event_answer WHERE answer = ?", Long.class, text))
                    .as("the journal keeps %s", what).isEqualTo(1);
        });
    }

    @Test
    void theColumnsThatKeepWhatPeopleWriteAreSizedByTextLimits() {
        assertThat(columnSize("rcrp_case_event", "note")).isEqualTo(TextLimits.JOURNAL_NOTE);
        assertThat(columnSize("rcrp_case_event", "detail")).isEqualTo(TextLimits.JOURNAL_DETAIL);
        assertThat(columnSize("rcrp_call", "summary")).isEqualTo(TextLimits.SUMMARY);
        assertThat(columnSize("rcrp_call", "reference")).isEqualTo(TextLimits.REFERENCE);
        assertThat(columnSize("rcrp_call", "location_description")).isEqualTo(TextLimits.LOCATION);
        assertThat(columnSize("rcrp_call", "subject_name")).isEqualTo(TextLimits.NAME);
        assertThat(columnSize("rcrp_call", "caller_name")).isEqualTo(TextLimits.NAME);
        assertThat(columnSize("rcrp_call", "caller_phone")).isEqualTo(TextLimits.PHONE);
        assertThat(columnSize("rcrp_call", "caller_relationship")).isEqualTo(TextLimits.RELATIONSHIP);
        assertThat(columnSize("rcrp_call", "awol_mha_section")).isEqualTo(TextLimits.MHA_SECTION);
        assertThat(columnSize("rcrp_call", "walkout_description")).isEqualTo(TextLimits.WALKOUT_DESCRIPTION);
        assertThat(columnSize("rcrp_case_event_answer", "answer")).isEqualTo(TextLimits.JOURNAL_ANSWER);
        assertThat(columnSize("rcrp_call", "family_name")).isEqualTo(TextLimits.NAME);
        assertThat(columnSize("rcrp_call", "family_phone")).isEqualTo(TextLimits.PHONE);
        assertThat(columnSize("rcrp_call", "family_relationship")).isEqualTo(TextLimits.RELATIONSHIP);
        assertThat(columnSize("rcrp_contact_share", "purpose")).isEqualTo(TextLimits.SHARING_PURPOSE);
        assertThat(columnSize("rcrp_contact_share", "lawful_basis")).isEqualTo(TextLimits.SHARING_BASIS);
        assertThat(columnSize("rcrp_contact_share", "sharing_agreement")).isEqualTo(TextLimits.SHARING_BASIS);
        assertThat(columnSize("rcrp_dispute", "learning_note")).isEqualTo(TextLimits.LEARNING_NOTE);
    }

    // ---- helpers ----

    private static void refused(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        List<String> fields = new ArrayList<>();
        response.getBody().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactly(field);
    }

    private long journalRows(String caseId) {
        return jdbc.queryForObject("SELECT count(*) FROM rcrp_case_event WHERE case_id = ?", Long.class, caseId);
    }

    private Integer columnSize(String table, String column) {
        return jdbc.queryForObject("SELECT character_maximum_length FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?", Integer.class, table, column);
    }

    /** Variables in the engine's history, and in its runtime, whose value holds the text. */
    private List<String> historicValuesHolding(String text) {
        List<String> found = new ArrayList<>();
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().list()) {
            if (String.valueOf(variable.getValue()).contains(text)) {
                found.add("history " + variable.getName());
            }
        }
        for (VariableInstance variable : runtime.createVariableInstanceQuery().list()) {
            if (String.valueOf(variable.getValue()).contains(text)) {
                found.add("runtime " + variable.getName());
            }
        }
        return found;
    }

    /** Every text and byte column of every engine table (ACT_*) that holds the text anywhere. */
    private List<String> engineCellsHolding(String text) {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : jdbc.queryForList("SELECT table_name, column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name LIKE 'act!_%' ESCAPE '!'"
                + " AND data_type IN ('character varying', 'text', 'character', 'bytea')")) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            String holds = "bytea".equals(column.get("data_type"))
                    ? "position(convert_to(?, 'UTF8') in " + name + ") > 0" : "strpos(" + name + ", ?) > 0";
            Long rows = jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE " + holds, Long.class, text);
            if (rows > 0) {
                found.add(table + "." + name + " (" + rows + ")");
            }
        }
        return found;
    }
}
