package org.rcrp.handover.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.rcrp.handover.casefile.CaseView;

/**
 * A case's timeline as people read it: newest first, in words, and without the routine audit rows (reads, tasks created
 * and claimed, the engine's bookkeeping) unless asked for. {@code hidden} counts the audit rows left out.
 */
record Chronology(List<Row> rows, int hidden, boolean withAudit) {

    /** The separator the journal puts between its own account of an action and what the person wrote (CaseJournal.Entry). */
    private static final String NOTE = " — ";

    record Row(Instant at, String what, String who, String detail, boolean audit) {
    }

    static Chronology of(List<CaseView.TimelineEntry> timeline, Labels labels, boolean withAudit) {
        List<Row> rows = new ArrayList<>();
        int hidden = 0;
        // The timeline comes oldest first, entries of the same instant in the order they were written.
        for (int i = timeline.size() - 1; i >= 0; i--) {
            CaseView.TimelineEntry entry = timeline.get(i);
            boolean audit = labels.audit(entry.type());
            if (audit && !withAudit) {
                hidden++;
                continue;
            }
            rows.add(new Row(entry.at(), labels.event(entry.type()), who(entry, labels), detail(entry.detail(), labels), audit));
        }
        return new Chronology(List.copyOf(rows), hidden, withAudit);
    }

    private static String who(CaseView.TimelineEntry entry, Labels labels) {
        if (entry.actor() == null || "system".equals(entry.actor())) {
            return "Automatic";
        }
        String roles = entry.role() == null ? "" : String.join(", ", java.util.Arrays.stream(entry.role().split(","))
                .map(String::strip).filter(role -> !role.isEmpty()).map(labels::group).toList());
        return roles.isEmpty() ? entry.actor() : entry.actor() + " (" + roles + ")";
    }

    /** The system's words in plain words; what the person wrote after them, exactly as they wrote it. */
    private static String detail(String detail, Labels labels) {
        if (detail == null) {
            return "";
        }
        int note = detail.indexOf(NOTE);
        return note < 0 ? labels.text(detail) : labels.text(detail.substring(0, note)) + detail.substring(note);
    }
}
