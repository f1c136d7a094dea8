package org.rcrp.handover.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.rcrp.handover.casefile.CaseView;

/**
 * A case's timeline as people read it: newest first, in words, and without the routine audit rows (reads, tasks created
 * and claimed, the engine's bookkeeping) unless asked for. {@code hidden} counts the audit rows left out.
 */
public record Chronology(List<Row> rows, int hidden, boolean withAudit) {

    /** The separator the journal puts between its own account of an action and what the person wrote (CaseJournal.Entry). */
    private static final String NOTE = " — ";
    /** Where a triage's summary gives the handler's own rationale (AssessThreshold.summary), and where an override follows it. */
    private static final String RATIONALE = " Rationale: ";
    private static final String OVERRIDE = ". Override to ";

    record Row(Instant at, String what, String who, String detail, boolean audit) {
    }

    public static Chronology of(List<CaseView.TimelineEntry> timeline, Labels labels, boolean withAudit) {
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
            rows.add(new Row(entry.at(), labels.event(entry.type()), who(entry, labels), detail(entry.type(), entry.detail(), labels), audit));
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
    private static String detail(String type, String detail, Labels labels) {
        if (detail == null) {
            return "";
        }
        int note = detail.indexOf(NOTE);
        String words = note < 0 ? account(type, detail, labels) : account(type, detail.substring(0, note), labels) + detail.substring(note);
        // A sentence that began with a code ("REFER to MENTAL_HEALTH …") still begins with a capital.
        return !words.isEmpty() && Character.isUpperCase(detail.charAt(0)) && Character.isLowerCase(words.charAt(0))
                ? Character.toUpperCase(words.charAt(0)) + words.substring(1) : words;
    }

    /**
     * The system's account of an action, in words, leaving alone what a person typed inside it: a logged call's summary
     * ("CONCERN_FOR_WELFARE from PUBLIC_999: what the caller said") and a triage's rationale ("… Rationale: what the
     * handler wrote. Override to REFER MENTAL_HEALTH").
     */
    private static String account(String type, String account, Labels labels) {
        int summary = "CALL_LOGGED".equals(type) ? account.indexOf(": ") : -1;
        if (summary >= 0) {
            return labels.text(account.substring(0, summary)) + account.substring(summary);
        }
        int rationale = account.indexOf(RATIONALE);
        if (rationale < 0) {
            return labels.text(account);
        }
        int override = account.lastIndexOf(OVERRIDE);
        String typed = override > rationale ? account.substring(rationale, override) : account.substring(rationale);
        return labels.text(account.substring(0, rationale)) + typed
                + (override > rationale ? labels.text(account.substring(override)) : "");
    }
}
