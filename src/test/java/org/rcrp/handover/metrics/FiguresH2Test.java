package org.rcrp.handover.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.process.AgencyAvailability;
import org.rcrp.handover.support.MigratedH2;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read model and the summary's SQL on H2 (the zero-setup run's database), through the real Flyway
 * migrations: the same queries as on PostgreSQL, PERCENTILE_CONT included. Also the rules that decide a
 * figure before any query runs: the day a call counts in (the force's zone), and who is the same person.
 */
class FiguresH2Test {

    private static final MetricsProperties PROPERTIES = new MetricsProperties(2.5, ZoneId.of("Europe/London"),
            Duration.ofHours(24), 2, 366, Duration.ofSeconds(10));

    private JdbcTemplate jdbc;
    private FiguresRecorder recorder;
    private FiguresQueries queries;
    private SimpleMeterRegistry meters;

    @BeforeEach
    void freshDatabase() {
        jdbc = new JdbcTemplate(MigratedH2.fresh("figures"));
        meters = new SimpleMeterRegistry();
        recorder = new FiguresRecorder(jdbc, PROPERTIES, meters);
        queries = new FiguresQueries(jdbc, PROPERTIES, new AgencyAvailability(false));
    }

    @Test
    void referralTimesArePercentilesPerAgencyOnH2() {
        Instant sent = Instant.parse("2026-06-01T10:00:00Z");
        long[] answeredAfter = {60, 120, 300, 600, 1800};
        for (int i = 0; i < answeredAfter.length; i++) {
            String caseId = call("Person " + i, 30 + i * 10, sent);
            recorder.caseOpened(caseId);
            recorder.triaged(caseId, "REFER", null, "MENTAL_HEALTH", false);
            recorder.referralSent("r" + i, caseId, "MENTAL_HEALTH", sent);
            recorder.referralAnswered("r" + i, i != 2, i == 2 ? "NO_CAPACITY" : null, sent.plusSeconds(answeredAfter[i]));
            if (i != 2) {
                recorder.outcomeRecorded("r" + i, "ASSESSED", sent.plusSeconds(answeredAfter[i] + 3600L * (i + 1)));
            }
        }
        recorder.acknowledgementBreached("r4", "MENTAL_HEALTH");

        FiguresSummary summary = queries.summary(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-01"));
        FiguresSummary.AgencyFigures mentalHealth = summary.agencies().get(0);
        assertThat(mentalHealth.agency()).isEqualTo("MENTAL_HEALTH");
        assertThat(mentalHealth.referrals()).isEqualTo(5);
        assertThat(mentalHealth.accepted()).isEqualTo(4);
        assertThat(mentalHealth.rejectedByReason()).containsEntry("NO_CAPACITY", 1L).containsEntry("NOT_OUR_SERVICE", 0L);
        assertThat(mentalHealth.acknowledgement().measured()).isEqualTo(5);
        assertThat(mentalHealth.acknowledgement().medianSeconds()).isCloseTo(300, within(1e-9));
        // p90 of 60, 120, 300, 600, 1800: position 3.6 → 600 + 0.6 × 1200
        assertThat(mentalHealth.acknowledgement().p90Seconds()).isCloseTo(1320, within(1e-9));
        // outcomes 3600, 7200, 14400, 18000 s after acceptance: median 10800, p90 at 2.7 → 14400 + 0.7 × 3600
        assertThat(mentalHealth.outcome().medianSeconds()).isCloseTo(10800, within(1e-9));
        assertThat(mentalHealth.outcome().p90Seconds()).isCloseTo(16920, within(1e-9));
        assertThat(mentalHealth.acknowledgementBreaches()).isEqualTo(1);
        assertThat(meters.get("rcrp.sla.breaches").tag("clock", "PARTNER_ACKNOWLEDGEMENT").counter().count()).isEqualTo(1);
        assertThat(summary.routes()).containsEntry("REFER", 5L);
    }

    /** A person not located comes back to police as a NOT_LOCATED review; a missing-person assessment is its resolution. */
    @Test
    void notLocatedReturnsAndMissingPersonAssessmentsAreCounted() {
        Instant at = Instant.parse("2026-06-01T10:00:00Z");
        String caseId = call("Person", 30, at);
        recorder.caseOpened(caseId);
        recorder.escalationRaised("review-1", caseId, null, "POLICE", "NOT_LOCATED", at);
        recorder.escalationResolved("review-1", "MISSING_PERSON", at.plusSeconds(600));
        recorder.escalationRaised("review-2", caseId, null, "POLICE", "NOT_LOCATED", at.plusSeconds(4000));

        FiguresSummary summary = queries.summary(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-01"));
        assertThat(summary.escalations().byReason()).containsEntry("NOT_LOCATED", 2L).containsEntry("MISSING_PERSON_OVERDUE", 0L);
        assertThat(summary.escalations().byResolution()).containsEntry("MISSING_PERSON", 1L).containsEntry("OPEN", 1L);
    }

    @Test
    void aCallCountsOnTheDayItWasLoggedInTheForcesZone() {
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
        String caseId = call("Late Caller", null, Instant.parse("2026-06-30T23:30:00Z"));
        recorder.caseOpened(caseId);

        assertThat(queries.summary(LocalDate.parse("2026-06-30"), LocalDate.parse("2026-06-30")).calls().total()).isZero();
        FiguresSummary july = queries.summary(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-07-01"));
        assertThat(july.calls().total()).isEqualTo(1);
        assertThat(july.trend()).singleElement().satisfies(day -> assertThat(day.calls()).isEqualTo(1));
    }

    @Test
    void aReContactIsTheSamePersonWithinTheWindow() {
        Instant first = Instant.parse("2026-06-01T08:00:00Z");
        recorder.caseOpened(call("José  O'Neil", 40, first));
        String sameSpeltOtherwise = call("jose oneil", 41, first.plus(Duration.ofHours(23)));
        recorder.caseOpened(sameSpeltOtherwise);
        String otherAge = call("jose o'neil", 70, first.plus(Duration.ofHours(1)));
        recorder.caseOpened(otherAge);
        String tooLate = call("Jose ONeil", null, first.plus(Duration.ofHours(49)));
        recorder.caseOpened(tooLate);
        String noName = call(null, 40, first.plus(Duration.ofHours(2)));
        recorder.caseOpened(noName);

        assertThat(recontactOf(sameSpeltOtherwise)).isNotNull();
        assertThat(recontactOf(otherAge)).as("70 is not 40 give or take 2").isNull();
        assertThat(recontactOf(tooLate)).as("49 h after the last call about him").isNull();
        assertThat(recontactOf(noName)).isNull();
        assertThat(queries.summary(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-03")).recontacts().within()).isEqualTo(1);
    }

    @Test
    void policeHoursReleasedCountReferralsAndAdviceOpenOrClosedThatPoliceDidNotAttend() {
        Instant at = Instant.parse("2026-06-01T08:00:00Z");
        String attended = call("A", null, at);
        String closedUntriaged = call("B", null, at);
        String referredStillOpen = call("C", null, at);
        String referredThenPoliceSent = call("D", null, at);
        String adviceClosed = call("E", null, at);
        for (String caseId : new String[] {attended, closedUntriaged, referredStillOpen, referredThenPoliceSent, adviceClosed}) {
            recorder.caseOpened(caseId);
        }
        recorder.triaged(attended, "POLICE_ATTEND", "IMMEDIATE", null, false);
        recorder.policeDeployed(attended);
        recorder.caseClosed(attended, at.plusSeconds(600));
        recorder.caseClosed(closedUntriaged, at.plusSeconds(600));
        recorder.triaged(referredStillOpen, "REFER", null, "MENTAL_HEALTH", false);
        recorder.triaged(referredThenPoliceSent, "REFER", null, "MENTAL_HEALTH", false);
        recorder.policeDeployed(referredThenPoliceSent);
        recorder.triaged(adviceClosed, "ADVICE_AND_CLOSE", null, null, false);
        recorder.caseClosed(adviceClosed, at.plusSeconds(600));

        FiguresSummary summary = queries.summary(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-01"));
        assertThat(summary.policeHoursReleased().callsCounted()).as("C still open, E closed").isEqualTo(2);
        assertThat(summary.policeHoursReleased().hours()).isEqualTo(5.0);
        assertThat(summary.policeHoursReleased().callsClosedWithoutPolice()).as("B, E: kept for its readers").isEqualTo(2);
        assertThat(summary.policeHoursReleased().assumption()).contains("2.5 officer hours").doesNotContain("rcrp.");
        assertThat(summary.policeAttendance().share()).isCloseTo(2.0 / 5, within(1e-12));
        assertThat(summary.routes()).containsEntry("UNTRIAGED", 1L).containsEntry("REFER", 2L);
    }

    private String recontactOf(String caseId) {
        return jdbc.queryForObject("SELECT recontact_of FROM rcrp_report_case WHERE case_id = ?", String.class, caseId);
    }

    @Test
    void plansAreCountedPoliceOnlyPartnerOnlyJointOrAdviceAndStandDownsByAgency() {
        Instant at = Instant.parse("2026-06-02T10:00:00Z");
        org.rcrp.handover.plan.JdbcResponseLedger ledger = new org.rcrp.handover.plan.JdbcResponseLedger(jdbc, org.rcrp.handover.operations.EngineClock.INSTANCE);
        String[][] plans = {
                {"POLICE:LEAD"},
                {"MENTAL_HEALTH:LEAD", "SOCIAL_CARE:SUPPORT"},
                {"POLICE:LEAD", "AMBULANCE:SUPPORT"},
                {"POLICE:LEAD", "MENTAL_HEALTH:INFORMED"},
                {}};
        for (int i = 0; i < plans.length; i++) {
            String caseId = call("Plan " + i, 40, at);
            recorder.caseOpened(caseId);
            recorder.triaged(caseId, "POLICE_ATTEND", "IMMEDIATE", null, false);
            ledger.plan(caseId, java.util.Arrays.stream(plans[i]).map(entry -> new org.rcrp.handover.plan.Response(
                    org.rcrp.handover.process.Agency.valueOf(entry.split(":")[0]),
                    org.rcrp.handover.plan.Role.valueOf(entry.split(":")[1]), null, "why")).toList(),
                    response -> org.rcrp.handover.plan.ResponseState.REQUESTED);
            if (i == 2) {
                ledger.state(caseId, org.rcrp.handover.process.Agency.AMBULANCE, org.rcrp.handover.plan.Role.SUPPORT,
                        org.rcrp.handover.plan.ResponseState.STOOD_DOWN);
                new org.rcrp.handover.journal.CaseJournal(jdbc, org.rcrp.handover.operations.EngineClock.INSTANCE).record(caseId, "AMBULANCE_ETA_BEYOND_RISK_WINDOW", "system",
                        "rcrp-handover", "ETA beyond the risk window");
            }
        }
        String untriaged = call("Not yet triaged", 40, at);
        recorder.caseOpened(untriaged);

        FiguresSummary.Plans figures = queries.summary(LocalDate.parse("2026-06-02"), LocalDate.parse("2026-06-02")).plans();

        assertThat(figures.policeOnly()).as("police, and police with an agency only told").isEqualTo(2);
        assertThat(figures.partnerOnly()).isEqualTo(1);
        assertThat(figures.joint()).isEqualTo(1);
        assertThat(figures.advice()).as("triaged with nobody on the plan; the untriaged call is not counted").isEqualTo(1);
        assertThat(figures.standDowns()).isEqualTo(1);
        assertThat(figures.standDownsByAgency()).containsExactly(java.util.Map.entry("AMBULANCE", 1L));
        assertThat(figures.ambulanceEtaBreaches()).isEqualTo(1);
    }

    private String call(String subject, Integer age, Instant loggedAt) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO rcrp_call (id, reference, source, category, summary, subject_name, subject_age, logged_at, logged_by)"
                        + " VALUES (?, ?, 'PUBLIC_999', 'CONCERN_FOR_WELFARE', 'test', ?, ?, ?, 'handler1')",
                id, "REF-" + id, subject, age, Timestamp.from(loggedAt));
        return id;
    }
}
