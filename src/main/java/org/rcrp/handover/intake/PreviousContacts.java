package org.rcrp.handover.intake;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rcrp.handover.process.Category;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The other calls about the same person (DOMAIN: decisions are judged on what was known or knowable, so previous contacts
 * must be on screen at triage). Two calls are about the same person when
 * <ul>
 *   <li><b>by name</b>: their subjects' names have the same {@link PersonKey} and their ages, where both are given,
 *       differ by at most {@code rcrp.metrics.recontact-age-years} (the figures' re-contact rule, the same code); or</li>
 *   <li><b>by phone</b>: their callers' numbers have the same {@link PhoneKey}. A number is shared by a care home, a
 *       ward, a family: a phone match is shown, marked as such, with the name it was about, for the handler to judge.</li>
 * </ul>
 * A name or number without a key (empty, "Unknown", "withheld", "999") matches nothing, and a case never matches itself.
 * A call's keys are kept beside it ({@code rcrp_contact_key}, V6), indexed by key and time, so finding them is two short
 * index range scans whatever the number of cases.
 *
 * <p>A <b>repeat contact</b> is a call about the same person within {@code rcrp.metrics.recontact-window} (24 h) after an
 * earlier one: by name, or by phone when one of the two calls has no name to tell the people apart ({@link #repeatOf}).
 */
@Repository
public class PreviousContacts {

    public enum MatchedBy { NAME, PHONE, NAME_AND_PHONE }

    /** Another call about the person: which, when, what about, and what it matched on. */
    public record Contact(String caseId, String reference, Category category, Instant loggedAt, String subjectName,
                          Integer subjectAge, MatchedBy matchedBy) {
    }

    /** The keys a call is found by (null where it has none). */
    record Keys(String person, Integer age, String phone) {

        static Keys of(String subjectName, Integer subjectAge, String callerPhone) {
            return new Keys(PersonKey.of(subjectName).orElse(null), subjectAge, PhoneKey.of(callerPhone).orElse(null));
        }

        boolean any() {
            return person != null || phone != null;
        }
    }

    /** The rules as the pages explain them. */
    public record Rules(Duration lookback, int limit, Duration repeatWindow) {

        public long lookbackDays() {
            return lookback.toDays();
        }

        public long repeatWindowHours() {
            return repeatWindow.toHours();
        }

        /** Whether a call with this subject name and caller's number can be matched at all. */
        public boolean searchable(String subjectName, String callerPhone) {
            return Keys.of(subjectName, null, callerPhone).any();
        }

        /** Whether two calls were logged within the repeat-contact window of each other. */
        public boolean withinRepeatWindow(Instant one, Instant other) {
            return one != null && other != null && Duration.between(one, other).abs().compareTo(repeatWindow) <= 0;
        }
    }

    private static final String SELECT = "SELECT k.case_id, k.logged_at, k.subject_key, k.subject_age, k.phone_key,"
            + " c.reference, c.category, c.subject_name FROM rcrp_contact_key k JOIN rcrp_call c ON c.id = k.case_id";

    private final JdbcTemplate jdbc;
    private final RepeatContacts repeats;
    private final Rules rules;
    private final int ageYears;

    public PreviousContacts(JdbcTemplate jdbc, RepeatContacts repeats, PreviousContactsProperties properties,
                            @Value("${rcrp.metrics.recontact-window:PT24H}") Duration repeatWindow,
                            @Value("${rcrp.metrics.recontact-age-years:2}") int ageYears) {
        this.jdbc = jdbc;
        this.repeats = repeats;
        this.rules = new Rules(properties.lookback(), properties.limit(), repeatWindow);
        this.ageYears = ageYears;
    }

    public Rules rules() {
        return rules;
    }

    /**
     * A call was logged (in the transaction that stores it): its keys are kept, so later calls find it, and when it repeats
     * an earlier call about the same person within the window the supervisors are told ({@link RepeatContacts}).
     */
    void logged(CallRecord call) {
        remember(call);
        repeatOf(call).ifPresent(earlier -> repeats.raise(call, earlier, rules.repeatWindow()));
    }

    /** Keeps the call's keys; a call with neither key is never found. */
    private void remember(CallRecord call) {
        jdbc.execute(INSERT, (PreparedStatement insert) -> bind(insert, call.id(), Timestamp.from(call.loggedAt()), call.subjectName(),
                call.subjectAge(), call.callerPhone()) ? insert.executeUpdate() : 0);
    }

    /** The row of one call's keys; also written by the migration that keeps the keys of the calls logged before V6. */
    public static final String INSERT =
            "INSERT INTO rcrp_contact_key (case_id, logged_at, subject_key, subject_age, phone_key) VALUES (?, ?, ?, ?, ?)";

    /** Binds {@link #INSERT} for one call; false, binding nothing, when the call has neither key (it is never found). */
    public static boolean bind(PreparedStatement insert, String caseId, Timestamp loggedAt, String subjectName, Integer subjectAge,
                               String callerPhone) throws SQLException {
        Keys keys = Keys.of(subjectName, subjectAge, callerPhone);
        if (!keys.any()) {
            return false;
        }
        insert.setString(1, caseId);
        insert.setTimestamp(2, loggedAt);
        insert.setString(3, keys.person());
        insert.setObject(4, subjectAge, Types.INTEGER);
        insert.setString(5, keys.phone());
        return true;
    }

    /**
     * The other calls about the person logged from {@code rcrp.previous-contacts.lookback} before this one until now
     * (a later call about the person belongs on the screen too), newest first, at most {@code rcrp.previous-contacts.limit}.
     */
    public List<Contact> of(CallRecord call) {
        Keys keys = Keys.of(call.subjectName(), call.subjectAge(), call.callerPhone());
        return find(call.id(), keys, call.loggedAt().minus(rules.lookback()), null, rules.limit(), false);
    }

    /**
     * The latest earlier call about the same person within the repeat-contact window: by name; or by phone where this
     * call or that one has no name (two named people on one number — a care home's residents — are two people).
     */
    Optional<Contact> repeatOf(CallRecord call) {
        Keys keys = Keys.of(call.subjectName(), call.subjectAge(), call.callerPhone());
        return find(call.id(), keys, call.loggedAt().minus(rules.repeatWindow()), call.loggedAt(), 1, true).stream().findFirst();
    }

    private List<Contact> find(String caseId, Keys keys, Instant from, Instant until, int limit, boolean samePersonOnly) {
        Map<String, Row> rows = new LinkedHashMap<>();
        if (keys.person() != null) {
            StringBuilder where = new StringBuilder(" WHERE k.subject_key = ?");
            List<Object> arguments = new ArrayList<>(List.of(keys.person()));
            if (keys.age() != null) {
                where.append(" AND (k.subject_age IS NULL OR k.subject_age BETWEEN ? AND ?)");
                arguments.add(keys.age() - ageYears);
                arguments.add(keys.age() + ageYears);
            }
            query(where, arguments, caseId, from, until, limit).forEach(row -> rows.put(row.caseId(), row));
        }
        if (keys.phone() != null) {
            StringBuilder where = new StringBuilder(" WHERE k.phone_key = ?");
            if (samePersonOnly && keys.person() != null) {
                where.append(" AND k.subject_key IS NULL");
            }
            query(where, new ArrayList<>(List.of(keys.phone())), caseId, from, until, limit)
                    .forEach(row -> rows.putIfAbsent(row.caseId(), row));
        }
        return rows.values().stream()
                .sorted(Comparator.comparing(Row::loggedAt).thenComparing(Row::caseId).reversed())
                .limit(limit)
                .map(row -> new Contact(row.caseId(), row.reference(), row.category(), row.loggedAt(), row.subjectName(),
                        row.subjectAge(), matchedBy(keys, row)))
                .toList();
    }

    /** What two calls' keys have in common; the age rule is the name's, so a phone match ignores it. */
    private MatchedBy matchedBy(Keys keys, Row row) {
        boolean name = keys.person() != null && keys.person().equals(row.subjectKey())
                && (keys.age() == null || row.subjectAge() == null || Math.abs(keys.age() - row.subjectAge()) <= ageYears);
        boolean phone = keys.phone() != null && keys.phone().equals(row.phoneKey());
        return name && phone ? MatchedBy.NAME_AND_PHONE : name ? MatchedBy.NAME : MatchedBy.PHONE;
    }

    private record Row(String caseId, Instant loggedAt, String subjectKey, Integer subjectAge, String phoneKey, String reference,
                       Category category, String subjectName) {
    }

    /** One index range of one key, newest first: {@code (key, logged_at)} read backwards from the newest. */
    private List<Row> query(StringBuilder where, List<Object> arguments, String caseId, Instant from, Instant until, int limit) {
        where.append(" AND k.logged_at >= ?");
        arguments.add(Timestamp.from(from));
        if (until != null) {
            where.append(" AND k.logged_at <= ?");
            arguments.add(Timestamp.from(until));
        }
        where.append(" AND k.case_id <> ? ORDER BY k.logged_at DESC, k.case_id DESC FETCH FIRST ? ROWS ONLY");
        arguments.add(caseId);
        arguments.add(limit);
        return jdbc.query(SELECT + where, (rs, n) -> new Row(rs.getString("case_id"), rs.getTimestamp("logged_at").toInstant(),
                rs.getString("subject_key"), (Integer) rs.getObject("subject_age"), rs.getString("phone_key"),
                rs.getString("reference"), Category.valueOf(rs.getString("category")), rs.getString("subject_name")),
                arguments.toArray());
    }
}
