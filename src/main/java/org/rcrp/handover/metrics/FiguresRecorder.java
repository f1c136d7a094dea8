package org.rcrp.handover.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rcrp.handover.intake.PersonKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the figures' read model (V2__figures_read_model.sql) as cases progress, in the transaction of
 * the step that moved them: if the step rolls back, so does its figure. Called by {@link FiguresListeners}
 * with plain values, so it knows nothing of the engine. The live counters (SLA breaches, escalations,
 * handover times) count only what committed.
 */
@Component
public class FiguresRecorder {

    /** Clocks whose breach the meters count ({@code rcrp_sla_breaches_total{clock=...}}). */
    public enum Clock {
        TRIAGE, ATTENDANCE, PARTNER_ACKNOWLEDGEMENT, PARTNER_OUTCOME, HANDOVER, DETENTION_LIMIT
    }

    /** Stands in for a value the process should have set, so that a figure never stops a case moving. */
    static final String UNKNOWN = "UNKNOWN";

    private final JdbcTemplate jdbc;
    private final MetricsProperties properties;
    private final MeterRegistry meters;

    public FiguresRecorder(JdbcTemplate jdbc, MetricsProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.meters = meters;
    }

    // ---- cases ----

    /** A case opened: its call's category, source and person, and whether it repeats a recent call about that person. */
    public void caseOpened(String caseId) {
        // Read column by column: H2 hands TIMESTAMP WITH TIME ZONE back as OffsetDateTime in a plain row map.
        List<Object[]> calls = jdbc.query("SELECT category, source, subject_name, subject_age, logged_at FROM rcrp_call WHERE id = ?",
                (rs, row) -> new Object[] {rs.getString("category"), rs.getString("source"), rs.getString("subject_name"),
                        rs.getObject("subject_age") == null ? null : rs.getInt("subject_age"), rs.getTimestamp("logged_at").toInstant()},
                caseId);
        if (calls.isEmpty()) {
            return; // a process started by hand (Cockpit) has no call, so no figures
        }
        Object[] call = calls.get(0);
        Instant loggedAt = (Instant) call[4];
        Optional<String> person = PersonKey.of((String) call[2]);
        Integer age = (Integer) call[3];
        String recontactOf = person.map(key -> earlierCallAbout(key, age, loggedAt, caseId)).orElse(null);
        jdbc.update("INSERT INTO rcrp_report_case (case_id, logged_at, logged_day, category, source, subject_key, subject_age,"
                        + " recontact_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                caseId, Timestamp.from(loggedAt), day(loggedAt), call[0], call[1],
                person.orElse(null), age, recontactOf);
    }

    private String earlierCallAbout(String person, Integer age, Instant loggedAt, String caseId) {
        StringBuilder sql = new StringBuilder("SELECT case_id FROM rcrp_report_case WHERE subject_key = ?"
                + " AND logged_at >= ? AND logged_at <= ? AND case_id <> ?");
        List<Object> arguments = new ArrayList<>(List.of(person,
                Timestamp.from(loggedAt.minus(properties.recontactWindow())), Timestamp.from(loggedAt), caseId));
        if (age != null) {
            sql.append(" AND (subject_age IS NULL OR subject_age BETWEEN ? AND ?)");
            arguments.add(age - properties.recontactAgeYears());
            arguments.add(age + properties.recontactAgeYears());
        }
        sql.append(" ORDER BY logged_at DESC FETCH FIRST 1 ROWS ONLY");
        List<String> earlier = jdbc.queryForList(sql.toString(), String.class, arguments.toArray());
        return earlier.isEmpty() ? null : earlier.get(0);
    }

    /** Triage decided (again): the first decision is the case's route in the figures; any override counts. */
    public void triaged(String caseId, String route, String grade, String agency, boolean overridden) {
        jdbc.update("UPDATE rcrp_report_case SET triaged = TRUE, first_route = COALESCE(first_route, ?), route = ?,"
                        + " grade = ?, agency = ?, overridden = CASE WHEN ? THEN TRUE ELSE overridden END WHERE case_id = ?",
                route, route, grade, agency, overridden, caseId);
    }

    /** Police were sent (attendance) or brought the person to a place of safety (s136). */
    public void policeDeployed(String caseId) {
        jdbc.update("UPDATE rcrp_report_case SET police_attended = TRUE WHERE case_id = ?", caseId);
    }

    /** Police will not attend: the caller must be told who will. */
    public void callerToBeInformed(String caseId) {
        jdbc.update("UPDATE rcrp_report_case SET inform_required = TRUE WHERE case_id = ?", caseId);
    }

    public void callerInformTaskEnded(String caseId, boolean informed) {
        jdbc.update("UPDATE rcrp_report_case SET caller_informed = ? WHERE case_id = ?", informed, caseId);
    }

    public void caseClosed(String caseId, Instant at) {
        jdbc.update("UPDATE rcrp_report_case SET closed_at = ? WHERE case_id = ?", Timestamp.from(at), caseId);
    }

    // ---- referrals ----

    public void referralSent(String referralId, String caseId, String agency, Instant at) {
        if (agency == null) {
            return; // the models always pass the agency in; a referral without one has nobody to count against
        }
        jdbc.update("INSERT INTO rcrp_report_referral (referral_id, case_id, logged_day, agency, sent_at)"
                        + " SELECT ?, case_id, logged_day, ?, ? FROM rcrp_report_case WHERE case_id = ?",
                referralId, agency, Timestamp.from(at), caseId);
    }

    /** The partner accepted or rejected; the first answer is the acknowledgement, timed from sending. */
    public void referralAnswered(String referralId, boolean accepted, String rejectReason, Instant at) {
        List<Timestamp> sent = jdbc.queryForList(
                "SELECT sent_at FROM rcrp_report_referral WHERE referral_id = ?", Timestamp.class, referralId);
        if (sent.isEmpty()) {
            return;
        }
        long seconds = seconds(sent.get(0).toInstant(), at);
        Timestamp when = Timestamp.from(at);
        if (accepted) {
            jdbc.update("UPDATE rcrp_report_referral SET acknowledged_at = COALESCE(acknowledged_at, ?),"
                            + " ack_seconds = COALESCE(ack_seconds, ?), accepted = TRUE, accepted_at = COALESCE(accepted_at, ?)"
                            + " WHERE referral_id = ?", when, seconds, when, referralId);
        } else {
            jdbc.update("UPDATE rcrp_report_referral SET acknowledged_at = COALESCE(acknowledged_at, ?),"
                            + " ack_seconds = COALESCE(ack_seconds, ?), rejected = TRUE, reject_reason = COALESCE(reject_reason, ?)"
                            + " WHERE referral_id = ?", when, seconds, rejectReason, referralId);
        }
    }

    public void acknowledgementBreached(String referralId, String agency) {
        jdbc.update("UPDATE rcrp_report_referral SET ack_breaches = ack_breaches + 1 WHERE referral_id = ?", referralId);
        clockBreached(Clock.PARTNER_ACKNOWLEDGEMENT, agency);
    }

    /** The partner recorded its outcome, timed from its acceptance. */
    public void outcomeRecorded(String referralId, String outcome, Instant at) {
        List<Timestamp> acceptedAt = jdbc.queryForList(
                "SELECT accepted_at FROM rcrp_report_referral WHERE referral_id = ?", Timestamp.class, referralId);
        if (acceptedAt.isEmpty()) {
            return;
        }
        Long seconds = acceptedAt.get(0) == null ? null : seconds(acceptedAt.get(0).toInstant(), at);
        jdbc.update("UPDATE rcrp_report_referral SET outcome = ?, outcome_at = ?, outcome_seconds = ? WHERE referral_id = ?",
                outcome, Timestamp.from(at), seconds, referralId);
    }

    public void outcomeBreached(String referralId, String agency) {
        jdbc.update("UPDATE rcrp_report_referral SET outcome_breaches = outcome_breaches + 1 WHERE referral_id = ?", referralId);
        clockBreached(Clock.PARTNER_OUTCOME, agency);
    }

    public void referralEnded(String referralId, String result, Instant at) {
        jdbc.update("UPDATE rcrp_report_referral SET result = ?, ended_at = ? WHERE referral_id = ?",
                result, Timestamp.from(at), referralId);
    }

    // ---- s136 handovers ----

    /** The person arrived at the place of safety ({@code at}, as police recorded it): the hour runs from here. */
    public void arrivedAtPlaceOfSafety(String handoverId, String caseId, Instant at, String conveyance, String placeOfSafety) {
        jdbc.update("INSERT INTO rcrp_report_handover (handover_id, case_id, logged_day, arrived_at, conveyance, place_of_safety)"
                        + " SELECT ?, case_id, logged_day, ?, ?, ? FROM rcrp_report_case WHERE case_id = ?",
                handoverId, Timestamp.from(at), conveyance, placeOfSafety, caseId);
    }

    /** Police and the hospital agreed a later handover: no breach of the hour while the agreed time holds. */
    public void handoverDelayAgreed(String handoverId) {
        jdbc.update("UPDATE rcrp_report_handover SET delay_agreed = TRUE WHERE handover_id = ?", handoverId);
    }

    public void detentionExtended(String handoverId) {
        jdbc.update("UPDATE rcrp_report_handover SET extended = TRUE WHERE handover_id = ?", handoverId);
    }

    public void policeWithdrew(String handoverId) {
        jdbc.update("UPDATE rcrp_report_handover SET police_withdrew = TRUE WHERE handover_id = ?", handoverId);
    }

    public void assessmentEnded(String handoverId, Instant at) {
        jdbc.update("UPDATE rcrp_report_handover SET assessment_ended_at = ? WHERE handover_id = ?", Timestamp.from(at), handoverId);
    }

    public void handedOver(String handoverId, Instant at) {
        List<Timestamp> arrived = jdbc.queryForList(
                "SELECT arrived_at FROM rcrp_report_handover WHERE handover_id = ?", Timestamp.class, handoverId);
        if (arrived.isEmpty()) {
            return;
        }
        long seconds = seconds(arrived.get(0).toInstant(), at);
        jdbc.update("UPDATE rcrp_report_handover SET handed_over_at = ?, handover_seconds = ? WHERE handover_id = ?",
                Timestamp.from(at), seconds, handoverId);
        afterCommit(() -> Timer.builder("rcrp.s136.handover.duration")
                .description("Time from arrival at the place of safety to health accepting the handover")
                .register(meters).record(Duration.ofSeconds(seconds)));
    }

    public void handoverOverTheHour(String handoverId) {
        jdbc.update("UPDATE rcrp_report_handover SET over_the_hour = TRUE WHERE handover_id = ?", handoverId);
        clockBreached(Clock.HANDOVER, "HOSPITAL");
    }

    public void detentionLimitReached(String handoverId) {
        jdbc.update("UPDATE rcrp_report_handover SET detention_limit_reached = TRUE WHERE handover_id = ?", handoverId);
        clockBreached(Clock.DETENTION_LIMIT, "HOSPITAL");
    }

    public void handoverEnded(String handoverId, Instant at) {
        jdbc.update("UPDATE rcrp_report_handover SET ended_at = ? WHERE handover_id = ?", Timestamp.from(at), handoverId);
    }

    // ---- escalations (supervisor reviews) ----

    public void escalationRaised(String escalationId, String caseId, String referralId, String givenAgency, String givenReason,
                                 Instant at) {
        String reason = givenReason == null ? UNKNOWN : givenReason;
        String agency = givenAgency == null ? UNKNOWN : givenAgency;
        jdbc.update("INSERT INTO rcrp_report_escalation (escalation_id, case_id, referral_id, logged_day, agency, reason,"
                        + " raised_at) SELECT ?, case_id, ?, logged_day, ?, ?, ? FROM rcrp_report_case WHERE case_id = ?",
                escalationId, referralId, agency, reason, Timestamp.from(at), caseId);
        afterCommit(() -> Counter.builder("rcrp.escalations").description("Supervisor reviews raised")
                .tag("reason", reason).tag("agency", agency).register(meters).increment());
    }

    public void escalationResolved(String escalationId, String action, Instant at) {
        jdbc.update("UPDATE rcrp_report_escalation SET resolution = ?, resolved_at = ? WHERE escalation_id = ?",
                action, Timestamp.from(at), escalationId);
    }

    /** The review's task went away without a decision: the case moved on (e.g. closed) first. */
    public void escalationCancelled(String escalationId, Instant at) {
        jdbc.update("UPDATE rcrp_report_escalation SET resolution = 'CANCELLED', resolved_at = ?"
                + " WHERE escalation_id = ? AND resolution IS NULL", Timestamp.from(at), escalationId);
    }

    /** A clock ran out (the meters only; the read model records each breach where it belongs). */
    public void clockBreached(Clock clock, String agency) {
        afterCommit(() -> Counter.builder("rcrp.sla.breaches").description("SLA clocks that ran out")
                .tag("clock", clock.name()).tag("agency", agency == null ? "POLICE" : agency).register(meters).increment());
    }

    // ----

    LocalDate day(Instant at) {
        return at.atZone(properties.zone()).toLocalDate();
    }

    private static long seconds(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds();
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
