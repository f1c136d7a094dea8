package org.rcrp.handover.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.rcrp.handover.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The manager figures from a known history: nine calls driven through the real processes over HTTP as the
 * demo users, on PostgreSQL, with the engine's clock (ClockUtil) set for every step so every time is
 * known — accepted, rejected and silent referrals, a late partner outcome, s136 handovers inside and past
 * the hour, a re-contact, an override, an unreachable caller — then every figure of the summary asserted
 * exactly, the CSV, the period rules, who may read it, and the Prometheus page checked by promtool.
 *
 * <p>The history lies in March 2030, so cases other tests leave in the same database never fall in its period.
 */
// The history's 999 calls are triaged at two minutes, on the 999 triage clock's last second: the clock is set longer
// here so the job executor cannot race the handler to an overdue review the story does not have.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {TestDatabase.DB_URL,
        "rcrp.sla.triage-999=PT5M"})
@ActiveProfiles("postgres")
// Spring Boot tests switch metric exporters off unless asked: this one reads /actuator/prometheus.
@AutoConfigureObservability(tracing = false)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsPostgresIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    private JsonNode summary;
    private final Map<String, String> cases = new HashMap<>();

    @AfterAll
    void realClock() {
        ClockUtil.reset();
    }

    // ---- the history ----

    @BeforeAll
    void seedAKnownHistory() {
        // A database kept from an earlier run holds this history already: its figures go, its (closed) cases stay.
        for (String table : List.of("rcrp_report_case", "rcrp_report_referral", "rcrp_report_escalation", "rcrp_report_handover")) {
            jdbc.update("DELETE FROM " + table + " WHERE logged_day BETWEEN DATE '2030-03-04' AND DATE '2030-03-06'");
        }
        // C1, Mon 4 March 2030: the crisis team accepts in 10 minutes and records its outcome 3 hours later.
        at("2030-03-04T09:00:00Z");
        String c1 = log("C1", "CONCERN_FOR_WELFARE", "PUBLIC_999", "J Smith", 41, List.of("MENTAL_HEALTH"), null);
        at("2030-03-04T09:02:00Z");
        triage(c1, null);
        complete("handler1", task("handler1", c1, "user_inform_caller"), Map.of("method", "PHONE"));
        String accept1 = task("mhcrisis1", c1, "user_accept_referral");
        at("2030-03-04T09:12:00Z");
        complete("mhcrisis1", accept1, Map.of("decision", "ACCEPT"));
        at("2030-03-04T12:12:00Z");
        complete("mhcrisis1", task("mhcrisis1", c1, "user_record_partner_outcome"), Map.of("outcome", "CONTACT_MADE"));
        awaitState(c1, "CLOSED");

        // C2: the crisis team rejects after 15 minutes; the supervisor sends police; the caller cannot be reached.
        at("2030-03-04T13:00:00Z");
        String c2 = log("C2", "CONCERN_FOR_WELFARE", "PARTNER", "Mary O'Brien", 30, List.of("MENTAL_HEALTH"), null);
        at("2030-03-04T13:01:00Z");
        triage(c2, null);
        complete("handler1", task("handler1", c2, "user_inform_caller"), Map.of("method", "NOT_REACHABLE", "note", "No answer twice"));
        String accept2 = task("mhcrisis1", c2, "user_accept_referral");
        at("2030-03-04T13:16:00Z");
        complete("mhcrisis1", accept2, Map.of("decision", "REJECT", "reasonCode", "NOT_OUR_SERVICE"));
        String review2 = task("supervisor1", c2, "user_supervisor_review");
        at("2030-03-04T13:20:00Z");
        complete("supervisor1", review2, Map.of("action", "POLICE_ATTEND", "note", "Not known to the team; police to check"));
        String attend2 = task("officer1", c2, "user_attend");
        at("2030-03-04T13:50:00Z");
        complete("officer1", attend2, Map.of("outcome", "RESOLVED", "note", "Safe and well"));
        awaitState(c2, "CLOSED");

        // C3: the healthcare setting stays silent past its 30 minutes; the supervisor closes the case.
        at("2030-03-04T14:00:00Z");
        String c3 = log("C3", "WALKOUT", "PUBLIC_101", "Ann Lee", 52, List.of(), null);
        at("2030-03-04T14:01:00Z");
        triage(c3, null);
        complete("handler1", task("handler1", c3, "user_inform_caller"), Map.of("method", "SMS"));
        task("hospital1", c3, "user_accept_referral");
        at("2030-03-04T14:31:30Z");
        String review3 = task("supervisor1", c3, "user_supervisor_review");
        at("2030-03-04T14:40:00Z");
        complete("supervisor1", review3, Map.of("action", "CLOSE", "note", "Ward found the patient at home"));
        awaitState(c3, "CLOSED");

        // C4: the same person as C1 (name spelt differently, age a year on) six hours later: a re-contact; advice given.
        at("2030-03-04T15:00:00Z");
        String c4 = log("C4", "CONCERN_FOR_WELFARE", "NHS111", "j.  SMITH", 42, List.of(), null);
        at("2030-03-04T15:01:00Z");
        triage(c4, null);
        at("2030-03-04T15:05:00Z");
        complete("handler1", task("handler1", c4, "user_inform_caller"), Map.of("method", "PHONE"));
        awaitState(c4, "CLOSED");

        // C5: s136 arrival at 16:00; the hour passes; the supervisor chases; health accepts at 17:30 (90 minutes).
        at("2030-03-04T16:00:00Z");
        String c5 = log("C5", "S136_HANDOVER", "PUBLIC_999", "Tom Brown", 35, List.of(), null, Map.of(
                "detainedAt", "2030-03-04T15:35:00Z", "arrivedAt", "2030-03-04T16:00:00Z", "conveyance", "AMBULANCE",
                "placeOfSafety", "HEALTH_BASED"));
        String handover5 = task("hospital1", c5, "user_accept_handover");
        at("2030-03-04T17:00:30Z");
        String review5 = task("supervisor1", c5, "user_supervisor_review");
        at("2030-03-04T17:10:00Z");
        complete("supervisor1", review5, Map.of("action", "CHASE", "note", "Rang the place of safety's on-call manager"));
        at("2030-03-04T17:30:00Z");
        complete("hospital1", handover5, Map.of("note", "Assessment room free"));
        at("2030-03-04T17:45:00Z");
        complete("hospital1", task("hospital1", c5, "user_complete_assessment"), Map.of("outcome", "DISCHARGED_WITH_FOLLOW_UP"));
        awaitState(c5, "CLOSED");

        // C6: s136 handed over in 40 minutes.
        at("2030-03-04T18:00:00Z");
        String c6 = log("C6", "S136_HANDOVER", "PUBLIC_999", "Sam Green", 28, List.of(), null, Map.of(
                "arrivedAt", "2030-03-04T18:00:00Z", "conveyance", "POLICE_VEHICLE",
                "conveyanceReason", "No ambulance for 3 hours; calm and cooperative", "placeOfSafety", "EMERGENCY_DEPARTMENT"));
        String handover6 = task("hospital1", c6, "user_accept_handover");
        at("2030-03-04T18:40:00Z");
        complete("hospital1", handover6, Map.of());
        complete("hospital1", task("hospital1", c6, "user_complete_assessment"), Map.of("outcome", "ADMITTED_INFORMALLY"));
        awaitState(c6, "CLOSED");

        // C7: the table says an ambulance conveyance; the handler overrides to police (violence at the address), the
        // conveyance stays on the plan beside them.
        at("2030-03-04T19:00:00Z");
        String c7 = log("C7", "MEDICAL", "PUBLIC_999", "Lee Jones", 60, List.of(), null);
        at("2030-03-04T19:02:00Z");
        triage(c7, Map.of("route", "POLICE_ATTEND", "grade", "PRIORITY", "reason", "Violence reported at the address"));
        String attend7 = task("officer1", c7, "user_attend");
        at("2030-03-04T19:30:00Z");
        complete("officer1", attend7, Map.of("outcome", "RESOLVED"));
        awaitState(c7, "CLOSED");

        // C8, Tue 5 March: AWOL to the crisis team, accepted in 18 minutes; the outcome runs past its 4 hours.
        at("2030-03-05T09:00:00Z");
        String c8 = log("C8", "AWOL", "PARTNER", "Kim Wu", 25, List.of(), Map.of("mhaSection", "s2", "retakeExpiry", "2030-03-20",
                "partThree", false, "dangerous", false, "particularlyVulnerable", false, "hospitalSearched", true));
        at("2030-03-05T09:01:00Z");
        triage(c8, null);
        complete("handler1", task("handler1", c8, "user_inform_caller"), Map.of("method", "PHONE"));
        String accept8 = task("mhcrisis1", c8, "user_accept_referral");
        at("2030-03-05T09:19:00Z");
        complete("mhcrisis1", accept8, Map.of("decision", "ACCEPT"));
        String outcome8 = task("mhcrisis1", c8, "user_record_partner_outcome");
        at("2030-03-05T13:19:30Z");
        String review8 = task("supervisor1", c8, "user_supervisor_review");
        at("2030-03-05T13:30:00Z");
        complete("supervisor1", review8, Map.of("action", "CHASE", "note", "Team lead says today"));
        at("2030-03-05T14:19:00Z");
        complete("mhcrisis1", outcome8, Map.of("outcome", "ASSESSED"));
        awaitState(c8, "CLOSED");

        // C9, Wed 6 March: outside the period of the main summary, still waiting for triage.
        at("2030-03-06T10:00:00Z");
        log("C9", "OTHER", "PUBLIC_101", "Zed Ray", null, List.of(), null);

        summary = get("manager1", "/api/metrics/summary?from=2030-03-04&to=2030-03-05").getBody();
    }

    // ---- the figures ----

    @Test
    @Order(1)
    void callsByCategoryAndSource() {
        assertThat(summary.at("/period")).isEqualTo(json("{\"from\":\"2030-03-04\",\"to\":\"2030-03-05\",\"zone\":\"Europe/London\"}"));
        assertThat(summary.at("/calls/total").asLong()).isEqualTo(8);
        assertThat(summary.at("/calls/byCategory")).isEqualTo(json(
                "{\"CONCERN_FOR_WELFARE\":3,\"WALKOUT\":1,\"AWOL\":1,\"MEDICAL\":1,\"S136_HANDOVER\":2,\"OTHER\":0}"));
        assertThat(summary.at("/calls/bySource")).isEqualTo(json("{\"PUBLIC_999\":4,\"PUBLIC_101\":1,\"PARTNER\":2,\"NHS111\":1}"));
    }

    @Test
    @Order(2)
    void routesAndTheShareAttendedByPolice() {
        // The triage decision's route; s136 handovers are never triaged.
        assertThat(summary.at("/routes")).isEqualTo(json("{\"POLICE_ATTEND\":1,\"REFER\":4,\"ADVICE_AND_CLOSE\":1,\"UNTRIAGED\":2}"));
        // C2 (sent after the rejection), C5 and C6 (s136), C7.
        assertThat(summary.at("/policeAttendance")).isEqualTo(json("{\"attended\":4,\"notAttended\":4,\"share\":0.5}"));
    }

    @Test
    @Order(3)
    void policeHoursReleasedIsTheAssumptionTimesTheCallsReferredOrGivenAdviceThatPoliceDidNotAttend() {
        JsonNode released = summary.at("/policeHoursReleased");
        assertThat(released.get("callsCounted").asLong()).isEqualTo(4); // C1, C3, C4, C8: all closed here, open ones count too
        assertThat(released.get("callsClosedWithoutPolice").asLong()).isEqualTo(4);
        assertThat(released.get("officerHoursPerAvoidedDeployment").asDouble()).isEqualTo(2.5);
        assertThat(released.get("hours").asDouble()).isEqualTo(10.0);
        assertThat(released.get("assumption").asText()).contains("2.5 officer hours", "estimate").doesNotContain("rcrp.");
    }

    @Test
    @Order(4)
    void perAgencyReferralsAnswersTimesBreachesAndEscalations() {
        JsonNode mentalHealth = agency("MENTAL_HEALTH");
        assertThat(mentalHealth.get("referrals").asLong()).isEqualTo(3);
        assertThat(mentalHealth.get("accepted").asLong()).isEqualTo(2);
        assertThat(mentalHealth.get("rejected").asLong()).isEqualTo(1);
        assertThat(mentalHealth.get("rejectedByReason")).isEqualTo(json("{\"NOT_OUR_SERVICE\":1,\"INSUFFICIENT_INFORMATION\":0,"
                + "\"NO_CAPACITY\":0,\"POLICE_THRESHOLD_MET\":0,\"OTHER\":0}"));
        assertThat(mentalHealth.get("unanswered").asLong()).isZero();
        // acknowledged after 600, 900 and 1080 s: median 900, p90 900 + 0.8 x 180
        assertTimes(mentalHealth.get("acknowledgement"), 3, 900, 1044);
        // outcomes 10800 and 18000 s after acceptance: median 14400, p90 10800 + 0.9 x 7200
        assertTimes(mentalHealth.get("outcome"), 2, 14400, 17280);
        assertThat(mentalHealth.get("acknowledgementBreaches").asLong()).isZero();
        assertThat(mentalHealth.get("outcomeBreaches").asLong()).isEqualTo(1);
        assertThat(mentalHealth.get("slaBreaches").asLong()).isEqualTo(1);
        assertThat(mentalHealth.get("escalations").asLong()).isEqualTo(2);
        assertThat(mentalHealth.get("escalationsByReason")).isEqualTo(json("{\"OUTCOME_OVERDUE\":1,\"REJECTED\":1}"));
        assertThat(mentalHealth.get("escalationResolutions")).isEqualTo(json(
                "{\"CHASE\":1,\"REROUTE\":0,\"POLICE_ATTEND\":1,\"CLOSE\":0,\"MISSING_PERSON\":0,\"WITHDRAW\":0,\"ESCALATE\":0,\"CANCELLED\":0,\"OPEN\":0}"));

        JsonNode healthcareSetting = agency("HEALTHCARE_SETTING");
        assertThat(healthcareSetting.get("referrals").asLong()).isEqualTo(1);
        assertThat(healthcareSetting.get("accepted").asLong()).isZero();
        assertThat(healthcareSetting.get("rejected").asLong()).isZero();
        assertThat(healthcareSetting.get("unanswered").asLong()).isEqualTo(1);
        assertThat(healthcareSetting.get("acknowledgement")).isEqualTo(json("{\"measured\":0,\"medianSeconds\":null,\"p90Seconds\":null}"));
        assertThat(healthcareSetting.get("acknowledgementBreaches").asLong()).isEqualTo(1);
        assertThat(healthcareSetting.get("slaBreaches").asLong()).isEqualTo(1);
        assertThat(healthcareSetting.get("escalationsByReason")).isEqualTo(json("{\"NO_RESPONSE\":1}"));
        assertThat(healthcareSetting.get("escalationResolutions").get("CLOSE").asLong()).isEqualTo(1);

        // C7's conveyance stayed on the plan beside the police the handler chose: asked, then stood down when C7 closed.
        JsonNode ambulance = agency("AMBULANCE");
        assertThat(ambulance.get("referrals").asLong()).isEqualTo(1);
        assertThat(ambulance.get("escalations").asLong()).isZero();
        assertThat(summary.at("/plans/standDownsByAgency/AMBULANCE").asLong()).isEqualTo(1);
        for (String quiet : List.of("SOCIAL_CARE", "CHILDRENS_SOCIAL_CARE")) {
            assertThat(agency(quiet).get("referrals").asLong()).as(quiet).isZero();
            assertThat(agency(quiet).get("escalations").asLong()).as(quiet).isZero();
        }
        JsonNode hospital = agency("HOSPITAL");
        assertThat(hospital.get("referrals").asLong()).isZero();
        assertThat(hospital.get("escalationsByReason")).isEqualTo(json("{\"HANDOVER_OVERDUE\":1}"));
        assertThat(hospital.get("escalationResolutions").get("CHASE").asLong()).isEqualTo(1);
        assertThat(summary.get("agencies").findValuesAsText("agency"))
                .containsExactly("MENTAL_HEALTH", "AMBULANCE", "SOCIAL_CARE", "CHILDRENS_SOCIAL_CARE", "HEALTHCARE_SETTING", "HOSPITAL");
    }

    @Test
    @Order(5)
    void escalationsAndHowTheyEnded() {
        assertThat(summary.at("/escalations/total").asLong()).isEqualTo(4);
        assertThat(summary.at("/escalations/byReason")).isEqualTo(json("{\"TRIAGE_OVERDUE\":0,\"ATTENDANCE_OVERDUE\":0,"
                + "\"NO_RESPONSE\":1,\"REJECTED\":1,\"OUTCOME_OVERDUE\":1,\"HANDOVER_OVERDUE\":1,\"DETENTION_LIMIT\":0,\"NOTIFICATION_FAILED\":0,"
                + "\"NOT_LOCATED\":0,\"MISSING_PERSON_OVERDUE\":0}"));
        assertThat(summary.at("/escalations/byResolution")).isEqualTo(json(
                "{\"CHASE\":2,\"REROUTE\":0,\"POLICE_ATTEND\":1,\"CLOSE\":1,\"MISSING_PERSON\":0,\"WITHDRAW\":0,\"ESCALATE\":0,\"CANCELLED\":0,\"OPEN\":0}"));
    }

    @Test
    @Order(6)
    void s136HandoversAndThoseOverTheHour() {
        JsonNode s136 = summary.get("s136");
        assertThat(s136.get("handovers").asLong()).isEqualTo(2);
        assertThat(s136.get("handedOver").asLong()).isEqualTo(2);
        assertThat(s136.get("overTheHour").asLong()).isEqualTo(1);
        assertThat(s136.get("detentionLimitReached").asLong()).isZero();
        // 5400 and 2400 s: median 3900, p90 2400 + 0.9 x 3000
        assertTimes(s136.get("handoverTime"), 2, 3900, 5100);
        // Conveyance mode as police recorded it; no delay agreed, no extension, no withdrawal in this history
        assertThat(s136.get("conveyance")).isEqualTo(json(
                "{\"AMBULANCE\":1,\"POLICE_VEHICLE\":1,\"OTHER\":0,\"NOT_RECORDED\":0}"));
        assertThat(s136.get("delaysAgreed").asLong()).isZero();
        assertThat(s136.get("extended").asLong()).isZero();
        assertThat(s136.get("policeWithdrew").asLong()).isZero();
    }

    @Test
    @Order(7)
    void reContactsCallerInformedAndOverrides() {
        assertThat(summary.at("/recontacts/within").asLong()).isEqualTo(1);
        assertThat(summary.at("/recontacts/window").asText()).isEqualTo("PT24H");
        // C1, C2, C3, C4, C8 needed the caller told; C2's caller could not be reached.
        assertThat(summary.at("/callerInformed")).isEqualTo(json("{\"required\":5,\"informed\":4,\"rate\":0.8}"));
        assertThat(summary.at("/overrides/overridden").asLong()).isEqualTo(1);
        assertThat(summary.at("/overrides/triaged").asLong()).isEqualTo(6);
        assertThat(summary.at("/overrides/share").asDouble()).isCloseTo(1.0 / 6, within(1e-12));
    }

    @Test
    @Order(8)
    void theTrendDayByDay() {
        assertThat(summary.get("trend")).isEqualTo(json("["
                + "{\"day\":\"2030-03-04\",\"calls\":7,\"policeAttended\":4,\"referred\":3,\"escalations\":3,\"slaBreaches\":2},"
                + "{\"day\":\"2030-03-05\",\"calls\":1,\"policeAttended\":0,\"referred\":1,\"escalations\":1,\"slaBreaches\":1}]"));
    }

    @Test
    @Order(9)
    void anotherPeriodHasOnlyItsOwnCalls() {
        JsonNode wednesday = get("manager1", "/api/metrics/summary?from=2030-03-06&to=2030-03-06").getBody();
        assertThat(wednesday.at("/calls/total").asLong()).isEqualTo(1);
        assertThat(wednesday.at("/routes/UNTRIAGED").asLong()).isEqualTo(1);
        assertThat(wednesday.at("/policeHoursReleased/hours").asDouble()).as("C9 is still open").isZero();
        assertThat(wednesday.at("/callerInformed/rate").isNull()).isTrue();
        assertThat(wednesday.at("/escalations/total").asLong()).isZero();
    }

    @Test
    @Order(10)
    void theCsvHasTheSameFigures() {
        ResponseEntity<String> csv = http.withBasicAuth("manager1", "manager1")
                .getForEntity("/api/metrics/summary.csv?from=2030-03-04&to=2030-03-05", String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("rcrp-figures-2030-03-04-to-2030-03-05.csv");
        assertThat(csv.getBody().split("\r\n")).contains("figure,key,agency,value", "calls.total,,,8",
                "calls.byCategory,CONCERN_FOR_WELFARE,,3", "agency.referrals,,MENTAL_HEALTH,3",
                "agency.rejectedByReason,NOT_OUR_SERVICE,MENTAL_HEALTH,1", "agency.acknowledgement.medianSeconds,,MENTAL_HEALTH,900.0",
                "s136.overTheHour,,,1", "s136.conveyance,POLICE_VEHICLE,,1", "s136.conveyance,AMBULANCE,,1", "recontacts.within,PT24H,,1", "callerInformed.rate,,,0.8", "policeHoursReleased.hours,,,10.0", "policeHoursReleased.callsCounted,,,4",
                "trend.calls,2030-03-04,,7");
    }

    @Test
    @Order(11)
    void onlyManagersAndAdminsReadTheFigures() {
        assertThat(get("admin1", "/api/metrics/summary").getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String user : List.of("handler1", "supervisor1", "officer1", "mhcrisis1", "hospital1")) {
            ResponseEntity<JsonNode> refused = get(user, "/api/metrics/summary");
            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(http.withBasicAuth(user, user).getForEntity("/api/metrics/summary.csv", String.class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.getForEntity("/api/metrics/summary", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @Order(12)
    void aBadPeriodIsAProblemNamingTheField() {
        assertProblem("/api/metrics/summary?from=yesterday&to=2030-03-05", "from");
        assertProblem("/api/metrics/summary?from=2030-03-04&to=2030-13-01", "to");
        assertProblem("/api/metrics/summary?from=2030-03-06&to=2030-03-05", "from");
        assertProblem("/api/metrics/summary?from=2029-01-01&to=2030-03-05", "to");
    }

    @Test
    @Order(13)
    void thePrometheusPageHasTheLiveMetersAndParses() throws Exception {
        ResponseEntity<String> page = http.withBasicAuth("manager1", "manager1").getForEntity("/actuator/prometheus", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        String text = page.getBody();
        assertThat(text).contains(
                "rcrp_cases_open{state=\"TRIAGE\"}",
                "rcrp_tasks_open{group=\"call-handlers\",held=\"false\"}",
                "rcrp_escalations_open ",
                "rcrp_s136_handovers_open ",
                "rcrp_s136_handover_longest_wait_seconds ",
                "rcrp_sla_breaches_total{agency=\"HEALTHCARE_SETTING\",clock=\"PARTNER_ACKNOWLEDGEMENT\"} 1.0",
                "rcrp_sla_breaches_total{agency=\"MENTAL_HEALTH\",clock=\"PARTNER_OUTCOME\"} 1.0",
                "rcrp_sla_breaches_total{agency=\"HOSPITAL\",clock=\"HANDOVER\"} 1.0",
                "rcrp_escalations_total{agency=\"MENTAL_HEALTH\",reason=\"REJECTED\"} 1.0",
                "rcrp_s136_handover_duration_seconds_count 2",
                "rcrp_s136_handover_duration_seconds_sum 7800.0");
        // C9 waits for triage; the calls other tests left open may wait too.
        assertThat(gauge(text, "rcrp_cases_open{state=\"TRIAGE\"}")).isGreaterThanOrEqualTo(1);
        assertThat(gauge(text, "rcrp_tasks_open{group=\"call-handlers\",held=\"false\"}")).isGreaterThanOrEqualTo(1);

        // Every series the Grafana dashboard asks for is on the page.
        JsonNode dashboard = JSON.readTree(new File("ops/grafana/dashboards/rcrp-operations.json"));
        List<String> queried = dashboard.findValuesAsText("expr").stream()
                .flatMap(expr -> java.util.regex.Pattern.compile("rcrp_[a-z0-9_]+").matcher(expr).results().map(match -> match.group()))
                .distinct().toList();
        assertThat(queried).hasSizeGreaterThanOrEqualTo(8);
        for (String series : queried) {
            assertThat(text).as("the dashboard's %s", series).containsPattern("(?m)^" + series + "[{ ]");
        }

        // Prometheus's own parser and linter for the text exposition format.
        File metrics = Files.createTempFile("rcrp-prometheus", ".txt").toFile();
        Files.writeString(metrics.toPath(), text, StandardCharsets.UTF_8);
        Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectInput(metrics)
                .redirectErrorStream(true).start();
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // Exit 1 is lint advice only when no line is a parse error ("error while linting" / "text format parsing error").
        assertThat(said).doesNotContain("parsing error").doesNotContain("error while linting");
        assertThat(said.lines().filter(line -> line.startsWith("rcrp_"))).as(said).isEmpty();
    }

    // ---- helpers ----

    private JsonNode agency(String agency) {
        for (JsonNode figures : summary.get("agencies")) {
            if (figures.get("agency").asText().equals(agency)) {
                return figures;
            }
        }
        throw new AssertionError("No figures for " + agency + " in " + summary.get("agencies"));
    }

    private static void assertTimes(JsonNode times, long measured, double median, double p90) {
        assertThat(times.get("measured").asLong()).isEqualTo(measured);
        assertThat(times.get("medianSeconds").asDouble()).isCloseTo(median, within(1e-6));
        assertThat(times.get("p90Seconds").asDouble()).isCloseTo(p90, within(1e-6));
    }

    private void assertProblem(String path, String field) {
        ResponseEntity<JsonNode> response = get("manager1", path);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors")).hasSize(1);
        assertThat(response.getBody().at("/errors/0/field").asText()).as(path).isEqualTo(field);
    }

    private static double gauge(String text, String series) {
        return text.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError("No " + series));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception notJson) {
            throw new IllegalArgumentException(text, notJson);
        }
    }

    private static void at(String instant) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
    }

    private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return call(user, HttpMethod.GET, path, null);
    }

    private String log(String name, String category, String source, String subject, Integer age, List<String> knownTo,
                       Map<String, Object> awol) {
        return log(name, category, source, subject, age, knownTo, awol, null);
    }

    private String log(String name, String category, String source, String subject, Integer age, List<String> knownTo,
                       Map<String, Object> awol, Map<String, Object> s136) {
        Map<String, Object> subjectBody = new HashMap<>(Map.of("name", subject, "knownTo", knownTo));
        if (age != null) {
            subjectBody.put("ageYears", age);
        }
        Map<String, Object> body = new HashMap<>(Map.of("reference", "CAD-M-" + UUID.randomUUID().toString().substring(0, 12),
                "source", source, "category", category, "summary", "Metrics history call " + name,
                "location", Map.of("description", "1 Test Street", "urban", true), "subject", subjectBody,
                "caller", Map.of("name", "A Caller", "phone", "01234 567890", "relationship", "neighbour")));
        if (awol != null) {
            body.put("awol", awol);
        }
        if (s136 != null) {
            body.put("s136", s136);
        }
        ResponseEntity<JsonNode> response = call("handler1", HttpMethod.POST, "/api/calls", body);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        String id = response.getBody().get("id").asText();
        cases.put(name, id);
        return id;
    }

    private void triage(String caseId, Map<String, Object> override) {
        Map<String, Object> body = new HashMap<>(Map.of("crime", false, "riskToLife", false, "seriousHarm", false,
                "childAtRisk", false, "medicalEmergency", false, "missingPerson", false, "rationale", "Assessed for the figures"));
        if (override != null) {
            body.put("override", override);
        }
        complete("handler1", task("handler1", caseId, "user_assess_threshold"), body);
    }

    /** Waits (notifications and clocks run on the job executor) for the case's task of that key in the user's list. */
    private String task(String user, String caseId, String key) {
        return await("%s for %s on case %s".formatted(key, user, caseId)).atMost(Duration.ofSeconds(30))
                .until(() -> taskOf(user, caseId, key), Optional::isPresent).orElseThrow();
    }

    private Optional<String> taskOf(String user, String caseId, String key) {
        for (JsonNode task : get(user, "/api/tasks?scope=available").getBody()) {
            if (task.get("callId").asText().equals(caseId) && task.get("key").asText().equals(key)) {
                return Optional.of(task.get("id").asText());
            }
        }
        return Optional.empty();
    }

    private void complete(String user, String taskId, Map<String, Object> body) {
        assertThat(call(user, HttpMethod.POST, "/api/tasks/" + taskId + "/claim", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<JsonNode> completed = call(user, HttpMethod.POST, "/api/tasks/" + taskId + "/complete", body);
        assertThat(completed.getStatusCode()).as("%s", completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private void awaitState(String caseId, String state) {
        await("case %s %s".formatted(caseId, state)).atMost(Duration.ofSeconds(30))
                .until(() -> get("manager1", "/api/calls/" + caseId).getBody().get("state").asText(), state::equals);
    }
}
