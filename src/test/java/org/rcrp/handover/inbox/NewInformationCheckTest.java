package org.rcrp.handover.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.journal.CaseJournal;

/** Which new information a triage decision had not seen, and how the refusal names it (the walk is ContractPostgresIT). */
class NewInformationCheckTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant CREATED = Instant.parse("2026-07-01T13:00:00Z");

    private static CaseJournal.Entry entry(String at, String type, String actor, String detail) {
        return new CaseJournal.Entry(Instant.parse(at), type, actor, "call-handlers", detail, "what was said", "case-process",
                "UPDATE".equals(type) ? null : "user_assess_threshold");
    }

    private static final CaseJournal.Entry FIRST = entry("2026-07-01T13:01:00Z", "UPDATE", "handler2", "New information");
    private static final CaseJournal.Entry CLAIM = entry("2026-07-01T13:02:00Z", "TASK_CLAIMED", "handler1", "Assess threshold");
    private static final CaseJournal.Entry RISK = entry("2026-07-01T13:02:00Z", "UPDATE", "mhcrisis1",
            "New information. Raised: risk to life");
    private static final CaseJournal.Entry CRIME = entry("2026-07-01T13:05:00Z", "UPDATE", "handler2",
            "New information. Raised: serious harm, crime");
    private static final Predicate<CaseJournal.Entry> HANDLER1_CLAIM =
            e -> "TASK_CLAIMED".equals(e.type()) && "handler1".equals(e.actor());

    @Test
    void whatTheHandlerHadSeenIsCountedInTheJournalsOrderNotByItsClock() {
        List<CaseJournal.Entry> journal = List.of(FIRST, CLAIM, RISK, CRIME);

        assertThat(NewInformationCheck.unseen(journal, 3, HANDLER1_CLAIM, CREATED)).isEmpty();
        assertThat(NewInformationCheck.unseen(journal, 1, HANDLER1_CLAIM, CREATED)).containsExactly(RISK, CRIME);
        assertThat(NewInformationCheck.unseen(journal, 0, HANDLER1_CLAIM, CREATED)).containsExactly(FIRST, RISK, CRIME);
        assertThat(NewInformationCheck.unseen(journal, 9, HANDLER1_CLAIM, CREATED)).as("more than there is").isEmpty();
    }

    @Test
    void aClientThatDoesNotSayHasSeenWhatCameBeforeItsLatestClaim() {
        // RISK has the same time as the claim, but came after it.
        assertThat(NewInformationCheck.unseen(List.of(FIRST, CLAIM, RISK), null, HANDLER1_CLAIM, CREATED)).containsExactly(RISK);
        assertThat(NewInformationCheck.unseen(List.of(FIRST, CLAIM, RISK, CLAIM), null, HANDLER1_CLAIM, CREATED)).isEmpty();
        assertThat(NewInformationCheck.unseen(List.of(FIRST, CLAIM), null, HANDLER1_CLAIM, CREATED)).isEmpty();
    }

    @Test
    void withoutAClaimInTheJournalNewInformationSinceTheTaskWasCreatedIsUnseen() {
        CaseJournal.Entry before = entry("2026-07-01T12:59:00Z", "UPDATE", "handler2", "New information");
        assertThat(NewInformationCheck.unseen(List.of(before, FIRST), null, e -> false, CREATED)).containsExactly(FIRST);
    }

    @Test
    void theRefusalSaysWhenEachPieceArrivedInTheForcesTimeAndWhatItRaised() {
        assertThat(NewInformationCheck.refusal(List.of(FIRST, CLAIM, RISK), null, HANDLER1_CLAIM, CREATED, LONDON))
                .contains("New information at 14:02: risk to life reported — review it and submit again.");
        assertThat(NewInformationCheck.refusal(List.of(FIRST, CLAIM, RISK, CRIME), 0, HANDLER1_CLAIM, CREATED, LONDON))
                .contains("New information at 14:01; at 14:02: risk to life reported; at 14:05: serious harm, crime reported"
                        + " — review it and submit again.");
        assertThat(NewInformationCheck.refusal(List.of(FIRST, CLAIM), null, HANDLER1_CLAIM, CREATED, LONDON)).isEmpty();
    }

    @Test
    void theRefusalNamesNoNoteAndNoOneWhoWroteIt() {
        assertThat(NewInformationCheck.refusal(List.of(CLAIM, RISK), null, HANDLER1_CLAIM, CREATED, LONDON).orElseThrow())
                .doesNotContain("what was said").doesNotContain("mhcrisis1");
    }
}
