package org.rcrp.handover.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.journal.CaseJournal;
import org.rcrp.handover.operations.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Previous contacts stay two short index range scans however many cases there are: on PostgreSQL, in a database of its
 * own, 300,000 calls over 400 days (a name a few times each, a number twice, one in ten without a name), a care home's number on 2,000 calls and
 * "John Smith" on 3,000 of the last 60 days, and 100,000 repeat contacts already seen. Every statement previous contacts
 * and repeat contacts run for a call about John Smith from the care home — finding its contacts, the repeat check at
 * logging, the supervisors' list — is explained (ANALYZE) as it runs, with its own parameters: each reads its index
 * backwards from the newest and stops at the limit, and none scans a table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviousContactsQueryPlanIT {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = System.getenv().getOrDefault("RCRP_IT_DATABASE", "rcrp_it") + "_contacts_plan";
    private static final int CALLS = 300_000;
    private static final String CARE_HOME = "01632960001";

    private JdbcTemplate jdbc;
    private final List<String> plans = new ArrayList<>();
    private PreviousContacts contacts;
    private RepeatContacts repeats;
    private CallRepository calls;

    @BeforeAll
    void seedADatabaseOfItsOwn() throws SQLException {
        try (Connection server = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            server.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            server.createStatement().execute("CREATE DATABASE " + DATABASE);
        }
        DataSource dataSource = new DriverManagerDataSource(SERVER + DATABASE, "postgres", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        // Calls over 400 days; a name (key "<k> person seeded") about three times, a number about twice.
        jdbc.update("INSERT INTO rcrp_call (id, reference, source, category, summary, subject_name, subject_age, caller_phone, logged_at,"
                + " logged_by) SELECT 'plan-' || n, 'PLAN-' || n, 'PUBLIC_999', 'CONCERN_FOR_WELFARE', 'seeded', 'Person ' || (n % 100000)"
                + " || ' Seeded', 20 + n % 60, '07' || lpad((n % 150000)::text, 9, '0'), now() - (n % 400) * interval '1 day'"
                + " - (n % 1440) * interval '1 minute', 'seed' FROM generate_series(1, ?) AS n", CALLS);
        // The hot spots: a care home's number on 2,000 calls of the last 30 days, John Smith (ages 20 to 99) on 3,000 of the last 60.
        jdbc.update("UPDATE rcrp_call SET caller_phone = ?, logged_at = now() - (CAST(substr(id, 6) AS INTEGER) % 43200) * interval '1 minute'"
                + " WHERE CAST(substr(id, 6) AS INTEGER) % 150 = 1", CARE_HOME);
        jdbc.update("UPDATE rcrp_call SET subject_name = 'John Smith', subject_age = 20 + CAST(substr(id, 6) AS INTEGER) % 80,"
                + " logged_at = now() - (CAST(substr(id, 6) AS INTEGER) % 86400) * interval '1 minute' WHERE CAST(substr(id, 6) AS INTEGER) % 100 = 7");
        // One call in ten without a name.
        jdbc.update("UPDATE rcrp_call SET subject_name = 'Unknown', subject_age = NULL WHERE CAST(substr(id, 6) AS INTEGER) % 10 = 3");
        assertThat(PersonKey.of("Person 123 Seeded")).contains("123 person seeded");
        jdbc.update("INSERT INTO rcrp_contact_key (case_id, logged_at, subject_key, subject_age, phone_key) SELECT id, logged_at,"
                + " CASE WHEN subject_name = 'John Smith' THEN 'john smith' WHEN subject_name = 'Unknown' THEN NULL"
                + " ELSE (CAST(substr(id, 6) AS INTEGER) % 100000) || ' person seeded' END, subject_age, caller_phone FROM rcrp_call");
        // 100,000 repeat contacts seen long ago, and 30 waiting for a supervisor.
        jdbc.update("INSERT INTO rcrp_repeat_contact (case_id, earlier_case_id, matched_by, raised_at, seen_by, seen_at)"
                + " SELECT 'plan-' || n, 'plan-' || (n + 100000), 'NAME', now() - n * interval '1 minute', CASE WHEN n > 30 THEN 'supervisor1' END,"
                + " CASE WHEN n > 30 THEN now() - n * interval '1 minute' END FROM generate_series(1, 100000) AS n");
        jdbc.execute("ANALYZE");

        JdbcTemplate explaining = new JdbcTemplate(dataSource) {
            @Override
            public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) {
                plans.add(String.join("\n", jdbc.queryForList("EXPLAIN (ANALYZE, COSTS OFF) " + sql, String.class, args)));
                return super.query(sql, rowMapper, args);
            }
        };
        repeats = new RepeatContacts(explaining, new CaseJournal(jdbc, EngineClock.INSTANCE), EngineClock.INSTANCE);
        contacts = new PreviousContacts(explaining, repeats, new PreviousContactsProperties(Duration.ofDays(30), 10), Duration.ofHours(24), 2);
        calls = new CallRepository(jdbc);
    }

    @Test
    void aCallAboutAFrequentNameFromABusyNumberReadsTwoIndexRangesBackwardsAndStopsAtTheLimit() {
        String id = "plan-probe";
        jdbc.update("INSERT INTO rcrp_call (id, reference, source, category, summary, subject_name, subject_age, caller_phone, logged_at,"
                + " logged_by) VALUES (?, 'PLAN-PROBE', 'PUBLIC_999', 'CONCERN_FOR_WELFARE', 'probe', 'SMITH, John', 41, '+44 (0)1632 960001', ?,"
                + " 'handler1')", id, Timestamp.from(Instant.now()));
        CallRecord call = calls.findById(id).orElseThrow();

        plans.clear();
        contacts.logged(call);
        assertThat(plans).as("the repeat check at logging: by name, by phone where a name is missing").hasSize(2);
        List<String> atLogging = new ArrayList<>(plans);

        plans.clear();
        List<PreviousContacts.Contact> found = contacts.of(call);
        assertThat(found).hasSize(10).extracting(PreviousContacts.Contact::caseId).doesNotContain(id);
        assertThat(plans).as("previous contacts: by name, by phone").hasSize(2);

        assertThat(atLogging.get(0)).containsPattern("Index Scan Backward using ix_contact_key_subject");
        // Calls from the number with no name, in the last 24 h: the planner reads whichever of the two ranges is the smaller.
        assertThat(atLogging.get(1)).containsPattern("Index Scan( Backward)? using ix_contact_key_(phone|subject)");
        assertThat(plans.get(0)).containsPattern("Index Scan Backward using ix_contact_key_subject");
        assertThat(plans.get(1)).containsPattern("Index Scan Backward using ix_contact_key_phone");
        List<String> all = new ArrayList<>(atLogging);
        all.addAll(plans);
        for (String plan : all) {
            assertThat(plan).as(plan).startsWith("Limit").doesNotContain("Seq Scan").doesNotContain("Bitmap Heap Scan on rcrp_call")
                    .containsPattern("Index Scan using rcrp_call_pkey on rcrp_call");
        }
        for (String plan : List.of(atLogging.get(0), plans.get(0), plans.get(1))) {
            assertThat(plan).as("in the index's order: no sort").doesNotContain("Sort");
        }
        // Stopped at the limit: the 2,000 calls from the care home's number are not all read to find the newest ten.
        assertThat(plans.get(1)).containsPattern("Index Scan Backward using ix_contact_key_phone on rcrp_contact_key k \\(actual time=\\S+ rows=1[01] loops=1\\)");
    }

    @Test
    void theSupervisorsListOfRepeatsReadsOnlyTheUnseenOnes() {
        plans.clear();
        List<RepeatContacts.Flag> unseen = repeats.unseen(new Actor("supervisor1", Set.of("police-supervisors")), 50);
        assertThat(unseen).as("30 seeded, and the probe's own when it ran first").hasSizeBetween(30, 31);
        assertThat(plans).singleElement().satisfies(plan -> assertThat(plan).as(plan)
                .containsPattern("Index Scan( Backward)? using ix_repeat_contact_unseen").doesNotContain("Seq Scan"));
    }
}
