package org.rcrp.handover.journal;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.rcrp.handover.process.TextLimits;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The immutable decision log: every action a person takes on a case, with who, the role
 * they acted in, when, and what was decided and why. Written in the same transaction as the action.
 * It is the only place what people write is kept: an entry's {@code detail} is the system's account of the action
 * (task, decision, codes) and its {@code note} the person's own words, kept apart so a reader can be given the one
 * without the other. The engine's variables never hold either.
 */
@Repository
public class CaseJournal implements DecisionLog {

    /** One entry; {@code processInstanceId} and {@code taskKey} say which process and task it is about, when it is. */
    public record Entry(Instant at, String type, String actor, String role, String detail, String note,
                        String processInstanceId, String taskKey) {

        /** The detail followed by the person's note, as police read the timeline. */
        public String text() {
            if (note == null || note.isBlank()) {
                return detail;
            }
            return detail == null || detail.isBlank() ? note : detail + " — " + note;
        }
    }

    /** The answers kept with one entry (the triage questions), by question, with who gave them and when. */
    public record Answers(Instant at, String actor, String role, Map<String, String> byQuestion) {
    }

    /** What an entry is about beyond its case: a process instance (the case's, a referral, a handover) and its task. */
    public record About(String processInstanceId, String taskKey) {

        /** The case as a whole. */
        public static final About CASE = new About(null, null);

        public static About task(String processInstanceId, String taskKey) {
            return new About(processInstanceId, taskKey);
        }

        public static About process(String processInstanceId) {
            return new About(processInstanceId, null);
        }
    }

    private static final String COLUMNS = "case_id, at, type, actor, role, detail, note, process_instance_id, task_key";

    private final JdbcTemplate jdbc;

    private final Clock clock;

    public CaseJournal(JdbcTemplate jdbc, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Override
    public void record(String caseId, String type, String actor, String role, String detail) {
        record(caseId, About.CASE, type, actor, role, detail, null);
    }

    /**
     * An entry with what the person wrote ({@code note}, null when nothing). The note is refused, never cut, when it is
     * longer than {@link TextLimits#JOURNAL_NOTE}: every field that reaches here was checked against its limit first.
     */
    public void record(String caseId, About about, String type, String actor, String role, String detail, String note) {
        record(caseId, about, type, actor, role, detail, note, Map.of());
    }

    /**
     * An entry with the answers the person gave (by question: its JSON path), kept beside it in
     * {@code rcrp_case_event_answer}. Like a note, an answer is refused, never cut, when longer than
     * {@link TextLimits#JOURNAL_ANSWER}; a blank answer is not kept.
     */
    public void record(String caseId, About about, String type, String actor, String role, String detail, String note,
                       Map<String, String> answers) {
        answers.forEach(CaseJournal::checkedAnswer);
        Object[] values = {caseId, now(), type, actor, role, detail == null ? null : fit(detail), checked(note),
                about.processInstanceId(), about.taskKey()};
        String insert = "INSERT INTO rcrp_case_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        if (answers.isEmpty()) {
            jdbc.update(insert, values);
            return;
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(insert, new String[] {"id"});
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement;
        }, key);
        long entry = key.getKeyAs(Number.class).longValue();
        jdbc.batchUpdate("INSERT INTO rcrp_case_event_answer (event_id, question, answer) VALUES (?, ?, ?)",
                answers.entrySet().stream().filter(answer -> answer.getValue() != null && !answer.getValue().isBlank())
                        .map(answer -> new Object[] {entry, answer.getKey(), answer.getValue()}).toList());
    }

    /** The answers kept with the case's latest entry about a task of this key that has any, or empty. */
    public Optional<Answers> latestAnswers(String caseId, String taskKey) {
        record Latest(long id, Answers answers) {
        }
        List<Latest> latest = jdbc.query("SELECT id, at, actor, role FROM rcrp_case_event e WHERE case_id = ?"
                        + " AND task_key = ? AND EXISTS (SELECT 1 FROM rcrp_case_event_answer a WHERE a.event_id = e.id)"
                        + " ORDER BY at DESC, id DESC LIMIT 1",
                (rs, row) -> new Latest(rs.getLong("id"), new Answers(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("role"), new TreeMap<>())), caseId, taskKey);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Answers answers = latest.get(0).answers();
        jdbc.query("SELECT question, answer FROM rcrp_case_event_answer WHERE event_id = ?",
                row -> {
                    answers.byQuestion().put(row.getString(1), row.getString(2));
                }, latest.get(0).id());
        return Optional.of(answers);
    }

    /**
     * An entry unless the same actor already has one of this type on the case since {@code since}: a partner's reads
     * are journalled once a day, not on every refresh of a page. One statement, so the check and the insert see the
     * same rows (two first reads in the very same instant may still both be written: more audit, never less).
     */
    public void recordOnceSince(Instant since, String caseId, String type, String actor, String role, String detail) {
        jdbc.update("INSERT INTO rcrp_case_event (" + COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?, NULL, NULL, NULL"
                        + " WHERE NOT EXISTS (SELECT 1 FROM rcrp_case_event WHERE case_id = ? AND at >= ? AND type = ? AND actor = ?)",
                caseId, now(), type, actor, role, detail == null ? null : fit(detail), caseId, Timestamp.from(since), type, actor);
    }

    /** When each of these cases last had an entry: the last time anyone (or any step) changed it. */
    public Map<String, Instant> lastEntries(java.util.Collection<String> caseIds) {
        Map<String, Instant> last = new java.util.HashMap<>();
        if (caseIds.isEmpty()) {
            return last;
        }
        jdbc.query("SELECT case_id, MAX(at) FROM rcrp_case_event WHERE case_id IN ("
                + String.join(",", java.util.Collections.nCopies(caseIds.size(), "?")) + ") GROUP BY case_id", row -> {
            last.put(row.getString(1), row.getTimestamp(2).toInstant());
        }, caseIds.toArray());
        return last;
    }

    public List<Entry> entries(String caseId) {
        return jdbc.query("SELECT at, type, actor, role, detail, note, process_instance_id, task_key FROM rcrp_case_event"
                        + " WHERE case_id = ? ORDER BY at, id",
                (rs, row) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("type"), rs.getString("actor"),
                        rs.getString("role"), rs.getString("detail"), rs.getString("note"),
                        rs.getString("process_instance_id"), rs.getString("task_key")),
                caseId);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    /** The system's own words are sized to fit (TextLimits.JOURNAL_DETAIL); should they not, they end in "...". */
    private static String fit(String detail) {
        return detail.length() <= TextLimits.JOURNAL_DETAIL ? detail : detail.substring(0, TextLimits.JOURNAL_DETAIL - 3) + "...";
    }

    private static void checkedAnswer(String question, String answer) {
        if (answer != null && answer.length() > TextLimits.JOURNAL_ANSWER) {
            throw new IllegalArgumentException("An answer to " + question + " of " + answer.length()
                    + " characters reached the journal unchecked (at most " + TextLimits.JOURNAL_ANSWER + ")");
        }
    }

    private static String checked(String note) {
        if (note != null && note.length() > TextLimits.JOURNAL_NOTE) {
            throw new IllegalArgumentException("A note of " + note.length() + " characters reached the journal unchecked (at most "
                    + TextLimits.JOURNAL_NOTE + ")");
        }
        return note == null || note.isBlank() ? null : note;
    }
}
