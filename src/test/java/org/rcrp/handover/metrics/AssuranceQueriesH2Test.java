package org.rcrp.handover.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.assurance.AssuranceProperties;
import org.rcrp.handover.support.MigratedH2;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The assurance figures' SQL on H2 through the real migrations (V11 included): quality reviews by reason and verdict,
 * linked records by type, demographics by route with age bands, harm within the window of a non-police decision, and
 * police redeployed within 24 h of a referral, on the same case or by a repeat call about the same person.
 */
class AssuranceQueriesH2Test {

    private static final MetricsProperties METRICS = new MetricsProperties(2.5, ZoneId.of("Europe/London"),
            Duration.ofHours(24), 2, 366, Duration.ofSeconds(10));
    private static final LocalDate DAY = LocalDate.parse("2026-06-01");
    private static final Instant T = Instant.parse("2026-06-01T10:00:00Z");

    private JdbcTemplate jdbc;
    private FiguresRecorder recorder;
    private AssuranceQueries queries;

    @BeforeEach
    void freshDatabase() {
        jdbc = new JdbcTemplate(MigratedH2.fresh("assurance"));
        recorder = new FiguresRecorder(jdbc, METRICS, new SimpleMeterRegistry());
        queries = new AssuranceQueries(jdbc, METRICS, AssuranceProperties.defaults());
    }

    @Test
    void ageBandsAreTheEqualityReportsOnes() {
        assertThat(AssuranceQueries.ageBand(null)).isEqualTo("NOT_RECORDED");
        assertThat(AssuranceQueries.ageBand(0)).isEqualTo("UNDER_18");
        assertThat(AssuranceQueries.ageBand(17)).isEqualTo("UNDER_18");
        assertThat(AssuranceQueries.ageBand(18)).isEqualTo("18_24");
        assertThat(AssuranceQueries.ageBand(24)).isEqualTo("18_24");
        assertThat(AssuranceQueries.ageBand(25)).isEqualTo("25_34");
        assertThat(AssuranceQueries.ageBand(34)).isEqualTo("25_34");
        assertThat(AssuranceQueries.ageBand(35)).isEqualTo("35_44");
        assertThat(AssuranceQueries.ageBand(64)).isEqualTo("55_64");
        assertThat(AssuranceQueries.ageBand(65)).isEqualTo("65_PLUS");
        assertThat(AssuranceQueries.ageBand(101)).isEqualTo("65_PLUS");
    }

    @Test
    void qualityReviewsLinkedRecordsAndDemographicsAreCountedByTheirCodes() {
        String a = triaged("Ada One", 15, T, "REFER", "FEMALE", "WHITE_BRITISH");
        String b = triaged("Bo Two", 30, T, "ADVICE_AND_CLOSE", "MALE", "NOT_STATED");
        String c = triaged("Cy Three", 70, T, "REFER", null, null);
        String d = triaged("Di Four", 40, T, "POLICE_ATTEND", "FEMALE", "ASIAN_INDIAN");
        sampled(a, "RANDOM", "AGREE");
        sampled(b, "OVERRIDE", "DISAGREE");
        sampled(c, "NOT_LOCATED", null);
        linked(b, "SERIOUS_HARM", DAY.plusDays(3));
        linked(b, "COMPLAINT", DAY.plusDays(20));
        linked(c, "INCIDENT", DAY.plusDays(10));
        linked(d, "CORONER_REPORT", DAY.plusDays(2));

        AssuranceSummary summary = queries.summary(DAY, DAY);

        AssuranceSummary.QualityReviews reviews = summary.qualityReviews();
        assertThat(reviews.sampled()).isEqualTo(3);
        assertThat(reviews.byReason()).containsExactly(java.util.Map.entry("NOT_LOCATED", 1L), java.util.Map.entry("OVERRIDE", 1L),
                java.util.Map.entry("RANDOM", 1L));
        assertThat(reviews.agreed()).isEqualTo(1);
        assertThat(reviews.disagreed()).isEqualTo(1);
        assertThat(reviews.outstanding()).isEqualTo(1);
        assertThat(reviews.disagreementRate()).isEqualTo(0.5);
        assertThat(reviews.sampleShare()).isEqualTo(0.05);
        assertThat(summary.linkedRecords()).containsEntry("INCIDENT", 1L).containsEntry("COMPLAINT", 1L)
                .containsEntry("CORONER_REPORT", 1L).containsEntry("SERIOUS_HARM", 1L);

        AssuranceSummary.Demographics referred = summary.demographicsByRoute().get("REFER");
        assertThat(referred.cases()).isEqualTo(2);
        assertThat(referred.ageBand()).containsEntry("UNDER_18", 1L).containsEntry("65_PLUS", 1L).containsEntry("25_34", 0L);
        assertThat(referred.sex()).containsEntry("FEMALE", 1L).containsEntry("NOT_RECORDED", 1L);
        assertThat(referred.ethnicity()).containsEntry("WHITE_BRITISH", 1L).containsEntry("NOT_RECORDED", 1L);
        assertThat(summary.demographicsByRoute().get("ADVICE_AND_CLOSE").ethnicity()).containsEntry("NOT_STATED", 1L);
        assertThat(summary.demographicsByRoute().get("POLICE_ATTEND").sex()).containsEntry("FEMALE", 1L);
        assertThat(summary.demographicsByRoute().get("UNTRIAGED").cases()).isZero();

        // Harm within 7 days of a non-police decision: b's serious harm on day 3; c's incident on day 10 is outside.
        AssuranceSummary.HarmAfterDecision harm = summary.harmAfterNonPoliceDecision();
        assertThat(harm.nonPoliceDecisions()).isEqualTo(3);
        assertThat(harm.withHarm()).isEqualTo(1);
        assertThat(harm.windowDays()).isEqualTo(7);

        String csv = AssuranceCsv.of(summary);
        assertThat(csv).contains("qualityReviews.byReason,NOT_LOCATED,,1\r\n", "linkedRecords,SERIOUS_HARM,,1\r\n",
                "demographics.ethnicity,WHITE_BRITISH,REFER,1\r\n", "harmAfterNonPoliceDecision.withHarm,,,1\r\n");
    }

    @Test
    void policeSentWithin24HoursOfAReferralOnTheSameCaseOrToARepeatCallCountAsRedeployment() {
        // Police sent by a supervisor two hours after the referral.
        String supervisorSent = triaged("Eve Five", 33, T, "REFER", null, null);
        recorder.referralSent("r1", supervisorSent, "MENTAL_HEALTH", T);
        recorder.escalationRaised("e1", supervisorSent, "r1", "MENTAL_HEALTH", "REJECTED", T.plusSeconds(1800));
        recorder.escalationResolved("e1", "POLICE_ATTEND", T.plus(Duration.ofHours(2)));
        // Police attending a repeat call about the same person 20 hours after the referral.
        String repeated = triaged("Fay Six", 50, T, "REFER", null, null);
        recorder.referralSent("r2", repeated, "MENTAL_HEALTH", T);
        String repeat = triaged("Fay Six", 50, T.plus(Duration.ofHours(20)), "POLICE_ATTEND", null, null);
        recorder.policeDeployed(repeat);
        // A repeat call police attended 30 hours after: outside the window.
        String late = triaged("Gus Seven", 60, T, "REFER", null, null);
        recorder.referralSent("r3", late, "SOCIAL_CARE", T);
        String lateRepeat = triaged("Gus Seven", 60, T.plus(Duration.ofHours(30)), "POLICE_ATTEND", null, null);
        recorder.policeDeployed(lateRepeat);
        // A referral the supervisor chased, never redeployed.
        String chased = triaged("Hal Eight", 25, T, "REFER", null, null);
        recorder.referralSent("r4", chased, "MENTAL_HEALTH", T);
        recorder.escalationRaised("e4", chased, "r4", "MENTAL_HEALTH", "NO_RESPONSE", T.plusSeconds(1800));
        recorder.escalationResolved("e4", "CHASE", T.plus(Duration.ofHours(1)));

        AssuranceSummary.Redeployment redeployment = queries.summary(DAY, DAY.plusDays(1)).policeRedeployment();

        assertThat(redeployment.referred()).isEqualTo(4);
        assertThat(redeployment.sameCase()).isEqualTo(1);
        assertThat(redeployment.repeatCall()).isEqualTo(1);
        assertThat(redeployment.redeployed()).isEqualTo(2);
        assertThat(redeployment.rate()).isEqualTo(0.5);
        assertThat(redeployment.window()).isEqualTo("PT24H");
    }

    private String triaged(String subject, Integer age, Instant loggedAt, String route, String sex, String ethnicity) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO rcrp_call (id, reference, source, category, summary, subject_name, subject_age, logged_at, logged_by)"
                        + " VALUES (?, ?, 'PUBLIC_999', 'CONCERN_FOR_WELFARE', 'test', ?, ?, ?, 'handler1')",
                id, "REF-" + id, subject, age, Timestamp.from(loggedAt));
        if (sex != null || ethnicity != null) {
            jdbc.update("INSERT INTO rcrp_call_demographics (call_id, sex, ethnicity) VALUES (?, ?, ?)", id, sex, ethnicity);
        }
        recorder.caseOpened(id);
        recorder.triaged(id, route, null, null, false);
        return id;
    }

    private void sampled(String caseId, String reason, String verdict) {
        jdbc.update("INSERT INTO rcrp_quality_review (case_id, sampled_at, reason, route, decided_by, verdict) VALUES (?, ?, ?, 'REFER', 'handler1', ?)",
                caseId, Timestamp.from(T), reason, verdict);
    }

    private void linked(String caseId, String type, LocalDate on) {
        jdbc.update("INSERT INTO rcrp_linked_record (case_id, type, occurred_on, reference, recorded_at, recorded_by)"
                + " VALUES (?, ?, ?, 'X-1', ?, 'manager1')", caseId, type, Date.valueOf(on), Timestamp.from(T));
    }
}
