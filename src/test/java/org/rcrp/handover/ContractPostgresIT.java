package org.rcrp.handover;

import org.rcrp.handover.support.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.inbox.TaskProblem;
import org.rcrp.handover.support.PageSession;
import org.rcrp.handover.intake.CallRepository;
import org.rcrp.handover.support.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public API (README, The API in five calls) walked end to end as real clients do it, over HTTP with the demo users, on PostgreSQL:
 * every category, triage, accept/reject, supervisor decisions, updates, outcome, closure — the case view
 * and timeline checked after each step — plus idempotent logging under concurrent duplicates, a claim
 * race with one winner, and cross-agency access refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestDatabase.DB_URL})
@ActiveProfiles("postgres")
// One engine on rcrp_it at a time: a cached context's job executor would run this test's jobs with its own clocks.
@DirtiesContext
class ContractPostgresIT {

    private static ExecutorService pool;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskFacade taskFacade;
    @Autowired
    CallRepository callRepository;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    TransactionTemplate transaction;
    @LocalServerPort
    int port;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(20);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    // ---- the client's side of the contract ----

    private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static String reference() {
        return "CAD-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private JsonNode logCall(String user, Map<String, Object> body) {
        ResponseEntity<JsonNode> response = call(user, HttpMethod.POST, "/api/calls", body);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getHeaders().getLocation()).hasToString("/api/calls/" + response.getBody().get("id").asText());
        return response.getBody();
    }

    private static Map<String, Object> welfare(boolean knownToMentalHealth) {
        return Map.of("reference", reference(), "source", "PUBLIC_999", "category", "CONCERN_FOR_WELFARE",
                "summary", "Neighbour worried: not seen for two days",
                "location", Map.of("description", "12 High Street", "urban", true),
                "subject", Map.of("name", "J Smith", "ageYears", 41, "knownTo", knownToMentalHealth ? List.of("MENTAL_HEALTH") : List.of()),
                "caller", Map.of("name", "A Neighbour", "phone", "01234 567890", "relationship", "neighbour"));
    }

    private JsonNode view(String user, String caseId) {
        ResponseEntity<JsonNode> response = call(user, HttpMethod.GET, "/api/calls/" + caseId, null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** Waits (notifications and clocks run on the job executor) for the case's task of that key in the user's list. */
    private String awaitTask(String user, String caseId, String key) {
        return await("%s for %s on case %s".formatted(key, user, caseId)).atMost(Duration.ofSeconds(20))
                .until(() -> taskOf(user, caseId, key), Optional::isPresent).orElseThrow();
    }

    private Optional<String> taskOf(String user, String caseId, String key) {
        for (JsonNode task : call(user, HttpMethod.GET, "/api/tasks?scope=available", null).getBody()) {
            if (task.get("callId").asText().equals(caseId) && task.get("key").asText().equals(key)) {
                return Optional.of(task.get("id").asText());
            }
        }
        return Optional.empty();
    }

    private void claim(String user, String taskId) {
        assertThat(call(user, HttpMethod.POST, "/api/tasks/" + taskId + "/claim", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private void claimAndComplete(String user, String taskId, Map<String, Object> body) {
        claim(user, taskId);
        ResponseEntity<JsonNode> completed = call(user, HttpMethod.POST, "/api/tasks/" + taskId + "/complete", body);
        assertThat(completed.getStatusCode()).as("%s", completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private static Map<String, Object> assessment(boolean riskToLife, String rationale) {
        return Map.of("crime", false, "riskToLife", riskToLife, "seriousHarm", false, "childAtRisk", false,
                "medicalEmergency", false, "missingPerson", false, "rationale", rationale);
    }

    private static List<String> timelineTypes(JsonNode view) {
        List<String> types = new ArrayList<>();
        view.get("timeline").forEach(entry -> types.add(entry.get("type").asText()));
        return types;
    }


    // ---- the walks ----

    @Test
    void aReferralToTheCrisisTeamRunsFromLoggingToClosure() {
        JsonNode logged = logCall("handler1", welfare(true));
        String caseId = logged.get("id").asText();
        assertThat(logged.get("state").asText()).isEqualTo("TRIAGE");
        assertThat(logged.get("responsibleAgency").asText()).isEqualTo("POLICE");
        assertThat(logged.get("openTasks").get(0).get("key").asText()).isEqualTo("user_assess_threshold");
        assertThat(logged.get("openTasks").get(0).get("due").isNull()).isFalse();

        claimAndComplete("handler1", awaitTask("handler1", caseId, "user_assess_threshold"),
                assessment(false, "Known to the crisis team; no threat to life"));
        String accept = awaitTask("mhcrisis1", caseId, "user_accept_referral");
        JsonNode referred = view("handler1", caseId);
        assertThat(referred.get("state").asText()).isEqualTo("REFERRED");
        assertThat(referred.get("route").asText()).isEqualTo("REFER");
        assertThat(referred.get("agency").asText()).isEqualTo("MENTAL_HEALTH");
        assertThat(referred.get("responsibleAgency").asText()).isEqualTo("POLICE");
        assertThat(referred.get("recommendation").get("agency").asText()).isEqualTo("MENTAL_HEALTH");
        assertThat(timelineTypes(referred)).contains("CALL_LOGGED", "TASK_CLAIMED", "TASK_COMPLETED", "TRIAGE_DECIDED", "STARTED");

        claimAndComplete("mhcrisis1", accept, Map.of("decision", "ACCEPT", "note", "Crisis team will visit within 4 hours"));
        JsonNode accepted = view("mhcrisis1", caseId);
        assertThat(accepted.get("responsibleAgency").asText()).isEqualTo("MENTAL_HEALTH");
        assertThat(accepted.has("caller")).as("partners do not see the caller").isFalse();

        claimAndComplete("mhcrisis1", awaitTask("mhcrisis1", caseId, "user_record_partner_outcome"),
                Map.of("outcome", "ASSESSED", "note", "Assessed at home; care plan updated"));
        assertThat(view("handler1", caseId).get("state").asText()).as("open until the caller is told").isNotEqualTo("CLOSED");
        // Through the API, telling the caller waits in the call handlers' queue (follow-on tasks are for the pages).
        claimAndComplete("handler2", awaitTask("handler2", caseId, "user_inform_caller"),
                Map.of("method", "PHONE", "note", "Told the crisis team visited; call back if worried"));

        JsonNode closed = view("manager1", caseId);
        assertThat(closed.get("state").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("callerInformed").asBoolean()).isTrue();
        assertThat(closed.get("closedAt").isNull()).isFalse();
        assertThat(closed.get("openTasks")).isEmpty();
        assertThat(timelineTypes(closed)).endsWith("CASE_CLOSED");
        JsonNode completion = null;
        for (JsonNode entry : closed.get("timeline")) {
            if ("TASK_COMPLETED".equals(entry.get("type").asText()) && entry.get("actor").asText().equals("mhcrisis1")) {
                completion = entry;
                break;
            }
        }
        assertThat(completion).isNotNull();
        assertThat(completion.get("role").asText()).isEqualTo("mental-health");
        assertThat(completion.get("detail").asText()).contains("Referral accepted");
        assertThat(call("handler1", HttpMethod.POST, "/api/calls/" + caseId + "/updates", Map.of("note", "again"))
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aRejectedReferralIsADisputeTheSupervisorSettlesByReroutingToSocialCare() {
        String caseId = logCall("handler1", welfare(true)).get("id").asText();
        claimAndComplete("handler1", awaitTask("handler1", caseId, "user_assess_threshold"), assessment(false, "Crisis team known"));

        claimAndComplete("mhcrisis1", awaitTask("mhcrisis1", caseId, "user_accept_referral"),
                Map.of("decision", "REJECT", "reasonCode", "NOT_OUR_SERVICE", "note", "Discharged last year"));
        JsonNode escalated = view("supervisor1", caseId);
        assertThat(escalated.get("state").asText()).isEqualTo("ESCALATED");
        assertThat(escalated.get("responsibleAgency").asText()).isEqualTo("POLICE");

        String review = awaitTask("supervisor1", caseId, "user_supervisor_review");
        ResponseEntity<JsonNode> refused = call("supervisor1", HttpMethod.POST, "/api/tasks/" + review + "/claim", null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<JsonNode> noAgency = call("supervisor1", HttpMethod.POST, "/api/tasks/" + review + "/complete",
                Map.of("action", "REROUTE", "note", "Adult social care"));
        assertThat(noAgency.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noAgency.getBody().get("errors").get(0).get("field").asText()).isEqualTo("agency");
        assertThat(call("supervisor1", HttpMethod.POST, "/api/tasks/" + review + "/complete",
                Map.of("action", "REROUTE", "agency", "SOCIAL_CARE", "note", "Agree: adult social care lead")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        String socialAccept = awaitTask("social1", caseId, "user_accept_referral");
        assertThat(view("social1", caseId).get("agency").asText()).isEqualTo("SOCIAL_CARE");
        claimAndComplete("social1", socialAccept, Map.of("decision", "ACCEPT"));
        assertThat(view("handler1", caseId).get("responsibleAgency").asText()).isEqualTo("SOCIAL_CARE");
        assertThat(view("handler1", caseId).get("timeline").toString()).contains("Referral rejected: NOT_OUR_SERVICE",
                "Supervisor decided REROUTE to SOCIAL_CARE");
    }

    @Test
    void fireAndRescueTakesNoReferralsInAForceThatHasNotEnabledIt() {
        assertThat(PageSession.signIn(port, "handler1").get("/calls/new").body()).as("known to: the agencies referred to here")
                .contains("id=\"knownTo-CHILDRENS_SOCIAL_CARE\"").doesNotContain("knownTo-FIRE");
        String caseId = logCall("handler1", welfare(false)).get("id").asText();
        String triage = awaitTask("handler1", caseId, "user_assess_threshold");
        claim("handler1", triage);
        Map<String, Object> toFire = new HashMap<>(assessment(false, "Smoke alarm fitted, person frightened"));
        toFire.put("override", Map.of("route", "REFER", "agency", "FIRE", "reason", "Home fire safety visit"));

        String triagePage = PageSession.signIn(port, "handler1").get("/work/" + triage + "/triage").body();
        assertThat(triagePage).as("the override offers no fire service").contains("value=\"CHILDRENS_SOCIAL_CARE\"")
                .doesNotContain("value=\"FIRE\"");
        ResponseEntity<JsonNode> overrideRefused = call("handler1", HttpMethod.POST, "/api/tasks/" + triage + "/complete", toFire);
        assertFireRefused(overrideRefused, "override.agency");
        assertThat(view("handler1", caseId).get("state").asText()).as("nothing changed").isEqualTo("TRIAGE");

        toFire.put("override", Map.of("route", "REFER", "agency", "CHILDRENS_SOCIAL_CARE", "reason", "Children in the house"));
        assertThat(call("handler1", HttpMethod.POST, "/api/tasks/" + triage + "/complete", toFire).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        claimAndComplete("childsc1", awaitTask("childsc1", caseId, "user_accept_referral"),
                Map.of("decision", "REJECT", "reasonCode", "NOT_OUR_SERVICE", "note", "No children live there"));
        String review = awaitTask("supervisor1", caseId, "user_supervisor_review");
        claim("supervisor1", review);

        String reviewPage = PageSession.signIn(port, "supervisor1").get("/work/" + review).body();
        assertThat(reviewPage).as("the reroute offers no fire service").contains("value=\"CHILDRENS_SOCIAL_CARE\"")
                .doesNotContain("value=\"FIRE\"");
        ResponseEntity<JsonNode> rerouteRefused = call("supervisor1", HttpMethod.POST, "/api/tasks/" + review + "/complete",
                Map.of("action", "REROUTE", "agency", "FIRE", "note", "Fire service home visit"));
        assertFireRefused(rerouteRefused, "agency");
        assertThat(call("supervisor1", HttpMethod.POST, "/api/tasks/" + review + "/complete",
                Map.of("action", "REROUTE", "agency", "SOCIAL_CARE", "note", "Adult social care")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    private static void assertFireRefused(ResponseEntity<JsonNode> refused, String field) {
        assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("message").asText()).isEqualTo("FIRE takes no referrals here: the force has not enabled it");
        });
    }

    /**
     * Response plans, {@code previousContacts}: the other cases about the same person are on the case (police only), newest
     * first, each with how it ended or where it stands and what it matched on; a second call about the person within 24 h
     * is put before the supervisors on the escalations page and journalled on the case; the triage page shows them first.
     */
    @Test
    void previousContactsAboutThePersonAreOnTheCaseAndARepeatWithin24HoursIsPutToTheSupervisors() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // Numbers of this run only, so that calls of earlier runs on the same database are no contacts of these.
        String digits = String.format("%06d", new java.util.Random().nextInt(1_000_000));
        String careHome = "01632 " + digits;
        JsonNode first = logCall("handler1", about("Mary O'Brien " + run, 80, careHome));
        String firstId = first.get("id").asText();
        // The same person spelt otherwise and a year older, from another phone: one person.
        JsonNode second = logCall("handler2", about("  MARY OBRIEN-" + run.toUpperCase() + " ", 81, "07700 " + digits));
        String secondId = second.get("id").asText();
        // Another resident of the care home, from its number: shown, but marked as matched by phone only.
        JsonNode third = logCall("handler1", about("Arthur Jones " + run, 90, "+44 (0)1632 " + digits.substring(0, 3) + " " + digits.substring(3)));
        String thirdId = third.get("id").asText();

        JsonNode secondView = view("handler1", secondId);
        assertThat(secondView.get("previousContacts")).as("the second call's previous contacts").hasSize(1);
        JsonNode contact = secondView.get("previousContacts").get(0);
        assertThat(contact.get("id").asText()).isEqualTo(firstId);
        assertThat(contact.get("reference").asText()).isEqualTo(first.get("reference").asText());
        assertThat(contact.get("loggedAt").asText()).isNotBlank();
        assertThat(contact.get("category").asText()).isEqualTo("CONCERN_FOR_WELFARE");
        assertThat(contact.get("route").isNull()).as("not triaged yet").isTrue();
        assertThat(contact.get("outcome").asText()).as("where it stands").isEqualTo("TRIAGE");
        assertThat(contact.get("matchedBy").asText()).isEqualTo("NAME");

        JsonNode firstView = view("handler1", firstId);
        assertThat(firstView.get("previousContacts")).extracting(entry -> entry.get("id").asText())
                .as("newest first, never itself").containsExactly(thirdId, secondId);
        assertThat(firstView.get("previousContacts").get(0).get("matchedBy").asText()).isEqualTo("PHONE");
        assertThat(firstView.get("previousContacts").get(1).get("matchedBy").asText()).isEqualTo("NAME");
        assertThat(view("handler1", thirdId).get("previousContacts")).extracting(entry -> entry.get("matchedBy").asText())
                .containsExactly("PHONE");

        // How a contact ended: the first call, triaged to advice and closed.
        claimAndComplete("handler1", awaitTask("handler1", firstId, "user_assess_threshold"), assessment(false, "Care home staff reassured"));
        claimAndComplete("handler1", awaitTask("handler1", firstId, "user_inform_caller"), Map.of("method", "PHONE"));
        JsonNode ended = view("handler1", secondId).get("previousContacts").get(0);
        assertThat(ended.get("route").asText()).isEqualTo("ADVICE_AND_CLOSE");
        assertThat(ended.get("outcome").asText()).isEqualTo("ADVICE_GIVEN");

        // The repeat within 24 h: journalled on the case, put to the supervisors with both calls; the phone-only match is not.
        assertThat(timelineTypes(secondView)).contains("REPEAT_CONTACT");
        assertThat(timelineTypes(view("handler1", thirdId))).doesNotContain("REPEAT_CONTACT");
        PageSession supervisor = PageSession.signIn(port, "supervisor1");
        String escalations = supervisor.get("/escalations/live").body();
        assertThat(escalations).contains("Repeat contact within 24 h").contains(second.get("reference").asText())
                .contains(first.get("reference").asText()).doesNotContain(third.get("reference").asText());
        assertThat(supervisor.postForm("/escalations", "/escalations/repeat-contacts/" + secondId + "/seen", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(supervisor.get("/escalations/live").body()).doesNotContain(second.get("reference").asText());
        assertThat(view("handler1", secondId).get("timeline").toString()).contains("REPEAT_CONTACT_SEEN").contains("supervisor1");
        assertThat(PageSession.signIn(port, "handler1").postForm("/work", "/escalations/repeat-contacts/" + thirdId + "/seen", Map.of())
                .statusCode()).as("for supervisors only").isEqualTo(403);

        // The triage page shows them first, with links to the cases.
        String triage = awaitTask("handler1", secondId, "user_assess_threshold");
        assertThat(call("handler1", HttpMethod.POST, "/api/tasks/" + triage + "/claim", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String page = PageSession.signIn(port, "handler1").get("/work/" + triage + "/triage").body();
        assertThat(page).contains("Previous contacts").contains("/cases/" + firstId).contains(first.get("reference").asText());
        assertThat(page.indexOf("Previous contacts")).as("before the threshold questions").isLessThan(page.indexOf("riskToLife"));

        // Partners never see previous contacts: not on a call they log about the person, nor on a referral to them.
        JsonNode partnerLogged = logCall("mhcrisis1", about("Mary O'Brien " + run, 80, null, "MENTAL_HEALTH"));
        assertThat(partnerLogged.has("previousContacts")).isFalse();
        assertThat(partnerLogged.toString()).doesNotContain(first.get("reference").asText()).doesNotContain("REPEAT_CONTACT");
        String referred = partnerLogged.get("id").asText();
        assertThat(view("handler1", referred).get("previousContacts")).hasSize(2);
        claimAndComplete("handler1", awaitTask("handler1", referred, "user_assess_threshold"), assessment(false, "Known to the crisis team"));
        awaitTask("mhcrisis1", referred, "user_accept_referral");
        JsonNode shared = view("mhcrisis1", referred);
        assertThat(shared.get("state").asText()).isEqualTo("REFERRED");
        assertThat(shared.has("previousContacts")).isFalse();
        assertThat(shared.toString()).doesNotContain(first.get("reference").asText()).doesNotContain(second.get("reference").asText())
                .doesNotContain("REPEAT_CONTACT");
        String partnerPage = PageSession.signIn(port, "mhcrisis1").get("/cases/" + referred).body();
        assertThat(partnerPage).as("the shared subject, HTML-escaped").contains("Brien " + run).doesNotContain("Previous contacts")
                .doesNotContain(first.get("reference").asText());
    }

    private static Map<String, Object> about(String name, Integer age, String callerPhone, String... knownTo) {
        Map<String, Object> subject = new java.util.HashMap<>(Map.of("name", name, "knownTo", List.of(knownTo)));
        if (age != null) {
            subject.put("ageYears", age);
        }
        Map<String, Object> call = new java.util.HashMap<>(Map.of("reference", reference(), "source", "PUBLIC_101",
                "category", "CONCERN_FOR_WELFARE", "summary", "Not seen at breakfast", "location", Map.of("description", "Care home", "urban", true),
                "subject", subject));
        if (callerPhone != null) {
            call.put("caller", Map.of("name", "Duty manager", "phone", callerPhone, "relationship", "care home"));
        }
        return call;
    }

    @Test
    void riskToLifeReportedDuringAReferralAddsPoliceAtOnceBesideTheCrisisTeam() {
        String caseId = logCall("handler1", welfare(true)).get("id").asText();
        claimAndComplete("handler1", awaitTask("handler1", caseId, "user_assess_threshold"), assessment(false, "Crisis team known"));
        awaitTask("mhcrisis1", caseId, "user_accept_referral");

        ResponseEntity<JsonNode> update = call("handler2", HttpMethod.POST, "/api/calls/" + caseId + "/updates",
                Map.of("note", "Caller rang back: he is on the roof edge", "riskToLife", true));
        assertThat(update.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        awaitTask("officer1", caseId, "user_attend");
        JsonNode attending = view("officer1", caseId);
        assertThat(attending.get("state").asText()).isEqualTo("POLICE_ATTENDING");
        assertThat(attending.get("grade").asText()).isEqualTo("IMMEDIATE");
        assertThat(attending.get("responsibleAgency").asText()).isEqualTo("POLICE");
        JsonNode handler = view("handler1", caseId);
        assertThat(handler.get("openTasks").toString()).as("the crisis team's referral goes on beside police")
                .contains("user_accept_referral");
        assertThat(timelineTypes(handler)).contains("UPDATE", "POLICE_ADDED");
    }

    @Test
    void aTriageFormFilledInBeforeARiskToLifeUpdateIsRefusedAndNeverRoutesAwayFromPolice() {
        String caseId = logCall("handler1", welfare(true)).get("id").asText();
        String triage = awaitTask("handler1", caseId, "user_assess_threshold");
        claim("handler1", triage);
        // While the handler fills in the form (loaded before it), a colleague records the caller's call-back.
        assertThat(call("handler2", HttpMethod.POST, "/api/calls/" + caseId + "/updates",
                Map.of("note", "Caller rang back: he has a rope", "riskToLife", true)).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String before = caseState(caseId);

        // An API client that says nothing of what it saw: new information since it claimed the task.
        Map<String, Object> stale = assessment(false, "Known to the crisis team; no threat to life");
        ResponseEntity<JsonNode> refused = call("handler1", HttpMethod.POST, "/api/tasks/" + triage + "/complete", stale);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("detail").asText())
                .matches("New information at \\d\\d:\\d\\d: risk to life reported — review it and submit again\\.");
        // The form as the web page sends it: it had seen no new information.
        Map<String, Object> seenNothing = new java.util.HashMap<>(stale);
        seenNothing.put("seenUpdates", 0);
        assertThat(call("handler1", HttpMethod.POST, "/api/tasks/" + triage + "/complete", seenNothing).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(caseState(caseId)).as("nothing changed").isEqualTo(before);
        assertThat(view("handler1", caseId).get("state").asText()).isEqualTo("TRIAGE");

        // Reviewed, and still answered "no risk to life": the raised risk counts all the same.
        Map<String, Object> reviewed = new java.util.HashMap<>(stale);
        reviewed.put("seenUpdates", 1);
        assertThat(call("handler1", HttpMethod.POST, "/api/tasks/" + triage + "/complete", reviewed).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        awaitTask("officer1", caseId, "user_attend");
        JsonNode decided = view("handler1", caseId);
        assertThat(decided.get("route").asText()).isEqualTo("POLICE_ATTEND");
        assertThat(decided.get("grade").asText()).isEqualTo("IMMEDIATE");
        assertThat(decided.get("timeline").toString()).contains("Counted the risk raised by new information during triage: risk to life");
    }

    @Test
    void theTriagePageShowsNewInformationAsItArrivesAndKeepsTheAnswersWhenItRefusesAFormFilledInBeforeIt() {
        String caseId = logCall("handler1", welfare(true)).get("id").asText();
        String triage = awaitTask("handler1", caseId, "user_assess_threshold");
        claim("handler1", triage);
        org.rcrp.handover.support.PageSession page = org.rcrp.handover.support.PageSession.signIn(port, "handler1");
        String form = "/work/" + triage + "/triage";
        String opened = page.get(form).body();
        assertThat(opened).contains("name=\"seenUpdates\" value=\"0\"").contains("id=\"whereaboutsKnown\"")
                .contains("id=\"thriveThreat\"").contains("data-refresh-url=\"/work/" + triage + "/triage/news?seen=0\"");

        assertThat(call("handler2", HttpMethod.POST, "/api/calls/" + caseId + "/updates",
                Map.of("note", "Caller rang back: he has a rope", "riskToLife", true)).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(page.get(form + "/news?seen=0").body()).as("the page's live part, fetched again every few seconds")
                .contains("Caller rang back: he has a rope").contains("risk to life");

        Map<String, String> answers = new java.util.LinkedHashMap<>(Map.of("riskToLife", "false", "seriousHarm", "false",
                "childAtRisk", "false", "crime", "false", "missingPerson", "false", "medicalEmergency", "false",
                "rationale", "Known to the crisis team; calm", "whereaboutsKnown", "true", "callerActions", "Rang his sister",
                "thriveThreat", "No threat made"));
        answers.put("seenUpdates", "0");
        answers.put("lastSeen", "2026-12-01T08:15");
        answers.put("action", "confirm");
        assertThat(page.postForm(form, form, answers).body()).as("Confirm on a page that never showed the recommendation")
                .contains("Nothing was recorded yet").contains("id=\"recommendation\"");
        assertThat(view("handler1", caseId).get("state").asText()).isEqualTo("TRIAGE");
        answers.put("action", "recommend");
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("name=\"shownRecommendation\" id=\"shownRecommendation\" value=\"([0-9a-f]+)\"")
                .matcher(page.postForm(form, form, answers).body());
        assertThat(shown.find()).as("the recommendation shown, signed").isTrue();
        answers.put("shownRecommendation", shown.group(1));
        answers.put("action", "confirm");
        java.net.http.HttpResponse<String> refused = page.postForm(form, form, answers);
        assertThat(refused.statusCode()).as("the page again, not the next one").isEqualTo(200);
        assertThat(refused.body()).contains("review it and submit again").contains("risk to life reported")
                .contains("Known to the crisis team; calm").contains("Rang his sister").contains("No threat made")
                .contains("value=\"2026-12-01T08:15\"").contains("name=\"seenUpdates\" value=\"1\"");
        assertThat(view("handler1", caseId).get("state").asText()).isEqualTo("TRIAGE");

        answers.put("seenUpdates", "1");
        java.net.http.HttpResponse<String> confirmed = page.postForm(form, form, answers);
        assertThat(confirmed.statusCode()).isEqualTo(302);
        awaitTask("officer1", caseId, "user_attend");
        JsonNode decided = view("handler1", caseId);
        assertThat(decided.get("grade").asText()).isEqualTo("IMMEDIATE");
        assertThat(decided.get("assessment").get("callerActions").asText()).isEqualTo("Rang his sister");
        assertThat(decided.get("assessment").get("thrive").get("threat").asText()).isEqualTo("No threat made");
        assertThat(java.time.Instant.parse(decided.get("assessment").get("lastSeen").asText()))
                .as("the time typed is the force's").isEqualTo(java.time.Instant.parse("2026-12-01T08:15:00Z"));
    }

    @Test
    void newInformationAndATaskCompletionOnTheSameCaseWaitForEachOther() throws Exception {
        String caseId = logCall("handler1", welfare(true)).get("id").asText();
        String triage = awaitTask("handler1", caseId, "user_assess_threshold");
        claim("handler1", triage);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> change = pool.submit(() -> transaction.executeWithoutResult(status -> {
            callRepository.lockForChange(caseId);
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

        Future<HttpStatus> update = pool.submit(() -> HttpStatus.valueOf(call("handler2", HttpMethod.POST,
                "/api/calls/" + caseId + "/updates", Map.of("note", "He has a rope", "riskToLife", true)).getStatusCode().value()));
        Future<HttpStatus> completion = pool.submit(() -> HttpStatus.valueOf(call("handler1", HttpMethod.POST,
                "/api/tasks/" + triage + "/complete", assessment(false, "Crisis team known")).getStatusCode().value()));
        // Both are in the database, each waiting for the row lock the change in hand holds.
        await("the update and the completion waiting for the case's lock").atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND wait_event_type = 'Lock' AND query ILIKE '%rcrp_call%'", Integer.class) >= 2);
        assertThat(update.isDone()).as("the update waits for the change in hand").isFalse();
        assertThat(completion.isDone()).as("so does the completion").isFalse();

        release.countDown();
        change.get(10, TimeUnit.SECONDS);
        assertThat(update.get(30, TimeUnit.SECONDS)).isEqualTo(HttpStatus.ACCEPTED);
        HttpStatus completed = completion.get(30, TimeUnit.SECONDS);
        // Whichever went first, the risk to life is never lost: refused as stale, or counted in the decision.
        if (completed == HttpStatus.NO_CONTENT) {
            awaitTask("officer1", caseId, "user_attend");
            assertThat(view("handler1", caseId).get("grade").asText()).isEqualTo("IMMEDIATE");
        } else {
            assertThat(completed).isEqualTo(HttpStatus.CONFLICT);
            assertThat(view("handler1", caseId).get("state").asText()).isEqualTo("TRIAGE");
        }
    }

    @Test
    void anAwolWhosePowerToRetakeHasLapsedIsRefusedNeverReferredToTheTrustAsARetake() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        long calls = jdbc.queryForObject("SELECT count(*) FROM rcrp_call", Long.class);
        Map<String, Object> lapsed = Map.of("reference", reference(), "source", "PARTNER", "category", "AWOL",
                "summary", "s2 patient absent from ward", "awol", Map.of("mhaSection", "s2",
                        "retakeExpiry", today.minusDays(1).toString(), "hospitalSearched", true));

        ResponseEntity<JsonNode> refused = call("handler1", HttpMethod.POST, "/api/calls", lapsed);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("errors")).hasSize(1);
        assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("awol.retakeExpiry");
        assertThat(refused.getBody().get("errors").get(0).get("message").asText())
                .contains("lapsed", "s18(4)", "concern for welfare", "missing person");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rcrp_call", Long.class)).as("nothing logged").isEqualTo(calls);

        // The web form says the same next to the date, and keeps what was typed.
        RawHttp web = new RawHttp("127.0.0.1", port);
        String session = signIn(web, "handler1");
        RawHttp.Response form = web.send("GET", "/calls/new", Map.of("Cookie", session), null);
        RawHttp.Response posted = web.send("POST", "/calls", form(session), "reference=" + reference()
                + "&source=PARTNER&category=AWOL&summary=Absent+from+ward&awol.mhaSection=s2&awol.retakeExpiry="
                + today.minusDays(1) + "&_csrf=" + form.csrf());
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.body()).contains("power to retake has lapsed").contains("value=\"" + today.minusDays(1) + "\"");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rcrp_call", Long.class)).isEqualTo(calls);

        // An expiry of today is still a retake.
        Map<String, Object> lastDay = new java.util.HashMap<>(lapsed);
        lastDay.put("reference", reference());
        lastDay.put("awol", Map.of("mhaSection", "s2", "retakeExpiry", today.toString(), "hospitalSearched", true));
        assertThat(logCall("handler1", lastDay).get("awol").get("retakeExpiry").asText()).isEqualTo(today.toString());
    }

    @Test
    void aWalkOutAndAnAwolKeepTheirDetailsPoliceSeeThemThePartnerWhatItNeedsAndTheProcessTheCodes() {
        // An Instant always prints its seconds; an OffsetDateTime on a whole minute prints none ("…T11:56Z"), which
        // Instant.parse below refuses: one run in sixty failed.
        String lastSeen = java.time.Instant.now().minus(java.time.Duration.ofMinutes(40))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String walkout = logCall("handler1", Map.of("reference", reference(), "source", "PARTNER", "category", "WALKOUT",
                "summary", "Left A&E before assessment", "subject", Map.of("name", "P Walker", "ageYears", 30),
                "walkout", Map.of("setting", "EMERGENCY_DEPARTMENT", "detained", false, "riskAssessmentGiven", true,
                        "description", "Tall, grey hoodie, limping; said he would go to the river", "lastSeen", lastSeen,
                        "capacityConcern", true))).get("id").asText();
        JsonNode police = view("handler1", walkout).get("walkout");
        assertThat(police.get("setting").asText()).isEqualTo("EMERGENCY_DEPARTMENT");
        assertThat(police.get("detained").asBoolean()).isFalse();
        assertThat(police.get("riskAssessmentGiven").asBoolean()).isTrue();
        assertThat(police.get("capacityConcern").asBoolean()).isTrue();
        assertThat(police.get("description").asText()).contains("grey hoodie");
        assertThat(java.time.Instant.parse(police.get("lastSeen").asText())).isEqualTo(java.time.Instant.parse(lastSeen));
        Map<String, Object> variables = runtimeService.getVariables(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(walkout).processDefinitionKey("rcrp-call").singleResult().getId());
        assertThat(variables).containsEntry("walkoutSetting", "EMERGENCY_DEPARTMENT").containsEntry("walkoutDetained", false)
                .containsEntry("walkoutRiskAssessmentGiven", true).containsEntry("walkoutCapacityConcern", true);
        assertThat(variables.values()).as("the description is a person's words: not the engine's")
                .noneMatch(value -> String.valueOf(value).contains("hoodie"));

        claimAndComplete("handler1", awaitTask("handler1", walkout, "user_assess_threshold"), assessment(false, "Setting searched"));
        awaitTask("hospital1", walkout, "user_accept_referral");
        JsonNode shared = view("hospital1", walkout).get("walkout");
        assertThat(shared.get("setting").asText()).isEqualTo("EMERGENCY_DEPARTMENT");
        assertThat(shared.get("description").asText()).contains("grey hoodie");
        assertThat(java.time.Instant.parse(shared.get("lastSeen").asText())).isEqualTo(java.time.Instant.parse(lastSeen));
        assertThat(shared.get("detained").isNull()).as("police's own considerations are not shared").isTrue();
        assertThat(shared.get("riskAssessmentGiven").isNull()).isTrue();
        assertThat(shared.get("capacityConcern").isNull()).isTrue();

        String awol = logCall("handler1", Map.of("reference", reference(), "source", "PARTNER", "category", "AWOL",
                "summary", "Did not return from leave", "awol", Map.of("mhaSection", "s3", "retakeExpiry", "2099-01-01",
                        "kind", "FAILED_TO_RETURN", "hospitalSearched", false))).get("id").asText();
        assertThat(view("handler1", awol).get("awol").get("kind").asText()).isEqualTo("FAILED_TO_RETURN");
        assertThat(runtimeService.getVariables(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(awol)
                .processDefinitionKey("rcrp-call").singleResult().getId())).containsEntry("awolKind", "FAILED_TO_RETURN")
                .containsEntry("walkoutSetting", null);

        ResponseEntity<JsonNode> future = call("handler1", HttpMethod.POST, "/api/calls", Map.of("reference", reference(),
                "source", "PARTNER", "category", "WALKOUT", "summary", "Left the ward",
                "walkout", Map.of("lastSeen", java.time.OffsetDateTime.now().plusHours(2).toString())));
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(future.getBody().get("errors").get(0).get("field").asText()).isEqualTo("walkout.lastSeen");
    }

    @Test
    void everyCategoryFindsItsRoute() {
        String walkout = logCall("handler1", Map.of("reference", reference(), "source", "PARTNER", "category", "WALKOUT",
                "summary", "Left A&E before assessment", "subject", Map.of("ageYears", 30))).get("id").asText();
        claimAndComplete("handler1", awaitTask("handler1", walkout, "user_assess_threshold"), assessment(false, "Hospital searched"));
        awaitTask("hospital1", walkout, "user_accept_referral");
        assertThat(view("handler1", walkout).get("agency").asText()).isEqualTo("HEALTHCARE_SETTING");

        String medical = logCall("handler1", Map.of("reference", reference(), "source", "PUBLIC_999", "category", "MEDICAL",
                "summary", "Fall at home")).get("id").asText();
        claimAndComplete("handler1", awaitTask("handler1", medical, "user_assess_threshold"), assessment(false, "Needs paramedics"));
        awaitTask("ambulance1", medical, "user_accept_referral");

        String awol = logCall("handler1", Map.of("reference", reference(), "source", "PARTNER", "category", "AWOL",
                "summary", "s3 patient absent from ward", "awol", Map.of("mhaSection", "s3", "retakeExpiry", "2027-02-01",
                        "partThree", true, "hospitalSearched", true))).get("id").asText();
        claimAndComplete("handler1", awaitTask("handler1", awol, "user_assess_threshold"), assessment(false, "Part III patient"));
        awaitTask("officer1", awol, "user_attend");
        assertThat(view("handler1", awol).get("awol").get("retakeExpiry").asText()).isEqualTo("2027-02-01");

        assertThat(runtimeService.getVariables(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(awol)
                .processDefinitionKey("rcrp-call").singleResult().getId()))
                .as("what the trust said of its search reaches the case process")
                .containsEntry("awolHospitalSearched", true).containsEntry("awolPartThree", true);

        String s136 = logCall("officer1", Map.of("reference", reference(), "source", "PUBLIC_999", "category", "S136_HANDOVER",
                "summary", "Arrived at the s136 suite")).get("id").asText();
        assertThat(view("officer1", s136).get("state").asText()).isEqualTo("HANDOVER");
        // Logged without the arrival: officers record it before the hour can start.
        claimAndComplete("officer1", awaitTask("officer1", s136, "user_record_arrival"), Map.of("arrivedAt",
                java.time.Instant.now().minusSeconds(120).toString(), "placeOfSafety", "HEALTH_BASED", "conveyance", "AMBULANCE"));
        claimAndComplete("hospital1", awaitTask("hospital1", s136, "user_accept_handover"), Map.of("note", "Accepted by the nurse"));
        assertThat(view("officer1", s136).get("responsibleAgency").asText()).isEqualTo("HOSPITAL");
        JsonNode handedOver = view("hospital1", s136);
        assertThat(handedOver.get("responsibleAgency").asText()).as("the hospital holds the person until the assessment ends")
                .isEqualTo("HOSPITAL");
        assertThat(handedOver.get("timeline").toString()).contains("Handover accepted — Accepted by the nurse");
        claimAndComplete("hospital1", awaitTask("hospital1", s136, "user_complete_assessment"), Map.of("outcome", "DISCHARGED"));
        assertThat(view("hospital1", s136).get("responsibleAgency").isNull())
                .as("its part has ended: what it recorded, nothing more").isTrue();

        String other = logCall("handler1", Map.of("reference", reference(), "source", "PUBLIC_101", "category", "OTHER",
                "summary", "Asks about a parking fine")).get("id").asText();
        claimAndComplete("handler1", awaitTask("handler1", other, "user_assess_threshold"), assessment(false, "Not police business"));
        claimAndComplete("handler1", awaitTask("handler1", other, "user_inform_caller"), Map.of("method", "SMS"));
        assertThat(view("handler1", other).get("state").asText()).isEqualTo("CLOSED");
        assertThat(view("handler1", other).get("route").asText()).isEqualTo("ADVICE_AND_CLOSE");
    }

    @Test
    void otherAgenciesCannotSeeOrTouchACase() {
        String caseId = logCall("handler1", welfare(true)).get("id").asText();
        claimAndComplete("handler1", awaitTask("handler1", caseId, "user_assess_threshold"), assessment(false, "Crisis team known"));
        String accept = awaitTask("mhcrisis1", caseId, "user_accept_referral");

        assertThat(call("social1", HttpMethod.GET, "/api/calls/" + caseId, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call("social1", HttpMethod.GET, "/api/tasks", null).getBody().toString()).doesNotContain(accept);
        ResponseEntity<JsonNode> claim = call("social1", HttpMethod.POST, "/api/tasks/" + accept + "/claim", null);
        assertThat(claim.getStatusCode()).as("another agency's task answers like a missing one").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(claim.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        String missing = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> claimMissing = call("social1", HttpMethod.POST, "/api/tasks/" + missing + "/claim", null);
        assertThat(claimMissing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(claim.getBody().get("detail").asText().replace(accept, "ID"))
                .isEqualTo(claimMissing.getBody().get("detail").asText().replace(missing, "ID"));
        assertThat(call("social1", HttpMethod.POST, "/api/tasks/" + accept + "/complete",
                Map.of("decision", "ACCEPT")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call("social1", HttpMethod.GET, "/api/calls", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/calls/" + caseId, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void managersReadCasesButChangeNothingThroughTheApiFhirOrTheForms() throws Exception {
        String caseId = logCall("handler1", welfare(true)).get("id").asText();
        claimAndComplete("handler1", awaitTask("handler1", caseId, "user_assess_threshold"), assessment(false, "Crisis team known"));
        String accept = awaitTask("mhcrisis1", caseId, "user_accept_referral");
        String before = caseState(caseId);
        long calls = jdbc.queryForObject("SELECT count(*) FROM rcrp_call", Long.class);

        assertThat(view("manager1", caseId).get("id").asText()).as("managers read cases").isEqualTo(caseId);
        ResponseEntity<JsonNode> raised = call("manager1", HttpMethod.POST, "/api/calls/" + caseId + "/updates",
                Map.of("note", "He has a knife", "riskToLife", true));
        assertThat(raised.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(raised.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(raised.getBody().get("detail").asText()).isEqualTo(Actor.READ_ONLY);
        assertThat(call("manager1", HttpMethod.POST, "/api/calls", welfare(false)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("manager1", HttpMethod.GET, "/api/tasks?scope=available", null).getBody().findValuesAsText("key"))
                .as("no work on a case is a manager's: only the second-person quality review of a closed one")
                .allMatch("user_quality_review"::equals);
        for (String action : List.of("claim", "unclaim", "complete")) {
            ResponseEntity<JsonNode> refused = call("manager1", HttpMethod.POST, "/api/tasks/" + accept + "/" + action,
                    Map.of("decision", "ACCEPT", "note", "Managers accept"));
            assertThat(refused.getStatusCode()).as(action).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        HttpHeaders fhir = new HttpHeaders();
        fhir.setContentType(MediaType.parseMediaType("application/fhir+json"));
        assertThat(http.withBasicAuth("manager1", "manager1").exchange("/fhir/Task/" + accept, HttpMethod.PUT, new HttpEntity<>(
                Map.of("resourceType", "Task", "id", accept, "status", "accepted", "intent", "order"), fhir), String.class)
                .getStatusCode()).as("FHIR: not a Task for the manager's agency").isEqualTo(HttpStatus.NOT_FOUND);

        // The web forms: signed in as manager1 through the sign-in form, with a valid CSRF token.
        RawHttp web = new RawHttp("127.0.0.1", port);
        String session = signIn(web, "manager1");
        RawHttp.Response page = web.send("GET", "/cases/" + caseId, Map.of("Cookie", session), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("id=\"add-information\"").contains("Managers read cases");
        String csrf = page.csrf();
        RawHttp.Response update = web.send("POST", "/cases/" + caseId + "/updates", form(session),
                "note=Knife&riskToLife=true&_csrf=" + csrf);
        assertThat(update.status()).isEqualTo(403);
        RawHttp.Response logged = web.send("POST", "/calls", form(session),
                "reference=" + reference() + "&source=PUBLIC_999&category=OTHER&summary=Manager&_csrf=" + csrf);
        assertThat(logged.status()).isEqualTo(403);
        web.send("POST", "/work/" + accept + "/claim", form(session), "_csrf=" + csrf);

        assertThat(caseState(caseId)).as("journal, tasks and holders as they were").isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rcrp_call", Long.class)).isEqualTo(calls);
    }

    @Test
    void aPartnerPostingAReferenceInUseLearnsNothingOfTheCase() throws Exception {
        Map<String, Object> call = welfare(false);
        String caseId = logCall("handler1", call).get("id").asText();
        String before = caseState(caseId);
        long calls = jdbc.queryForObject("SELECT count(*) FROM rcrp_call", Long.class);

        ResponseEntity<JsonNode> reposted = call("social1", HttpMethod.POST, "/api/calls", call);
        assertThat(reposted.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(reposted.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reposted.getHeaders().getLocation()).isNull();
        assertThat(reposted.getBody().get("detail").asText()).isEqualTo("This reference is already in use");
        assertThat(reposted.getBody().toString()).doesNotContain(caseId).doesNotContain("J Smith").doesNotContain("Neighbour");
        ResponseEntity<JsonNode> again = call("handler2", HttpMethod.POST, "/api/calls", call);
        assertThat(again.getStatusCode()).as("police may read it: the known case").isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("id").asText()).isEqualTo(caseId);

        // The same through the web form: no redirect to the case (its address is its id), an error on the reference.
        RawHttp web = new RawHttp("127.0.0.1", port);
        String session = signIn(web, "social1");
        RawHttp.Response form = web.send("GET", "/calls/new", Map.of("Cookie", session), null);
        RawHttp.Response posted = web.send("POST", "/calls", form(session), "reference=" + call.get("reference")
                + "&source=PARTNER&category=CONCERN_FOR_WELFARE&summary=Same+reference&_csrf=" + form.csrf());
        assertThat(posted.first("Location")).as("no redirect to the case").isNull();
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.body()).contains("already in use").doesNotContain(caseId);

        String unknown = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> missing = call("handler1", HttpMethod.GET, "/api/calls/" + unknown, null);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody().get("detail").asText()).doesNotContain(unknown);
        assertThat(caseState(caseId)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rcrp_call", Long.class)).isEqualTo(calls);
    }

    /** The case's journal and its open tasks with their holders. */
    private String caseState(String caseId) {
        return jdbc.queryForList("SELECT type || ':' || actor FROM rcrp_case_event WHERE case_id = ? ORDER BY id", String.class, caseId)
                + " " + jdbc.queryForList("SELECT t.id_ || ':' || coalesce(t.assignee_, '-') || ':' || t.rev_ FROM act_ru_task t "
                + "JOIN act_ru_execution p ON p.id_ = t.proc_inst_id_ WHERE p.business_key_ = ? ORDER BY t.id_", String.class, caseId);
    }

    private static Map<String, String> form(String session) {
        return Map.of("Cookie", session, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html");
    }

    /** Signs in through the demo sign-in form; the session cookie to send from then on. */
    private static String signIn(RawHttp web, String user) throws Exception {
        RawHttp.Response login = web.send("GET", "/login", Map.of(), null);
        String cookie = login.sessionCookie().split(";")[0];
        RawHttp.Response signedIn = web.send("POST", "/login", form(cookie),
                "username=" + user + "&password=" + user + "&_csrf=" + login.csrf());
        assertThat(signedIn.first("Location")).endsWith("/work");
        return signedIn.sessionCookie().split(";")[0];
    }

    @Test
    void duplicateReferencesRacingInGiveOneCase() throws Exception {
        Map<String, Object> body = welfare(false);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<JsonNode>>> responses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String user = i % 2 == 0 ? "handler1" : "handler2";
            responses.add(pool.submit(() -> {
                start.await();
                return call(user, HttpMethod.POST, "/api/calls", body);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (Future<ResponseEntity<JsonNode>> response : responses) {
            ResponseEntity<JsonNode> result = response.get(60, TimeUnit.SECONDS);
            statuses.add(result.getStatusCode().value());
            ids.add(result.getBody().get("id").asText());
        }
        assertThat(statuses).containsOnly(201, 200).filteredOn(status -> status == 201).hasSize(1);
        assertThat(ids).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from rcrp_call where reference = ?", Integer.class, body.get("reference")))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from act_hi_procinst where business_key_ = ?", Integer.class, ids.iterator().next()))
                .isEqualTo(1);
    }

    @Test
    void twentyCallHandlersRacingForOneTaskLeaveExactlyOneHolder() throws Exception {
        String caseId = logCall("handler1", welfare(false)).get("id").asText();
        String taskId = awaitTask("handler1", caseId, "user_assess_threshold");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Actor handler = new Actor("racer" + i, Set.of("call-handlers"));
            Callable<String> claim = () -> {
                start.await();
                try {
                    taskFacade.claim(taskId, handler);
                    return "won";
                } catch (TaskProblem problem) {
                    return problem.kind().name();
                }
            };
            outcomes.add(pool.submit(claim));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get(60, TimeUnit.SECONDS));
        }
        assertThat(results).filteredOn("won"::equals).hasSize(1);
        assertThat(results).filteredOn(result -> !"won".equals(result)).containsOnly("CONFLICT");
        String holder = view("handler1", caseId).get("openTasks").get(0).get("assignee").asText();
        assertThat(holder).startsWith("racer");

        // Over HTTP the losers get 409 problem+json, never 500.
        String second = logCall("handler1", welfare(false)).get("id").asText();
        String task = awaitTask("handler1", second, "user_assess_threshold");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> claims = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String user = i % 2 == 0 ? "handler1" : "handler2";
            claims.add(pool.submit(() -> {
                go.await();
                return call(user, HttpMethod.POST, "/api/tasks/" + task + "/claim", null).getStatusCode().value();
            }));
        }
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> claim : claims) {
            codes.add(claim.get(60, TimeUnit.SECONDS));
        }
        assertThat(codes).containsOnly(204, 409).contains(204);
    }
}
