package org.rcrp.handover.s136;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rcrp.handover.attendance.Attend;
import org.rcrp.handover.process.AttendOutcome;
import org.rcrp.handover.process.Conveyance;
import org.rcrp.handover.process.HandoverDecision;
import org.rcrp.handover.process.PlaceOfSafety;
import org.rcrp.handover.process.S136Details;
import org.rcrp.handover.process.SupervisorAction;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.referral.SupervisorReview;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The s136 detention of a case ({@code rcrp_s136}): what police recorded at logging, at detention and on arrival, and what
 * the hospital and the police supervisor decided. Written in the same transaction as the call or the task completion.
 */
@Repository
public class S136Records {

    private final JdbcTemplate jdbc;

    public S136Records(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The s136 facts as they stand; empty for a case without a detention. */
    public record S136Record(Instant detainedAt, Instant arrivedAt, Conveyance conveyance, String conveyanceReason,
                             PlaceOfSafety placeOfSafety, Instant delayUntil, String delayAgreedBy, String delayAgreedWith,
                             Instant acceptedAt, String acceptedBy, Instant extendedAt, String extendedBy,
                             String extensionClinician, Instant assessmentEndedAt, String assessmentOutcome, Instant withdrawnAt,
                             String withdrawnBy) {
    }

    public Optional<S136Record> find(String caseId) {
        List<S136Record> rows = jdbc.query("SELECT * FROM rcrp_s136 WHERE case_id = ?", S136Records::row, caseId);
        return rows.stream().findFirst();
    }

    /** Police's facts (logging, detention, arrival): those given replace what the case had, the rest stay. */
    public void detention(String caseId, S136Details s136) {
        ensure(caseId);
        String reason = s136.conveyanceReason() == null || s136.conveyanceReason().isBlank() ? null : s136.conveyanceReason().strip();
        jdbc.update("UPDATE rcrp_s136 SET detained_at = COALESCE(?, detained_at), arrived_at = COALESCE(?, arrived_at),"
                        + " conveyance = COALESCE(?, conveyance), conveyance_reason = CASE WHEN CAST(? AS VARCHAR(20)) IS NULL THEN conveyance_reason ELSE ? END,"
                        + " place_of_safety = COALESCE(?, place_of_safety) WHERE case_id = ?",
                time(s136.detainedAt() == null ? null : s136.detainedAt().toInstant()),
                time(s136.arrivedAt() == null ? null : s136.arrivedAt().toInstant()),
                name(s136.conveyance()), name(s136.conveyance()), s136.conveyance() == null ? null : reason,
                name(s136.placeOfSafety()), caseId);
    }

    /** The facts a completed task adds to the case's detention (nothing for other tasks). */
    public void completed(String caseId, String userId, TaskCompletion body, Instant now) {
        if (caseId == null) {
            return;
        }
        if (body instanceof Attend attend && attend.outcome() == AttendOutcome.S136_DETENTION) {
            detention(caseId, attend.s136() == null ? new S136Details(null, null, null, null, null) : attend.s136());
        } else if (body instanceof RecordArrival arrival) {
            detention(caseId, arrival.s136());
        } else if (body instanceof AcceptHandover accept && accept.effectiveDecision() == HandoverDecision.AGREE_DELAY) {
            ensure(caseId);
            jdbc.update("UPDATE rcrp_s136 SET delay_until = ?, delay_agreed_by = ?, delay_agreed_with = ? WHERE case_id = ?",
                    time(accept.until().toInstant()), userId, accept.agreedWithPolice().strip(), caseId);
        } else if (body instanceof AcceptHandover) {
            ensure(caseId);
            jdbc.update("UPDATE rcrp_s136 SET accepted_at = ?, accepted_by = ? WHERE case_id = ?", time(now), userId, caseId);
        } else if (body instanceof CompleteAssessment assessment) {
            ensure(caseId);
            jdbc.update("UPDATE rcrp_s136 SET assessment_ended_at = ?, assessment_outcome = ? WHERE case_id = ?",
                    time(assessment.endedAtOrNow()), assessment.outcome().name(), caseId);
        } else if (body instanceof SupervisorReview review && review.action() == SupervisorAction.WITHDRAW) {
            ensure(caseId);
            jdbc.update("UPDATE rcrp_s136 SET withdrawn_at = ?, withdrawn_by = ? WHERE case_id = ?", time(now), userId, caseId);
        }
    }

    /** The responsible clinician's +12 h extension, recorded by a hospital user. */
    public void extended(String caseId, String userId, String clinician, Instant at) {
        ensure(caseId);
        jdbc.update("UPDATE rcrp_s136 SET extended_at = ?, extended_by = ?, extension_clinician = ? WHERE case_id = ?",
                time(at), userId, clinician, caseId);
    }

    private void ensure(String caseId) {
        jdbc.update("INSERT INTO rcrp_s136 (case_id) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM rcrp_s136 WHERE case_id = ?)",
                caseId, caseId);
    }

    private static Timestamp time(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static S136Record row(ResultSet rs, int number) throws SQLException {
        return new S136Record(instant(rs, "detained_at"), instant(rs, "arrived_at"),
                rs.getString("conveyance") == null ? null : Conveyance.valueOf(rs.getString("conveyance")),
                rs.getString("conveyance_reason"),
                rs.getString("place_of_safety") == null ? null : PlaceOfSafety.valueOf(rs.getString("place_of_safety")),
                instant(rs, "delay_until"), rs.getString("delay_agreed_by"), rs.getString("delay_agreed_with"),
                instant(rs, "accepted_at"), rs.getString("accepted_by"), instant(rs, "extended_at"), rs.getString("extended_by"),
                rs.getString("extension_clinician"), instant(rs, "assessment_ended_at"), rs.getString("assessment_outcome"),
                instant(rs, "withdrawn_at"), rs.getString("withdrawn_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
