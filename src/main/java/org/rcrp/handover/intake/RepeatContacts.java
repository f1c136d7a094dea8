package org.rcrp.handover.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.journal.CaseJournal;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.Groups;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Repository;

/**
 * Bounced callers (DOMAIN): a second call about the same person within the re-contact window (24 h) is put before the
 * police supervisors — on their escalations page, with both calls — until one of them marks it seen, and both the flag
 * and the supervisor's look are journalled on the case. Raised when the call is logged, in its transaction
 * ({@code rcrp_repeat_contact}, V6); no process model changes. The journal entries are the system's and a supervisor's,
 * so no partner ever sees them (docs/SECURITY.md: partners see what their own agency wrote).
 */
@Repository
public class RepeatContacts {

    public static final String SUPERVISORS = Groups.POLICE_SUPERVISORS;
    static final String RAISED = "REPEAT_CONTACT";
    static final String SEEN = "REPEAT_CONTACT_SEEN";

    /** A repeat contact waiting for a supervisor: the new call and the earlier one about the same person. */
    public record Flag(String caseId, String reference, Category category, Instant loggedAt, String earlierCaseId,
                       String earlierReference, Instant earlierLoggedAt, PreviousContacts.MatchedBy matchedBy) {
    }

    private final JdbcTemplate jdbc;
    private final CaseJournal journal;

    private final Clock clock;

    public RepeatContacts(JdbcTemplate jdbc, CaseJournal journal, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.journal = journal;
    }

    /** The call repeats an earlier one about the same person: flagged for the supervisors and journalled on the call's case. */
    void raise(CallRecord call, PreviousContacts.Contact earlier, Duration window) {
        jdbc.update("INSERT INTO rcrp_repeat_contact (case_id, earlier_case_id, matched_by, raised_at) VALUES (?, ?, ?, ?)",
                call.id(), earlier.caseId(), earlier.matchedBy().name(), Timestamp.from(call.loggedAt()));
        journal.record(call.id(), RAISED, "system", null, "Repeat contact within " + hours(window) + ": " + earlier.reference()
                + " was logged about the same person " + hours(Duration.between(earlier.loggedAt(), call.loggedAt()))
                + " before this call (matched by " + describe(earlier.matchedBy()) + "); put to the supervisors");
    }

    /** The repeats no supervisor has marked seen, newest first, at most {@code limit}. */
    public List<Flag> unseen(Actor actor, int limit) {
        requireSupervisor(actor);
        return jdbc.query("SELECT r.case_id, c.reference, c.category, c.logged_at, r.earlier_case_id, e.reference AS earlier_reference,"
                        + " e.logged_at AS earlier_logged_at, r.matched_by FROM rcrp_repeat_contact r"
                        + " JOIN rcrp_call c ON c.id = r.case_id JOIN rcrp_call e ON e.id = r.earlier_case_id"
                        + " WHERE r.seen_at IS NULL ORDER BY r.seen_at, r.raised_at DESC FETCH FIRST ? ROWS ONLY",
                (rs, row) -> new Flag(rs.getString("case_id"), rs.getString("reference"), Category.valueOf(rs.getString("category")),
                        rs.getTimestamp("logged_at").toInstant(), rs.getString("earlier_case_id"), rs.getString("earlier_reference"),
                        rs.getTimestamp("earlier_logged_at").toInstant(), PreviousContacts.MatchedBy.valueOf(rs.getString("matched_by"))),
                limit);
    }

    /**
     * A supervisor has looked at the repeat: it leaves the escalations page and the case's journal says who and when.
     * False when it was seen already (by another supervisor) or there is none on the case.
     */
    public boolean markSeen(String caseId, Actor actor) {
        requireSupervisor(actor);
        Instant now = clock.instant();
        int marked = jdbc.update("UPDATE rcrp_repeat_contact SET seen_by = ?, seen_at = ? WHERE case_id = ? AND seen_at IS NULL",
                actor.userId(), Timestamp.from(now), caseId);
        if (marked == 0) {
            return false;
        }
        String earlier = jdbc.queryForObject("SELECT e.reference FROM rcrp_repeat_contact r JOIN rcrp_call e ON e.id = r.earlier_case_id"
                + " WHERE r.case_id = ?", String.class, caseId);
        journal.record(caseId, SEEN, actor.userId(), actor.role(), "Repeat contact seen by a supervisor (the earlier call: " + earlier + ")");
        return true;
    }

    private static void requireSupervisor(Actor actor) {
        if (!actor.isIn(SUPERVISORS)) {
            throw new AccessDeniedException("Repeat contacts are for police supervisors");
        }
    }

    static String describe(PreviousContacts.MatchedBy matchedBy) {
        return switch (matchedBy) {
            case NAME -> "name and age";
            case PHONE -> "the caller's phone number, one call without a name";
            case NAME_AND_PHONE -> "name, age and the caller's phone number";
        };
    }

    private static String hours(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes < 60 ? minutes + " min" : duration.toHours() + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
}
