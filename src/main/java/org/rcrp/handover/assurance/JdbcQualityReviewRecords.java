package org.rcrp.handover.assurance;

import java.sql.Timestamp;
import java.time.Instant;
import org.rcrp.handover.process.QualityVerdict;
import org.rcrp.handover.process.Route;
import org.rcrp.handover.process.SampleReason;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Written in the transaction of the step that samples or reviews, like the figures' read model. */
@Repository
class JdbcQualityReviewRecords implements QualityReviewRecords {

    private final JdbcTemplate jdbc;

    JdbcQualityReviewRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void sampled(String caseId, SampleReason reason, Route route, String decidedBy, Instant at) {
        jdbc.update("INSERT INTO rcrp_quality_review (case_id, sampled_at, reason, route, decided_by) VALUES (?, ?, ?, ?, ?)",
                caseId, Timestamp.from(at), reason.name(), route == null ? null : route.name(), decidedBy);
    }

    @Override
    public void reviewed(String caseId, QualityVerdict verdict, String reviewer, Instant at) {
        jdbc.update("UPDATE rcrp_quality_review SET verdict = ?, reviewed_by = ?, reviewed_at = ? WHERE case_id = ?",
                verdict.name(), reviewer, Timestamp.from(at), caseId);
    }
}
