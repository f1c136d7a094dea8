package org.rcrp.handover.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.operations.EngineClock;
import org.rcrp.handover.process.TextLimits;
import org.rcrp.handover.support.MigratedH2;
import org.springframework.jdbc.core.JdbcTemplate;

/** The journal on H2 (the zero-setup run's database) through the real Flyway migrations. */
class CaseJournalH2Test {

    private static final String CASE = "7d1c2c1e-0000-4000-8000-000000000001";

    private JdbcTemplate jdbc;
    private CaseJournal journal;

    @BeforeEach
    void freshDatabase() {
        jdbc = new JdbcTemplate(MigratedH2.fresh("journal"));
        jdbc.update("INSERT INTO rcrp_call (id, reference, source, category, summary, logged_at, logged_by)"
                + " VALUES (?, 'CAD-1', 'PUBLIC_999', 'CONCERN_FOR_WELFARE', 'Not seen for two days', CURRENT_TIMESTAMP, 'handler1')", CASE);
        journal = new CaseJournal(jdbc, EngineClock.INSTANCE);
    }

    @Test
    void whatAPersonWroteIsKeptWholeApartFromTheDetailAndAboutItsTask() {
        String longest = "n".repeat(TextLimits.JOURNAL_NOTE);
        journal.record(CASE, CaseJournal.About.task("referral-1", "user_accept_referral"), "TASK_COMPLETED", "mhcrisis1",
                "mental-health", "Accept referral: Referral accepted", longest);
        journal.record(CASE, "TRIAGE_DECIDED", "system", "rcrp-threshold", "REFER to MENTAL_HEALTH");

        assertThat(journal.entries(CASE)).extracting(CaseJournal.Entry::note, CaseJournal.Entry::processInstanceId,
                CaseJournal.Entry::taskKey).containsExactly(
                        tuple(longest, "referral-1", "user_accept_referral"),
                        tuple(null, null, null));
        assertThat(journal.entries(CASE).get(0).text()).isEqualTo("Accept referral: Referral accepted — " + longest);
        assertThat(journal.entries(CASE).get(1).text()).isEqualTo("REFER to MENTAL_HEALTH");
    }

    @Test
    void theDetailHoldsTheLongestRationaleWithTheSystemsWordsAndANoteIsNeverCut() {
        String detail = "d".repeat(TextLimits.JOURNAL_DETAIL);
        journal.record(CASE, "TASK_COMPLETED", "handler1", "call-handlers", detail);
        assertThat(journal.entries(CASE).get(0).detail()).isEqualTo(detail);

        assertThatThrownBy(() -> journal.record(CASE, CaseJournal.About.CASE, "UPDATE", "handler1", "call-handlers",
                "New information", "n".repeat(TextLimits.JOURNAL_NOTE + 1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(journal.entries(CASE)).hasSize(1);
    }

    @Test
    void theAnswersGivenWithAnEntryAreKeptBesideItAndTheLatestReadBack() {
        CaseJournal.About triage = CaseJournal.About.task("case-process", "user_assess_threshold");
        String longest = "a".repeat(TextLimits.JOURNAL_ANSWER);
        journal.record(CASE, triage, "TASK_CLAIMED", "handler1", "call-handlers", "Assess threshold", null);
        journal.record(CASE, triage, "TASK_COMPLETED", "handler1", "call-handlers", "Assess threshold: first", null,
                Map.of("entryNeeded", "true", "callerActions", "Knocked"));
        journal.record(CASE, triage, "TASK_COMPLETED", "handler2", "call-handlers", "Assess threshold: again", null,
                Map.of("entryNeeded", "false", "thrive.harm", longest, "thrive.risk", "  "));
        journal.record(CASE, triage, "TASK_CLAIMED", "handler1", "call-handlers", "Assess threshold", null);

        CaseJournal.Answers latest = journal.latestAnswers(CASE, "user_assess_threshold").orElseThrow();
        assertThat(latest.actor()).isEqualTo("handler2");
        assertThat(latest.byQuestion()).as("whole, and a blank answer is no answer")
                .containsExactlyInAnyOrderEntriesOf(Map.of("entryNeeded", "false", "thrive.harm", longest));
        assertThat(journal.latestAnswers(CASE, "user_attend")).isEmpty();

        assertThatThrownBy(() -> journal.record(CASE, triage, "TASK_COMPLETED", "handler1", "call-handlers", "x", null,
                Map.of("callerActions", "a".repeat(TextLimits.JOURNAL_ANSWER + 1)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(journal.entries(CASE)).hasSize(4);
    }

    @Test
    void aReadIsJournalledOnceSinceTheGivenInstantPerActor() {
        Instant dayStart = Instant.parse("2000-01-01T00:00:00Z");
        for (int refresh = 0; refresh < 3; refresh++) {
            journal.recordOnceSince(dayStart, CASE, "CASE_READ", "mhcrisis1", "mental-health", "Case read");
        }
        journal.recordOnceSince(dayStart, CASE, "CASE_READ", "mhcrisis2", "mental-health", "Case read");
        assertThat(journal.entries(CASE)).extracting(CaseJournal.Entry::actor).containsExactly("mhcrisis1", "mhcrisis2");

        journal.recordOnceSince(Instant.now().plusSeconds(3600), CASE, "CASE_READ", "mhcrisis1", "mental-health", "Case read");
        assertThat(journal.entries(CASE)).as("a new day").hasSize(3);
    }
}
