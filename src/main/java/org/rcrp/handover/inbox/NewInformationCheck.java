package org.rcrp.handover.inbox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.rcrp.handover.journal.CaseJournal;

/**
 * For a decision that must be taken on everything the case knows (triage): the new information that reached the case
 * after the person read it. What they read is the number of pieces of new information the case had then
 * ({@code seenUpdates}: the {@code UPDATE} entries of its timeline); a client that does not say is taken to have read the
 * case when it claimed the task. Entries are compared by their order in the journal, not by their clocks.
 */
final class NewInformationCheck {

    /** The journal's type for new information ({@code POST /api/calls/{id}/updates}, the case page). */
    static final String UPDATE = "UPDATE";
    /** How new information's journal detail names what it raised ("New information. Raised: risk to life"). */
    private static final String RAISED = "Raised: ";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private NewInformationCheck() {
    }

    /**
     * Why the decision is refused — when each piece arrived and what it raised — or empty when nothing new arrived.
     *
     * @param journal       the case's journal, in order
     * @param seenUpdates   how many pieces the person had seen; null when the body does not say
     * @param claimed       the entry of the person's claim of this task (the latest one counts), for a body that does not say
     * @param taskCreatedAt when the task was created: a claim not in the journal is taken to be then
     */
    static Optional<String> refusal(List<CaseJournal.Entry> journal, Integer seenUpdates, Predicate<CaseJournal.Entry> claimed,
                                    Instant taskCreatedAt, ZoneId zone) {
        List<CaseJournal.Entry> unseen = unseen(journal, seenUpdates, claimed, taskCreatedAt);
        if (unseen.isEmpty()) {
            return Optional.empty();
        }
        List<String> pieces = new ArrayList<>();
        for (CaseJournal.Entry entry : unseen) {
            String raised = raised(entry.detail());
            pieces.add("at " + TIME.format(entry.at().atZone(zone)) + (raised == null ? "" : ": " + raised + " reported"));
        }
        return Optional.of("New information " + String.join("; ", pieces) + " — review it and submit again.");
    }

    static List<CaseJournal.Entry> unseen(List<CaseJournal.Entry> journal, Integer seenUpdates,
                                          Predicate<CaseJournal.Entry> claimed, Instant taskCreatedAt) {
        List<CaseJournal.Entry> updates = new ArrayList<>();
        int seen = 0;
        boolean sinceClaim = false;
        for (CaseJournal.Entry entry : journal) {
            if (seenUpdates == null && claimed.test(entry)) {
                updates.clear();
                sinceClaim = true;
            } else if (UPDATE.equals(entry.type())) {
                if (seenUpdates != null && seen++ < seenUpdates) {
                    continue;
                }
                updates.add(entry);
            }
        }
        if (seenUpdates == null && !sinceClaim) {
            updates.removeIf(update -> update.at().isBefore(taskCreatedAt));
        }
        return updates;
    }

    /** What a piece of new information raised, in the journal's words ("risk to life, crime"); null when nothing. */
    private static String raised(String detail) {
        int at = detail == null ? -1 : detail.indexOf(RAISED);
        return at < 0 ? null : detail.substring(at + RAISED.length()).strip();
    }
}
