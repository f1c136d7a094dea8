package org.rcrp.handover.assurance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.journal.CaseJournal;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.Groups;
import org.rcrp.handover.process.InvalidInputException;
import org.rcrp.handover.process.TextLimits;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents, complaints, coroners' reports and serious harm linked to a case (rcrp_linked_record), so assurance can
 * ask what happened after a decision. Managers and police supervisors link them; police staff and managers read them,
 * partners never (a complaint or a coroner's report about another agency is not theirs to read on the shared case).
 * The note is what a person wrote: it is kept in the case's journal with the entry that records the link.
 */
@Service
public class LinkedRecords {

    public static final String LINKED = "RECORD_LINKED";
    public static final int REFERENCE = 64;

    /** A record as linked; {@code note} is the journal's, read back with it. */
    public record LinkedRecord(long id, LinkedRecordType type, LocalDate occurredOn, String reference, String note,
                               Instant recordedAt, String recordedBy) {
    }

    /** The body of POST /api/calls/{id}/linked-records; type as text so a wrong code is a 400 naming it. */
    public record NewLinkedRecord(String type, String occurredOn, String reference, String note) {
    }

    private final JdbcTemplate jdbc;
    private final CaseJournal journal;

    private final Clock clock;

    public LinkedRecords(JdbcTemplate jdbc, CaseJournal journal, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.journal = journal;
    }

    public static boolean mayLink(Actor actor) {
        return actor.isIn(Groups.MANAGERS) || actor.isIn(Groups.POLICE_SUPERVISORS);
    }

    public static boolean mayRead(Actor actor) {
        return actor.isPolice();
    }

    /** Links a record to an existing case (the caller checked it exists); refused whole, with every bad field named. */
    @Transactional
    public LinkedRecord link(String caseId, NewLinkedRecord body, Actor actor) {
        if (!mayLink(actor)) {
            throw new AccessDeniedException("Managers and police supervisors link records to cases");
        }
        List<FieldError> errors = new ArrayList<>();
        LinkedRecordType type = null;
        LocalDate occurredOn = null;
        if (body == null) {
            throw new InvalidInputException(List.of(new FieldError("body", "must be a JSON object")));
        }
        if (body.type() == null || body.type().isBlank()) {
            errors.add(new FieldError("type", "is required"));
        } else {
            try {
                type = LinkedRecordType.valueOf(body.type());
            } catch (IllegalArgumentException unknown) {
                errors.add(new FieldError("type", "must be one of " + List.of(LinkedRecordType.values())));
            }
        }
        LocalDate today = clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        if (body.occurredOn() == null || body.occurredOn().isBlank()) {
            errors.add(new FieldError("occurredOn", "is required"));
        } else {
            try {
                occurredOn = LocalDate.parse(body.occurredOn());
                if (occurredOn.isAfter(today.plusDays(1))) {
                    errors.add(new FieldError("occurredOn", "must not be in the future"));
                }
            } catch (java.time.format.DateTimeParseException unreadable) {
                errors.add(new FieldError("occurredOn", "must be a date, YYYY-MM-DD"));
            }
        }
        if (body.reference() != null && body.reference().length() > REFERENCE) {
            errors.add(new FieldError("reference", TextLimits.tooLong(REFERENCE)));
        }
        if (body.note() != null && body.note().length() > TextLimits.NOTE) {
            errors.add(new FieldError("note", TextLimits.tooLong(TextLimits.NOTE)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = clock.instant();
        String reference = body.reference() == null || body.reference().isBlank() ? null : body.reference().strip();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        LinkedRecordType linkedType = type;
        LocalDate on = occurredOn;
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO rcrp_linked_record (case_id, type, occurred_on, reference,"
                    + " recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            statement.setString(1, caseId);
            statement.setString(2, linkedType.name());
            statement.setObject(3, java.sql.Date.valueOf(on));
            statement.setString(4, reference);
            statement.setTimestamp(5, Timestamp.from(now));
            statement.setString(6, actor.userId());
            return statement;
        }, key);
        long id = key.getKeyAs(Number.class).longValue();
        String note = body.note() == null || body.note().isBlank() ? null : body.note().strip();
        journal.record(caseId, CaseJournal.About.CASE, LINKED, actor.userId(), actor.role(), detail(id, linkedType, on, reference),
                note);
        return new LinkedRecord(id, linkedType, on, reference, note, now, actor.userId());
    }

    /** The case's linked records, oldest first, each with its note from the journal. */
    @Transactional(readOnly = true)
    public List<LinkedRecord> of(String caseId) {
        List<CaseJournal.Entry> entries = journal.entries(caseId).stream().filter(entry -> LINKED.equals(entry.type())).toList();
        return jdbc.query("SELECT id, type, occurred_on, reference, recorded_at, recorded_by FROM rcrp_linked_record"
                + " WHERE case_id = ? ORDER BY recorded_at, id", (rs, row) -> {
                    long id = rs.getLong("id");
                    String prefix = prefix(id);
                    String note = entries.stream().filter(entry -> entry.detail() != null && entry.detail().startsWith(prefix))
                            .findFirst().map(CaseJournal.Entry::note).orElse(null);
                    return new LinkedRecord(id, LinkedRecordType.valueOf(rs.getString("type")),
                            rs.getDate("occurred_on").toLocalDate(), rs.getString("reference"), note,
                            rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
                }, caseId);
    }

    private static String detail(long id, LinkedRecordType type, LocalDate occurredOn, String reference) {
        return prefix(id) + " " + type + " on " + occurredOn + (reference == null ? "" : ", reference " + reference);
    }

    private static String prefix(long id) {
        return "Linked record " + id + ":";
    }
}
