package org.rcrp.handover.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.intake.PreviousContacts.Contact;
import org.rcrp.handover.intake.PreviousContacts.MatchedBy;
import org.rcrp.handover.journal.CaseJournal;
import org.rcrp.handover.operations.EngineClock;
import org.rcrp.handover.support.MigratedH2;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who is the same person, on H2 through the real migrations, calls logged as intake logs them: the name however it is
 * spelt, not another age, a shared phone matched but marked, no match on an empty or unknown name, never the case
 * itself, newest first and bounded; and a repeat within 24 h put to the supervisors until one of them has seen it.
 */
class PreviousContactsH2Test {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final String CARE_HOME = "01632 960001";
    private static final Actor SUPERVISOR = new Actor("supervisor1", Set.of("police-supervisors"));

    private JdbcTemplate jdbc;
    private CallRepository calls;
    private CaseJournal journal;
    private RepeatContacts repeats;
    private PreviousContacts contacts;

    @BeforeEach
    void freshDatabase() {
        jdbc = new JdbcTemplate(MigratedH2.fresh("contacts"));
        calls = new CallRepository(jdbc);
        journal = new CaseJournal(jdbc, EngineClock.INSTANCE);
        repeats = new RepeatContacts(jdbc, journal, EngineClock.INSTANCE);
        contacts = new PreviousContacts(jdbc, repeats, new PreviousContactsProperties(Duration.ofDays(30), 10), Duration.ofHours(24), 2);
    }

    @Test
    void theSamePersonSpeltOtherwiseIsAContactOfTheOtherCallBothWays() {
        String first = log("Mary O'Brien", 80, null, T0);
        String second = log("  MARY  OBRIEN ", 81, null, T0.plus(Duration.ofHours(2)));
        String third = log("O'Brien, Mrs Mary", null, "07700 900222", T0.plus(Duration.ofDays(3)));

        assertThat(contactsOf(third)).extracting(Contact::caseId, Contact::matchedBy)
                .containsExactly(tuple(second, MatchedBy.NAME), tuple(first, MatchedBy.NAME));
        assertThat(contactsOf(first)).as("a later call about the person is on the screen too").extracting(Contact::caseId)
                .containsExactly(third, second);
        Contact contact = contactsOf(second).get(1);
        assertThat(contact.reference()).isEqualTo("REF-" + first);
        assertThat(contact.loggedAt()).isEqualTo(T0);
        assertThat(contact.subjectName()).isEqualTo("Mary O'Brien");
        assertThat(contact.subjectAge()).isEqualTo(80);
    }

    @Test
    void theSameNameWithAnotherAgeIsAnotherPersonAndAnUnknownAgeCannotTellThemApart() {
        String father = log("John Smith", 80, null, T0);
        String son = log("John Smith", 35, null, T0.plus(Duration.ofHours(1)));
        String ageNotGiven = log("John Smith", null, null, T0.plus(Duration.ofHours(2)));
        String nearly = log("john smith", 82, null, T0.plus(Duration.ofHours(3)));

        assertThat(contactsOf(son)).extracting(Contact::caseId).containsExactly(ageNotGiven);
        assertThat(contactsOf(father)).extracting(Contact::caseId).as("80 and 82: within 2 years").containsExactly(nearly, ageNotGiven);
        assertThat(contactsOf(ageNotGiven)).extracting(Contact::caseId).containsExactly(nearly, son, father);
    }

    @Test
    void aSharedPhoneIsMatchedButMarkedAsMatchedByPhoneWithTheNameItWasAbout() {
        String mary = log("Mary Jones", 87, CARE_HOME, T0);
        String arthur = log("Arthur Jones", 90, "+44 (0)1632 960 001", T0.plus(Duration.ofHours(1)));
        String maryAgain = log("Mary Jones", 87, "01632-960001", T0.plus(Duration.ofHours(2)));
        String maryFromHerDaughter = log("Mary Jones", 86, "07700 900333", T0.plus(Duration.ofHours(3)));

        assertThat(contactsOf(arthur)).extracting(Contact::caseId, Contact::matchedBy, Contact::subjectName)
                .containsExactly(tuple(maryAgain, MatchedBy.PHONE, "Mary Jones"), tuple(mary, MatchedBy.PHONE, "Mary Jones"));
        assertThat(contactsOf(maryAgain)).extracting(Contact::caseId, Contact::matchedBy).containsExactly(
                tuple(maryFromHerDaughter, MatchedBy.NAME), tuple(arthur, MatchedBy.PHONE), tuple(mary, MatchedBy.NAME_AND_PHONE));
        // Same number, same name, another age: the phone still matches, the name does not.
        String maryTheGranddaughter = log("Mary Jones", 19, CARE_HOME, T0.plus(Duration.ofHours(4)));
        assertThat(contactsOf(maryTheGranddaughter)).extracting(Contact::matchedBy).containsOnly(MatchedBy.PHONE).hasSize(3);
    }

    @Test
    void anEmptyOrUnknownNameOrNumberNeverMatchesEverything() {
        List<String> nameless = new ArrayList<>();
        for (String name : new String[] {null, "", "  ", "Unknown", "UNKNOWN", "unknown male", "N/K", "Not known", "Mr X", "John"}) {
            nameless.add(log(name, 40, null, T0.plus(Duration.ofMinutes(nameless.size()))));
        }
        for (String phone : new String[] {"withheld", "999", "00000 000000"}) {
            nameless.add(log("Unknown", null, phone, T0.plus(Duration.ofMinutes(nameless.size()))));
        }
        nameless.forEach(caseId -> assertThat(contactsOf(caseId)).as("contacts of %s", caseId).isEmpty());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rcrp_contact_key", Long.class)).as("nothing to find them by").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rcrp_repeat_contact", Long.class)).isZero();

        // A nameless call with a number is found by its number only.
        String withNumber = log("Unknown", null, CARE_HOME, T0.plus(Duration.ofHours(1)));
        String named = log("Mary Jones", 87, CARE_HOME, T0.plus(Duration.ofHours(2)));
        assertThat(contactsOf(named)).extracting(Contact::caseId, Contact::matchedBy).containsExactly(tuple(withNumber, MatchedBy.PHONE));
    }

    @Test
    void aCaseNeverMatchesItself() {
        String only = log("Mary Jones", 87, CARE_HOME, T0);
        assertThat(contactsOf(only)).isEmpty();
        assertThat(repeats.unseen(SUPERVISOR, 10)).isEmpty();
    }

    @Test
    void newestFirstAtMostTheLimitAndNoneOlderThanTheLookback() {
        List<String> cases = new ArrayList<>();
        for (int day = 0; day <= 40; day += 2) {
            cases.add(log("Ann Lee", 52, null, T0.plus(Duration.ofDays(day))));
        }
        String latest = cases.get(cases.size() - 1);
        List<Contact> shown = contactsOf(latest);
        assertThat(shown).hasSize(10).extracting(Contact::caseId).containsExactlyElementsOf(newestFirst(cases.subList(10, 20)));
        assertThat(shown).allSatisfy(contact -> assertThat(contact.loggedAt()).isAfterOrEqualTo(T0.plus(Duration.ofDays(10))));

        String earliest = cases.get(0);
        assertThat(contactsOf(earliest)).as("from 30 days before the case, newest first").hasSize(10)
                .extracting(Contact::caseId).containsExactlyElementsOf(newestFirst(cases.subList(11, 21)));
    }

    @Test
    void aRepeatWithin24HoursIsPutToTheSupervisorsAndJournalledUntilOneHasSeenIt() {
        String first = log("Mary O'Brien", 80, null, T0);
        String repeat = log("mary obrien", 81, "07700 900222", T0.plus(Duration.ofHours(23)));
        String notARepeat = log("Mary O'Brien", 80, null, T0.plus(Duration.ofHours(48)));
        String otherAge = log("Mary O'Brien", 30, null, T0.plus(Duration.ofHours(49)));
        String careHomeFirst = log("Arthur Jones", 90, CARE_HOME, T0.plus(Duration.ofHours(50)));
        String anotherResident = log("Edna Jones", 91, CARE_HOME, T0.plus(Duration.ofHours(51)));
        String nameless = log(null, null, "+44 1632 960001", T0.plus(Duration.ofHours(52)));

        assertThat(repeats.unseen(SUPERVISOR, 10)).extracting(RepeatContacts.Flag::caseId, RepeatContacts.Flag::earlierCaseId,
                RepeatContacts.Flag::matchedBy).as("newest first").containsExactly(
                tuple(nameless, anotherResident, MatchedBy.PHONE),
                tuple(repeat, first, MatchedBy.NAME));
        assertThat(flagged(notARepeat)).as("48 h after the last call about her").isFalse();
        assertThat(flagged(otherAge)).as("30 is not 80: another person").isFalse();
        assertThat(flagged(careHomeFirst) || flagged(anotherResident)).as("two named residents on one number are two people").isFalse();

        CaseJournal.Entry raised = journal.entries(repeat).get(0);
        assertThat(raised.type()).isEqualTo("REPEAT_CONTACT");
        assertThat(raised.actor()).isEqualTo("system");
        assertThat(raised.role()).as("no partner's: partners see only what their agency wrote").isNull();
        assertThat(raised.detail()).isEqualTo("Repeat contact within 24 h: REF-" + first
                + " was logged about the same person 23 h before this call (matched by name and age); put to the supervisors");

        assertThatThrownBy(() -> repeats.markSeen(repeat, new Actor("handler1", Set.of("call-handlers"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> repeats.unseen(new Actor("mhcrisis1", Set.of("mental-health")), 10))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(repeats.markSeen(repeat, SUPERVISOR)).isTrue();
        assertThat(repeats.markSeen(repeat, SUPERVISOR)).as("seen already").isFalse();
        assertThat(repeats.markSeen(first, SUPERVISOR)).as("no repeat on that case").isFalse();
        assertThat(repeats.unseen(SUPERVISOR, 10)).extracting(RepeatContacts.Flag::caseId).containsExactly(nameless);
        CaseJournal.Entry seen = journal.entries(repeat).get(journal.entries(repeat).size() - 1);
        assertThat(seen.type()).isEqualTo("REPEAT_CONTACT_SEEN");
        assertThat(seen.actor()).isEqualTo("supervisor1");
        assertThat(seen.role()).isEqualTo("police-supervisors");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rcrp_case_event WHERE type = 'REPEAT_CONTACT_SEEN'", Long.class)).isEqualTo(1);
    }

    @Test
    void theMigrationKeepsTheKeysOfCallsLoggedBeforeIt() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:contacts-migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).target("6").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        String named = insertCall("Mrs Mary O'Brien", 80, null, T0);
        String byPhone = insertCall("Unknown", null, "+44 (0)1632 960001", T0);
        insertCall("N/K", 40, "withheld", T0);

        Flyway.configure().dataSource(dataSource).load().migrate();

        assertThat(jdbc.queryForList("SELECT case_id, subject_key, subject_age, phone_key FROM rcrp_contact_key"))
                .extracting(row -> row.get("CASE_ID"), row -> row.get("SUBJECT_KEY"), row -> row.get("SUBJECT_AGE"), row -> row.get("PHONE_KEY"))
                .as("a call with neither key has no row").containsExactlyInAnyOrder(
                        tuple(byPhone, null, null, "01632960001"), tuple(named, "mary obrien", 80, null));
    }

    /** Stores a call and hands it to previous contacts as intake does when it logs one. */
    private String log(String name, Integer age, String phone, Instant at) {
        String id = insertCall(name, age, phone, at);
        contacts.logged(calls.findById(id).orElseThrow());
        return id;
    }

    private String insertCall(String name, Integer age, String phone, Instant at) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO rcrp_call (id, reference, source, category, summary, subject_name, subject_age, caller_phone, logged_at,"
                        + " logged_by) VALUES (?, ?, 'PUBLIC_999', 'CONCERN_FOR_WELFARE', 'test', ?, ?, ?, ?, 'handler1')",
                id, "REF-" + id, name, age, phone, Timestamp.from(at));
        return id;
    }

    private List<Contact> contactsOf(String caseId) {
        return contacts.of(calls.findById(caseId).orElseThrow());
    }

    private static List<String> newestFirst(List<String> oldestFirst) {
        List<String> reversed = new ArrayList<>(oldestFirst);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    private boolean flagged(String caseId) {
        return jdbc.queryForObject("SELECT count(*) FROM rcrp_repeat_contact WHERE case_id = ?", Long.class, caseId) > 0;
    }
}
