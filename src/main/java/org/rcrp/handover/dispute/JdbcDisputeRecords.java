package org.rcrp.handover.dispute;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.DisputeResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@link DisputeRecords} in {@code rcrp_dispute}, in the engine's transaction (same data source), and the review queue. */
@Repository
public class JdbcDisputeRecords implements DisputeRecords {

    /** Where a dispute stands: the tiers still run, it waits for the joint review, or the review is done. */
    public enum State { OPEN, AWAITING_REVIEW, REVIEWED }

    private static final String COLUMNS = "id, case_id, agency, state, tier, police_position, partner_position, police_decided_by, "
            + "partner_decided_by, result, outcome, opened_at, settled_at, learning_note, reviewed_by, reviewed_at";

    private final JdbcTemplate jdbc;

    public JdbcDisputeRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void opened(String disputeId, String caseId, Agency agency, String referralId, Instant at) {
        jdbc.update("INSERT INTO rcrp_dispute (id, case_id, agency, referral_id, state, tier, opened_at) VALUES (?, ?, ?, ?, ?, 1, ?)",
                disputeId, caseId, agency.name(), referralId, State.OPEN.name(), Timestamp.from(at));
    }

    @Override
    public void escalated(String disputeId, Tier ended, Instant at) {
        jdbc.update("UPDATE rcrp_dispute SET tier = ?, police_position = NULL, partner_position = NULL, police_decided_by = NULL, "
                + "partner_decided_by = NULL WHERE id = ?", ended.tier() + 1, disputeId);
    }

    @Override
    public void settled(String disputeId, Tier last, DisputeResult result, Instant at) {
        jdbc.update("UPDATE rcrp_dispute SET state = ?, tier = ?, police_position = ?, partner_position = ?, police_decided_by = ?, "
                        + "partner_decided_by = ?, result = ?, outcome = ?, settled_at = ? WHERE id = ?",
                State.AWAITING_REVIEW.name(), last.tier(), name(last.policePosition()), name(last.partnerPosition()),
                last.policeDecidedBy(), last.partnerDecidedBy(), result.name(),
                result == DisputeResult.AGREED ? name(last.policePosition()) : null, Timestamp.from(at), disputeId);
    }

    /** Disputes in the state, oldest settled first (open ones by when they opened). */
    public List<DisputeView> inState(State state, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM rcrp_dispute WHERE state = ? ORDER BY settled_at, opened_at, id LIMIT ?",
                JdbcDisputeRecords::view, state.name(), limit);
    }

    public Optional<DisputeView> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM rcrp_dispute WHERE id = ?", JdbcDisputeRecords::view, id).stream().findFirst();
    }

    /** Records the joint review's learning note; false when the dispute does not await review (any more). */
    public boolean reviewed(String id, String learningNote, String reviewer, Instant at) {
        return jdbc.update("UPDATE rcrp_dispute SET state = ?, learning_note = ?, reviewed_by = ?, reviewed_at = ? "
                        + "WHERE id = ? AND state = ?", State.REVIEWED.name(), learningNote, reviewer, Timestamp.from(at), id,
                State.AWAITING_REVIEW.name()) == 1;
    }

    private static DisputeView view(ResultSet row, int number) throws SQLException {
        return new DisputeView(row.getString("id"), row.getString("case_id"), Agency.valueOf(row.getString("agency")),
                State.valueOf(row.getString("state")), row.getInt("tier"),
                new DisputeView.Side(row.getString("police_position"), row.getString("police_decided_by")),
                new DisputeView.Side(row.getString("partner_position"), row.getString("partner_decided_by")),
                row.getString("result"), row.getString("outcome"), instant(row.getTimestamp("opened_at")),
                instant(row.getTimestamp("settled_at")), row.getString("learning_note"), row.getString("reviewed_by"),
                instant(row.getTimestamp("reviewed_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
