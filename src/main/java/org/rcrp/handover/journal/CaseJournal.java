package org.rcrp.handover.journal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The immutable decision log of DOMAIN.md: every action a person takes on a case, with who, the role
 * they acted in, when, and what was decided and why. Written in the same transaction as the action.
 */
@Repository
public class CaseJournal implements DecisionLog {

    public record Entry(Instant at, String type, String actor, String role, String detail) {
    }

    private final JdbcTemplate jdbc;

    public CaseJournal(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(String caseId, String type, String actor, String role, String detail) {
        jdbc.update("INSERT INTO rcrp_case_event (case_id, at, type, actor, role, detail) VALUES (?, ?, ?, ?, ?, ?)",
                caseId, Timestamp.from(ClockUtil.getCurrentTime().toInstant()), type, actor, role,
                detail == null ? null : truncate(detail));
    }

    public List<Entry> entries(String caseId) {
        return jdbc.query("SELECT at, type, actor, role, detail FROM rcrp_case_event WHERE case_id = ? ORDER BY at, id",
                (rs, row) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("type"), rs.getString("actor"),
                        rs.getString("role"), rs.getString("detail")),
                caseId);
    }

    private static String truncate(String detail) {
        return detail.length() <= 4000 ? detail : detail.substring(0, 3997) + "...";
    }
}
