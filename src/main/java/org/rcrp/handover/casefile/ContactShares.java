package org.rcrp.handover.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.rcrp.handover.intake.CallRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Partners' requests for contact details and police's decisions ({@code rcrp_contact_share}): the log of what was shared
 * with whom, on which lawful basis and information-sharing agreement. The details themselves stay on the call
 * ({@code rcrp_call}); a grant is read from there, so the log never copies a number.
 */
@Repository
public class ContactShares {

    public enum Whose { CALLER, FAMILY }

    public enum State { REQUESTED, GRANTED, REFUSED }

    public enum Decision { GRANT, REFUSE }

    /** One request and, once decided, its decision. {@code shared} says what was shared (which fields), never the values. */
    public record Share(String id, String caseId, String partnerGroup, Whose whose, String purpose, String requestedBy,
                        Instant requestedAt, State state, String decidedBy, Instant decidedAt, String lawfulBasis,
                        String sharingAgreement, String shared) {
    }

    private static final String COLUMNS = "id, case_id, partner_group, whose, purpose, requested_by, requested_at, state, "
            + "decided_by, decided_at, lawful_basis, sharing_agreement, shared";

    private final JdbcTemplate jdbc;
    private final CallRepository calls;

    public ContactShares(JdbcTemplate jdbc, CallRepository calls) {
        this.jdbc = jdbc;
        this.calls = calls;
    }

    void requested(String id, String caseId, String partnerGroup, Whose whose, String purpose, String by, Instant at) {
        jdbc.update("INSERT INTO rcrp_contact_share (id, case_id, partner_group, whose, purpose, requested_by, requested_at, state) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, caseId, partnerGroup, whose.name(), purpose, by, Timestamp.from(at),
                State.REQUESTED.name());
    }

    /** Records the decision on a request still open; false when it was decided already. */
    boolean decided(String id, State state, String by, Instant at, String lawfulBasis, String sharingAgreement, String shared) {
        return jdbc.update("UPDATE rcrp_contact_share SET state = ?, decided_by = ?, decided_at = ?, lawful_basis = ?, "
                        + "sharing_agreement = ?, shared = ? WHERE id = ? AND state = ?", state.name(), by, Timestamp.from(at),
                lawfulBasis, sharingAgreement, shared, id, State.REQUESTED.name()) == 1;
    }

    Optional<Share> find(String caseId, String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM rcrp_contact_share WHERE id = ? AND case_id = ?", ContactShares::share, id, caseId)
                .stream().findFirst();
    }

    /** The case's requests, oldest first: all of them (police), or those of the given partner groups. */
    List<Share> ofCase(String caseId, Collection<String> partnerGroups) {
        List<Share> all = jdbc.query("SELECT " + COLUMNS + " FROM rcrp_contact_share WHERE case_id = ? ORDER BY requested_at, id",
                ContactShares::share, caseId);
        return partnerGroups == null ? all : all.stream().filter(share -> partnerGroups.contains(share.partnerGroup())).toList();
    }

    /** Decided requests (grants and refusals) in the period, newest first, for managers. */
    public List<Share> decidedBetween(Instant from, Instant to, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM rcrp_contact_share WHERE decided_at >= ? AND decided_at < ? "
                + "ORDER BY decided_at DESC, id LIMIT ?", ContactShares::share, Timestamp.from(from), Timestamp.from(to), limit);
    }

    /** Exactly the contacts granted to these groups on the case: name and phone of whose each grant was for. */
    List<CaseView.SharedContact> grantedTo(String caseId, Collection<String> partnerGroups) {
        if (partnerGroups.isEmpty()) {
            return List.of();
        }
        List<String> whose = jdbc.queryForList("SELECT DISTINCT whose FROM rcrp_contact_share WHERE case_id = ? AND state = ? "
                + "AND partner_group IN (" + String.join(",", Collections.nCopies(partnerGroups.size(), "?")) + ") ORDER BY whose",
                String.class, args(caseId, State.GRANTED.name(), partnerGroups));
        return whose.stream().map(Whose::valueOf).map(kind -> contact(caseId, kind)).flatMap(Optional::stream).toList();
    }

    /** The contact on the call: the caller's, or the family contact's; empty when the call has no name or number for it. */
    Optional<CaseView.SharedContact> contact(String caseId, Whose whose) {
        if (whose == Whose.FAMILY) {
            return calls.findFamilyContact(caseId).map(contact -> new CaseView.SharedContact(whose.name(), contact.name(), contact.phone()));
        }
        return calls.findById(caseId).filter(call -> call.callerName() != null || call.callerPhone() != null)
                .map(call -> new CaseView.SharedContact(whose.name(), call.callerName(), call.callerPhone()));
    }

    private static Object[] args(String caseId, String state, Collection<String> groups) {
        Object[] args = new Object[2 + groups.size()];
        args[0] = caseId;
        args[1] = state;
        int i = 2;
        for (String group : groups) {
            args[i++] = group;
        }
        return args;
    }

    private static Share share(ResultSet row, int number) throws SQLException {
        return new Share(row.getString("id"), row.getString("case_id"), row.getString("partner_group"),
                Whose.valueOf(row.getString("whose")), row.getString("purpose"), row.getString("requested_by"),
                instant(row.getTimestamp("requested_at")), State.valueOf(row.getString("state")), row.getString("decided_by"),
                instant(row.getTimestamp("decided_at")), row.getString("lawful_basis"), row.getString("sharing_agreement"),
                row.getString("shared"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
