package org.rcrp.handover.intake;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.AwolKind;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.process.WalkoutSetting;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Logged calls in table rcrp_call. */
@Repository
public class CallRepository {

    private static final String COLUMNS = "id, reference, source, category, summary, location_description, location_urban, "
            + "subject_name, subject_age, subject_known_to, caller_name, caller_phone, caller_relationship, awol_mha_section, "
            + "awol_retake_expiry, awol_part_three, awol_dangerous, awol_particularly_vulnerable, awol_hospital_searched, "
            + "logged_at, logged_by, awol_kind, walkout_setting, walkout_detained, walkout_risk_assessment_given, "
            + "walkout_description, walkout_last_seen, walkout_capacity_concern";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private volatile String lockSql;

    public CallRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Sex and ethnicity as recorded with the call (rcrp_call_demographics), when either was given. */
    public void recordDemographics(String callId, String sex, String ethnicity) {
        if (sex == null && ethnicity == null) {
            return;
        }
        jdbc.update("INSERT INTO rcrp_call_demographics (call_id, sex, ethnicity) VALUES (?, ?, ?)", callId, sex, ethnicity);
    }

    /** Inserts the call; a reference already taken fails with Spring's DuplicateKeyException. */
    public void insert(CallRecord call) {
        CallRecord.Walkout walkout = call.walkout();
        jdbc.update("INSERT INTO rcrp_call (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?)",
                call.id(), call.reference(), call.source().name(), call.category().name(), call.summary(),
                call.locationDescription(), call.urban(), call.subjectName(), call.subjectAge(),
                call.knownTo().isEmpty() ? null : call.knownTo().stream().map(Agency::name).collect(Collectors.joining(",")),
                call.callerName(), call.callerPhone(), call.callerRelationship(), call.awolMhaSection(),
                call.awolRetakeExpiry() == null ? null : Date.valueOf(call.awolRetakeExpiry()), call.awolPartThree(),
                call.awolDangerous(), call.awolParticularlyVulnerable(), call.awolHospitalSearched(),
                Timestamp.from(call.loggedAt()), call.loggedBy(), call.awolKind() == null ? null : call.awolKind().name(),
                walkout == null || walkout.setting() == null ? null : walkout.setting().name(),
                walkout == null ? null : walkout.detained(), walkout == null ? null : walkout.riskAssessmentGiven(),
                walkout == null ? null : walkout.description(),
                walkout == null || walkout.lastSeen() == null ? null : Timestamp.from(walkout.lastSeen()),
                walkout == null ? null : walkout.capacityConcern());
    }

    /** A family member or friend to contact, as logged with the call (none: every field null). */
    public record Contact(String name, String phone, String relationship) {
    }

    public void familyContact(String id, NewCall.FamilyContact contact) {
        jdbc.update("UPDATE rcrp_call SET family_name = ?, family_phone = ?, family_relationship = ? WHERE id = ?",
                contact.name(), contact.phone(), contact.relationship(), id);
    }

    /** The call's family contact, if it has one with a name or number. */
    public Optional<Contact> findFamilyContact(String id) {
        return jdbc.query("SELECT family_name, family_phone, family_relationship FROM rcrp_call WHERE id = ?",
                        (row, number) -> new Contact(row.getString(1), row.getString(2), row.getString(3)), id).stream()
                .filter(contact -> contact.name() != null || contact.phone() != null).findFirst();
    }

    /**
     * Locks the call's row until the transaction ends: changes to one case that must see each other (new information, and
     * completing a task on what the case knows) take it first, so one waits for the other. PostgreSQL's {@code FOR NO KEY
     * UPDATE} leaves journal entries free to reference the row meanwhile (their foreign key takes a key-share lock).
     */
    public void lockForChange(String id) {
        jdbc.query(lockSql(), row -> { }, id);
    }

    private String lockSql() {
        if (lockSql == null) {
            String database = jdbc.execute((java.sql.Connection connection) -> connection.getMetaData().getDatabaseProductName());
            lockSql = "SELECT id FROM rcrp_call WHERE id = ? " + ("PostgreSQL".equals(database) ? "FOR NO KEY UPDATE" : "FOR UPDATE");
        }
        return lockSql;
    }

    public Optional<CallRecord> findById(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM rcrp_call WHERE id = ?", CallRepository::map, id).stream().findFirst();
    }

    public Optional<CallRecord> findByReference(String reference) {
        return jdbc.query("SELECT " + COLUMNS + " FROM rcrp_call WHERE reference = ?", CallRepository::map, reference)
                .stream().findFirst();
    }

    public List<CallRecord> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return named.query("SELECT " + COLUMNS + " FROM rcrp_call WHERE id IN (:ids) ORDER BY logged_at DESC",
                new MapSqlParameterSource("ids", ids), (rs, row) -> map(rs, row));
    }

    /**
     * Calls whose reference, person (the subject's name as recorded, or the same person by {@link PersonKey}: "SMITH, J"
     * finds "Mr J. Smith") or place contains the words, newest first. A plain scan of the calls' columns: fine for a
     * force's calls of some years, and the person key uses its index.
     */
    public List<CallRecord> search(String words, int limit) {
        // PostgreSQL cannot take the NUL character in a parameter; it names nobody and nothing, so it is dropped.
        String text = words == null ? "" : words.replace("\0", "").strip();
        if (text.isEmpty()) {
            return List.of();
        }
        String like = "%" + text.toLowerCase(java.util.Locale.UK).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<Object> arguments = new java.util.ArrayList<>(List.of(text, like, like, like));
        String byKey = "";
        java.util.Optional<String> key = PersonKey.of(text);
        if (key.isPresent()) {
            byKey = " OR id IN (SELECT case_id FROM rcrp_contact_key WHERE subject_key = ?)";
            arguments.add(key.get());
        }
        arguments.add(limit);
        return jdbc.query("SELECT " + COLUMNS + " FROM rcrp_call WHERE reference = ? OR LOWER(reference) LIKE ? ESCAPE '\\'"
                + " OR LOWER(subject_name) LIKE ? ESCAPE '\\' OR LOWER(location_description) LIKE ? ESCAPE '\\'" + byKey
                + " ORDER BY logged_at DESC, id LIMIT ?", CallRepository::map, arguments.toArray());
    }

    public List<CallRecord> latest(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM rcrp_call ORDER BY logged_at DESC, id LIMIT ?", CallRepository::map, limit);
    }

    private static CallRecord map(ResultSet rs, int row) throws SQLException {
        String knownTo = rs.getString("subject_known_to");
        Date expiry = rs.getDate("awol_retake_expiry");
        return new CallRecord(rs.getString("id"), rs.getString("reference"), Source.valueOf(rs.getString("source")),
                Category.valueOf(rs.getString("category")), rs.getString("summary"), rs.getString("location_description"),
                (Boolean) rs.getObject("location_urban"), rs.getString("subject_name"), (Integer) rs.getObject("subject_age"),
                knownTo == null ? List.of() : Arrays.stream(knownTo.split(",")).map(Agency::valueOf).toList(),
                rs.getString("caller_name"), rs.getString("caller_phone"), rs.getString("caller_relationship"),
                rs.getString("awol_mha_section"), expiry == null ? null : expiry.toLocalDate(),
                (Boolean) rs.getObject("awol_part_three"), (Boolean) rs.getObject("awol_dangerous"),
                (Boolean) rs.getObject("awol_particularly_vulnerable"), (Boolean) rs.getObject("awol_hospital_searched"),
                rs.getTimestamp("logged_at").toInstant(), rs.getString("logged_by"),
                rs.getString("awol_kind") == null ? null : AwolKind.valueOf(rs.getString("awol_kind")), walkout(rs));
    }

    /** The walk-out's details, or null when the call gave none. */
    private static CallRecord.Walkout walkout(ResultSet rs) throws SQLException {
        String setting = rs.getString("walkout_setting");
        Timestamp lastSeen = rs.getTimestamp("walkout_last_seen");
        CallRecord.Walkout walkout = new CallRecord.Walkout(setting == null ? null : WalkoutSetting.valueOf(setting),
                (Boolean) rs.getObject("walkout_detained"), (Boolean) rs.getObject("walkout_risk_assessment_given"),
                rs.getString("walkout_description"), lastSeen == null ? null : lastSeen.toInstant(),
                (Boolean) rs.getObject("walkout_capacity_concern"));
        return walkout.equals(new CallRecord.Walkout(null, null, null, null, null, null)) ? null : walkout;
    }
}
