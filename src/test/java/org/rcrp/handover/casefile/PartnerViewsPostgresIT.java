package org.rcrp.handover.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.support.ApiCalls;
import org.rcrp.handover.support.PageSession;
import org.rcrp.handover.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * What each partner agency sees of a case, walked over HTTP with the demo users through every way a referral ends:
 * accepted then completed, rejected then rerouted to another agency, cancelled by raised risk (police sent), closed by
 * the supervisor, and an s136 handover. Every other actor writes something no one else writes (the handler's
 * rationale, an inform-caller note naming the caller and their number, the supervisor's note, another agency's note,
 * updates), and after each step every partner's whole answer is searched for the caller's details and for what anyone
 * but its own agency wrote. While its referral is open a partner sees the shared fields and its referral's events; once
 * it has ended, only what its own agency wrote (404 when nothing). Its reads are journalled once a day.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {TestDatabase.DB_URL})
@ActiveProfiles("postgres")
// One engine on the database at a time: a cached context's job executor would run this test's jobs with its own clocks.
@DirtiesContext
class PartnerViewsPostgresIT {

    private static final Map<String, String> PARTNERS = Map.of("mhcrisis1", "mental-health", "ambulance1", "ambulance",
            "social1", "social-care", "childsc1", "childrens-social-care", "hospital1", "hospital-liaison");
    private static final String POLICE = "police";
    private static final String CALLER_NAME = "Cecily Callerton";
    private static final String CALLER_PHONE = "07700 900461";
    private static final String CALLER_RELATIONSHIP = "Sister-in-law";

    /** What a partner may see of a case: nothing (404), the shared fields with its referral, or its own entries only. */
    enum Access { NONE, SHARED, OWN }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private ApiCalls api;
    /** Per case, what each writer (a partner's group, or police) wrote on it so far. */
    private final Map<String, Map<String, List<String>>> written = new HashMap<>();
    /** Per case of this run, its reference. */
    private final Map<String, String> references = new LinkedHashMap<>();

    @BeforeEach
    void client() {
        api = new ApiCalls(http);
    }

    // ---- the walks ----

    @Test
    void acceptedThenCompleted() {
        logCall("SOCIAL_CARE"); // an earlier call about the same person: a previous contact for police, nothing for a partner
        String caseId = logCall("MENTAL_HEALTH");
        triage(caseId, null);
        Map<String, Access> access = Map.of("mhcrisis1", Access.SHARED);
        check("referred to the crisis team", caseId, access);

        informCaller(caseId);
        update(caseId, "handler2", POLICE);
        check("caller informed, police added information", caseId, access);

        String accept = api.awaitTask("mhcrisis1", caseId, "user_accept_referral");
        api.claimAndComplete("mhcrisis1", accept, Map.of("decision", "ACCEPT", "note", wrote(caseId, "mental-health", "accepted")));
        update(caseId, "mhcrisis1", "mental-health");
        check("accepted, the crisis team added information", caseId, access);
        JsonNode shared = view("mhcrisis1", caseId);
        assertThat(shared.get("responsibleAgency").asText()).isEqualTo("MENTAL_HEALTH");
        assertThat(shared.get("timeline").toString()).as("police's update shows as a line without its text")
                .contains("New information recorded by police");

        api.claimAndComplete("mhcrisis1", api.awaitTask("mhcrisis1", caseId, "user_record_partner_outcome"),
                Map.of("outcome", "ASSESSED", "note", wrote(caseId, "mental-health", "outcome")));
        check("outcome recorded: the referral has ended", caseId, Map.of("mhcrisis1", Access.OWN));
        readsAreJournalledOncePerDay(caseId);
    }

    @Test
    void rejectedThenReroutedToAnotherAgency() {
        // Known to adult social care only: a case known to the crisis team too would keep it on the plan beside the lead.
        String caseId = logCall("SOCIAL_CARE");
        triage(caseId, "SOCIAL_CARE");
        check("overridden to social care", caseId, Map.of("social1", Access.SHARED));

        api.claimAndComplete("social1", api.awaitTask("social1", caseId, "user_accept_referral"),
                Map.of("decision", "REJECT", "reasonCode", "NOT_OUR_SERVICE", "note", wrote(caseId, "social-care", "rejected")));
        check("social care rejected", caseId, Map.of("social1", Access.OWN));

        api.claimAndComplete("supervisor1", api.awaitTask("supervisor1", caseId, "user_supervisor_review"),
                Map.of("action", "REROUTE", "agency", "AMBULANCE", "note", wrote(caseId, POLICE, "supervisor rerouted")));
        api.awaitTask("ambulance1", caseId, "user_accept_referral");
        check("rerouted to the ambulance service", caseId, Map.of("social1", Access.OWN, "ambulance1", Access.SHARED));
        String ambulanceTimeline = view("ambulance1", caseId).get("timeline").toString();
        assertThat(ambulanceTimeline).as("its own referral's events").contains("Partner referral to AMBULANCE", "Accept referral")
                .as("not social care's referral").doesNotContain("SOCIAL_CARE").doesNotContain("social-care")
                .as("nor the triage").doesNotContain("Assess threshold");

        api.claimAndComplete("ambulance1", api.awaitTask("ambulance1", caseId, "user_accept_referral"),
                Map.of("decision", "ACCEPT", "note", wrote(caseId, "ambulance", "patient on clozapine")));
        informCaller(caseId);
        Map<String, Access> access = Map.of("social1", Access.OWN, "ambulance1", Access.SHARED);
        check("the ambulance service accepted", caseId, access);

        // The pages say the same: the ambulance service's case page, and social care's now that its part has ended.
        String ambulancePage = PageSession.signIn(port, "ambulance1").get("/cases/" + caseId).body();
        assertThat(ambulancePage).contains("Summary-" + run).contains(written(caseId, "ambulance").get(0));
        assertNothingForbidden("ambulance1 case page", caseId, "ambulance", ambulancePage);
        PageSession social = PageSession.signIn(port, "social1");
        for (String page : List.of("/cases/" + caseId, "/cases/" + caseId + "/live")) {
            HttpResponse<String> ended = social.get(page);
            assertThat(ended.statusCode()).isEqualTo(200);
            assertThat(ended.body()).contains(written(caseId, "social-care").get(0)).doesNotContain("Summary-" + run)
                    .doesNotContain("Location-" + run).doesNotContain("Subject-" + run);
            assertNothingForbidden("social1 " + page, caseId, "social-care", ended.body());
        }
        assertThat(PageSession.signIn(port, "hospital1").get("/cases/" + caseId).statusCode()).isEqualTo(404);

        // FHIR: the ended referral keeps social care's own decision and nothing of the case.
        String socialTask = fhirTaskOfCase("social1", "social-care", caseId);
        assertThat(socialTask).contains("\"rejected\"").contains(written(caseId, "social-care").get(0))
                .doesNotContain("Summary-" + run).doesNotContain("Location-" + run).doesNotContain("Subject-" + run);
        assertNothingForbidden("social care's FHIR Task", caseId, "social-care", socialTask);
        assertThat(fhirTaskOfCase("ambulance1", "ambulance", caseId)).contains("Summary-" + run);
        readsAreJournalledOncePerDay(caseId);
    }

    @Test
    void childrensSocialCareWorksItsOwnReferralsNotAdultSocialCares() {
        String caseId = logCall("CHILDRENS_SOCIAL_CARE");
        triage(caseId, "CHILDRENS_SOCIAL_CARE");
        check("referred to children's social care", caseId, Map.of("childsc1", Access.SHARED));
        String accept = api.awaitTask("childsc1", caseId, "user_accept_referral");
        assertThat(api.taskOf("social1", caseId, "user_accept_referral")).as("not in adult social care's queue").isEmpty();
        assertThat(api.call("social1", HttpMethod.POST, "/api/tasks/" + accept + "/claim", null).getStatusCode())
                .as("adult social care cannot take it").isEqualTo(HttpStatus.NOT_FOUND);

        api.claimAndComplete("childsc1", accept,
                Map.of("decision", "ACCEPT", "note", wrote(caseId, "childrens-social-care", "duty social worker visiting")));
        check("children's social care accepted", caseId, Map.of("childsc1", Access.SHARED));
        assertThat(view("childsc1", caseId).get("responsibleAgency").asText()).isEqualTo("CHILDRENS_SOCIAL_CARE");
        assertThat(fhirTaskOfCase("childsc1", "childrens-social-care", caseId)).contains("\"accepted\"")
                .contains("Children's social care").contains("Summary-" + run);

        String adultCase = logCall("SOCIAL_CARE");
        triage(adultCase, "SOCIAL_CARE");
        check("referred to adult social care", adultCase, Map.of("social1", Access.SHARED));
        String adultAccept = api.awaitTask("social1", adultCase, "user_accept_referral");
        assertThat(api.taskOf("childsc1", adultCase, "user_accept_referral")).as("not in children's social care's queue").isEmpty();
        assertThat(api.call("childsc1", HttpMethod.POST, "/api/tasks/" + adultAccept + "/claim", null).getStatusCode())
                .as("children's social care cannot take it").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void raisedRiskAddsPoliceAndTheCrisisTeamKeepsItsReferral() {
        String caseId = logCall("MENTAL_HEALTH");
        triage(caseId, null);
        api.awaitTask("mhcrisis1", caseId, "user_accept_referral");
        check("referred to the crisis team", caseId, Map.of("mhcrisis1", Access.SHARED));

        ResponseEntity<JsonNode> raised = api.call("handler2", HttpMethod.POST, "/api/calls/" + caseId + "/updates",
                Map.of("note", wrote(caseId, POLICE, CALLER_NAME + " rang back: he has a knife"), "riskToLife", true));
        assertThat(raised.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        api.awaitTask("officer1", caseId, "user_attend");
        check("police added: the crisis team's referral goes on beside them", caseId, Map.of("mhcrisis1", Access.SHARED));
    }

    @Test
    void closedByTheSupervisor() {
        String caseId = logCall("SOCIAL_CARE");
        triage(caseId, null);
        informCaller(caseId);
        check("referred to social care", caseId, Map.of("social1", Access.SHARED));

        api.claimAndComplete("social1", api.awaitTask("social1", caseId, "user_accept_referral"),
                Map.of("decision", "REJECT", "reasonCode", "OTHER", "note", wrote(caseId, "social-care", "known, no role")));
        api.claimAndComplete("supervisor1", api.awaitTask("supervisor1", caseId, "user_supervisor_review"),
                Map.of("action", "CLOSE", "note", wrote(caseId, POLICE, "supervisor closed")));
        check("closed by the supervisor", caseId, Map.of("social1", Access.OWN));
    }

    @Test
    void anS136Handover() {
        String caseId = logCall("MENTAL_HEALTH");
        api.claimAndComplete("handler1", api.awaitTask("handler1", caseId, "user_assess_threshold"),
                ApiCalls.assessment(true, wrote(caseId, POLICE, "handler: threat to jump")));
        api.claimAndComplete("officer1", api.awaitTask("officer1", caseId, "user_attend"),
                Map.of("outcome", "S136_DETENTION", "note", wrote(caseId, POLICE, "officer detained")));
        api.claimAndComplete("officer1", api.awaitTask("officer1", caseId, "user_record_arrival"),
                Map.of("arrivedAt", java.time.Instant.now().minusSeconds(60).toString(), "placeOfSafety", "HEALTH_BASED",
                        "note", wrote(caseId, POLICE, "officer arrived")));
        String handover = api.awaitTask("hospital1", caseId, "user_accept_handover");
        update(caseId, "handler1", POLICE);
        check("at the place of safety", caseId, Map.of("hospital1", Access.SHARED));

        api.claimAndComplete("hospital1", handover, Map.of("note", wrote(caseId, "hospital-liaison", "handed over")));
        // The detention goes on until the assessment ends: the hospital still sees the shared case
        check("handed over", caseId, Map.of("hospital1", Access.SHARED));
        api.claimAndComplete("hospital1", api.awaitTask("hospital1", caseId, "user_complete_assessment"),
                Map.of("outcome", "DISCHARGED", "note", wrote(caseId, "hospital-liaison", "assessment ended")));
        check("assessment ended", caseId, Map.of("hospital1", Access.OWN));
    }

    // ---- what every partner sees ----

    private void check(String step, String caseId, Map<String, Access> access) {
        PARTNERS.forEach((partner, group) -> {
            Access expected = access.getOrDefault(partner, Access.NONE);
            String as = step + ": " + partner + " (" + expected + ")";
            ResponseEntity<String> response = http.withBasicAuth(partner, partner).getForEntity("/api/calls/" + caseId, String.class);
            String body = response.getBody();
            assertNothingForbidden(as, caseId, group, body);
            if (expected == Access.NONE) {
                assertThat(response.getStatusCode()).as(as).isEqualTo(HttpStatus.NOT_FOUND);
                return;
            }
            assertThat(response.getStatusCode()).as(as).isEqualTo(HttpStatus.OK);
            JsonNode view = read(body);
            assertThat(view.has("caller")).as(as).isFalse();
            assertThat(view.has("previousContacts")).as(as + ": the other calls about the person are police's").isFalse();
            assertThat(view.get("rationale").isNull()).as(as + ": the triage rationale").isTrue();
            assertThat(view.get("recommendation").isNull()).as(as).isTrue();
            if (expected == Access.SHARED) {
                assertThat(view.get("summary").asText()).as(as).isEqualTo("Summary-" + run + ": not seen for two days");
                assertThat(view.get("subject").get("name").asText()).as(as).isEqualTo("Subject-" + run);
            } else {
                for (String field : List.of("summary", "location", "subject", "state", "route", "agency", "responsibleAgency")) {
                    assertThat(view.get(field).isNull()).as(as + ": " + field).isTrue();
                }
                assertThat(view.get("openTasks")).as(as).isEmpty();
                assertThat(view.get("timeline")).as(as + ": its own entries").isNotEmpty()
                        .allSatisfy(entry -> assertThat(entry.get("role").asText()).as(as + ": " + entry).contains(group));
                written(caseId, group).forEach(own -> assertThat(body).as(as + ": what it wrote").contains(own));
            }
            if (expected != Access.SHARED) {
                ResponseEntity<String> refused = http.withBasicAuth(partner, partner).exchange("/api/calls/" + caseId + "/updates",
                        HttpMethod.POST, jsonBody(Map.of("note", "Partner update after its part ended " + run)), String.class);
                assertThat(refused.getStatusCode()).as(as + ": adding information").isEqualTo(HttpStatus.NOT_FOUND);
            }
        });
        // Police see everything: every note written so far, the caller, and the other calls about the person (this run's).
        JsonNode policeView = api.call("supervisor1", HttpMethod.GET, "/api/calls/" + caseId, null).getBody();
        String police = policeView.toString();
        assertThat(police).contains(CALLER_NAME);
        assertThat(policeView.get("previousContacts")).extracting(contact -> contact.get("id").asText())
                .as(step + ": police see the run's other calls about the person").containsAll(otherCasesOf(caseId));
        written.get(caseId).values().forEach(notes -> notes.forEach(note -> assertThat(police).as(step + ": police").contains(note)));
    }

    /** Nothing of the caller, nothing anyone but the reader's own agency wrote, and nothing of the other calls about the person. */
    private void assertNothingForbidden(String as, String caseId, String group, String body) {
        assertThat(body).as(as + ": the caller").doesNotContain(CALLER_NAME).doesNotContain("Callerton")
                .doesNotContain(CALLER_PHONE).doesNotContain(CALLER_PHONE.replace(" ", "")).doesNotContain(CALLER_RELATIONSHIP);
        otherCasesOf(caseId).forEach(other -> assertThat(body).as(as + ": another call about the person")
                .doesNotContain(other).doesNotContain(references.get(other)));
        assertThat(body).as(as + ": the repeat-contact flag").doesNotContain("REPEAT_CONTACT").doesNotContain("Previous contacts");
        written.getOrDefault(caseId, Map.of()).forEach((writer, notes) -> {
            if (!writer.equals(group)) {
                notes.forEach(note -> assertThat(body).as(as + ": what %s wrote", writer).doesNotContain(note));
            }
        });
        assertThat(body).as(as + ": updates by another partner after it ended").doesNotContain("Partner update after its part ended");
    }

    private void readsAreJournalledOncePerDay(String caseId) {
        for (int refresh = 0; refresh < 3; refresh++) {
            PARTNERS.keySet().forEach(partner -> http.withBasicAuth(partner, partner).getForEntity("/api/calls/" + caseId, String.class));
        }
        List<Map<String, Object>> reads = jdbc.queryForList("SELECT actor, count(*) AS n FROM rcrp_case_event"
                + " WHERE case_id = ? AND type = 'CASE_READ' GROUP BY actor", caseId);
        assertThat(reads).as("CASE_READ per partner").isNotEmpty()
                .allSatisfy(row -> assertThat(((Number) row.get("n")).longValue()).as("%s", row).isEqualTo(1));
    }

    // ---- the actors ----

    private String logCall(String knownTo) {
        Map<String, Object> call = Map.of("reference", ApiCalls.reference(), "source", "PUBLIC_999", "category", "CONCERN_FOR_WELFARE",
                "summary", "Summary-" + run + ": not seen for two days",
                "location", Map.of("description", "Location-" + run + ", 12 High Street", "urban", true),
                "subject", Map.of("name", "Subject-" + run, "ageYears", 41, "knownTo", List.of(knownTo)),
                "caller", Map.of("name", CALLER_NAME, "phone", CALLER_PHONE, "relationship", CALLER_RELATIONSHIP));
        String caseId = api.logCall(call);
        written.put(caseId, new LinkedHashMap<>());
        references.put(caseId, (String) call.get("reference"));
        return caseId;
    }

    private void triage(String caseId, String overrideAgency) {
        Map<String, Object> body = ApiCalls.assessment(false, wrote(caseId, POLICE, "handler rationale: known, calm"));
        if (overrideAgency != null) {
            body.put("override", Map.of("route", "REFER", "agency", overrideAgency,
                    "reason", wrote(caseId, POLICE, "override reason: duty manager agreed")));
        }
        api.claimAndComplete("handler1", api.awaitTask("handler1", caseId, "user_assess_threshold"), body);
    }

    private void informCaller(String caseId) {
        api.claimAndComplete("handler1", api.awaitTask("handler1", caseId, "user_inform_caller"), Map.of("method", "PHONE",
                "note", wrote(caseId, POLICE, "Rang " + CALLER_NAME + " back on " + CALLER_PHONE + ": the team will call")));
    }

    private void update(String caseId, String user, String writer) {
        ResponseEntity<JsonNode> added = api.call(user, HttpMethod.POST, "/api/calls/" + caseId + "/updates",
                Map.of("note", wrote(caseId, writer, user + " update: has his medication")));
        assertThat(added.getStatusCode()).as("%s", added.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    }

    /** Text no one else writes, remembered as written by the writer (a partner's group, or police). */
    private String wrote(String caseId, String writer, String what) {
        String text = what + " [" + writer + " " + run + " " + UUID.randomUUID().toString().substring(0, 6) + "]";
        written.get(caseId).computeIfAbsent(writer, key -> new ArrayList<>()).add(text);
        return text;
    }

    /** This run's other cases: about the same subject, so each is a previous contact of every other. */
    private List<String> otherCasesOf(String caseId) {
        return references.keySet().stream().filter(other -> !other.equals(caseId)).toList();
    }

    private List<String> written(String caseId, String writer) {
        return written.get(caseId).getOrDefault(writer, List.of());
    }

    private JsonNode view(String user, String caseId) {
        return read(http.withBasicAuth(user, user).getForEntity("/api/calls/" + caseId, String.class).getBody());
    }

    private String fhirTaskOfCase(String user, String organization, String caseId) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "application/fhir+json");
        ResponseEntity<String> bundle = http.withBasicAuth(user, user).exchange("/fhir/Task?owner=Organization/" + organization,
                HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(bundle.getStatusCode()).isEqualTo(HttpStatus.OK);
        for (JsonNode entry : read(bundle.getBody()).path("entry")) {
            if (entry.get("resource").get("identifier").toString().contains(caseId)) {
                return entry.get("resource").toString();
            }
        }
        throw new AssertionError("No FHIR Task of case " + caseId + " for " + user);
    }

    private static HttpEntity<Object> jsonBody(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException unreadable) {
            throw new AssertionError(body, unreadable);
        }
    }
}
