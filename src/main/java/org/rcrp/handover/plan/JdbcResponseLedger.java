package org.rcrp.handover.plan;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Grade;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@link ResponseLedger} in {@code rcrp_response}, in the engine's transaction (same data source). */
@Repository
public class JdbcResponseLedger implements ResponseLedger {

    private static final int REASON_LIMIT = 2000;

    private final JdbcTemplate jdbc;

    private final Clock clock;

    public JdbcResponseLedger(JdbcTemplate jdbc, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Override
    public List<Agency> plan(String caseId, List<Response> responses, Function<Response, ResponseState> firstState) {
        Map<Agency, Entry> existing = entries(caseId).stream().collect(Collectors.toMap(Entry::agency, entry -> entry));
        Timestamp now = now();
        List<Agency> started = new ArrayList<>();
        for (Response response : responses) {
            Entry before = existing.get(response.agency());
            if (before == null) {
                jdbc.update("INSERT INTO rcrp_response (case_id, agency, role, grade, reason, state, planned_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", caseId, response.agency().name(), response.role().name(),
                        name(response.grade()), limit(response.reason()), firstState.apply(response).name(), now, now);
                started.add(response.agency());
            } else {
                boolean acting = before.state().open();
                jdbc.update("UPDATE rcrp_response SET role = ?, grade = ?, reason = ?, state = ?, planned_at = ?, updated_at = ? "
                        + "WHERE case_id = ? AND agency = ?", response.role().name(), name(response.grade()),
                        limit(response.reason()), acting ? before.state().name() : firstState.apply(response).name(), now, now,
                        caseId, response.agency().name());
                if (!acting) {
                    started.add(response.agency());
                }
            }
        }
        return started;
    }

    @Override
    public void state(String caseId, Agency agency, Role role, ResponseState state) {
        Timestamp now = now();
        int updated = jdbc.update("UPDATE rcrp_response SET state = ?, updated_at = ?, "
                        + "role = CASE WHEN role = 'INFORMED' THEN ? ELSE role END WHERE case_id = ? AND agency = ?",
                state.name(), now, role.name(), caseId, agency.name());
        if (updated == 0) {
            jdbc.update("INSERT INTO rcrp_response (case_id, agency, role, grade, reason, state, planned_at, updated_at) "
                    + "VALUES (?, ?, ?, NULL, NULL, ?, ?, ?)", caseId, agency.name(), role.name(), state.name(), now, now);
        }
    }

    @Override
    public List<Entry> entries(String caseId) {
        return jdbc.query("SELECT agency, role, grade, reason, state, updated_at FROM rcrp_response WHERE case_id = ? "
                        + "ORDER BY planned_at, agency",
                (rs, row) -> new Entry(Agency.valueOf(rs.getString("agency")), Role.valueOf(rs.getString("role")),
                        rs.getString("grade") == null ? null : Grade.valueOf(rs.getString("grade")), rs.getString("reason"),
                        ResponseState.valueOf(rs.getString("state")), rs.getTimestamp("updated_at").toInstant()),
                caseId).stream().sorted(java.util.Comparator.comparing(Entry::role)).toList();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String limit(String text) {
        return text == null || text.length() <= REASON_LIMIT ? text : text.substring(0, REASON_LIMIT);
    }
}
