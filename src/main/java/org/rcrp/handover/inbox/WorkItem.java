package org.rcrp.handover.inbox;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.Source;

/**
 * A task as a user's work list shows it (docs/api.md: GET /api/tasks, Work queues). Beside the task, what a control room needs to
 * see how urgent it is: where the call came from ({@code source}, police only), the case's grade once triaged, the lead
 * agency, the person and the place as recorded on the call, what the caller said ({@code summary}) and when the call was
 * logged.
 */
public record WorkItem(String id, String key, String name, String callId, String callReference, String category,
                       List<String> candidateGroups, String assignee, Date created, Date due,
                       Source source, Grade grade, Agency agency, String subjectName, String location, String summary,
                       Date loggedAt) {

    /** A task without its case's facts (as the queue's first query reads it, and for tests of the contract). */
    public WorkItem(String id, String key, String name, String callId, String callReference, String category,
                    List<String> candidateGroups, String assignee, Date created, Date due) {
        this(id, key, name, callId, callReference, category, candidateGroups, assignee, created, due,
                null, null, null, null, null, null, null);
    }

    /**
     * The case's urgency, most urgent first: graded immediate, then priority; then a 999 call not graded yet (a caller
     * who rang 999 is never left below a planned response); then graded scheduled; then the other calls not graded, by
     * where they came from: NHS 111, a partner, a 101 call last.
     */
    public static final Comparator<WorkItem> BY_CASE_URGENCY = Comparator.comparingInt(WorkItem::urgencyRank);

    /** {@link #BY_CASE_URGENCY}, then the soonest clock, then the oldest task. */
    public static final Comparator<WorkItem> MOST_URGENT_FIRST = BY_CASE_URGENCY
            .thenComparing(WorkItem::due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(WorkItem::created, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(WorkItem::id);

    /** 0 for the most urgent case; see {@link #BY_CASE_URGENCY}. */
    int urgencyRank() {
        if (grade != null) {
            return switch (grade) {
                case IMMEDIATE -> 0;
                case PRIORITY -> 1;
                case SCHEDULED -> 3;
            };
        }
        if (source == null) {
            return 4;
        }
        return switch (source) {
            case PUBLIC_999 -> 2;
            case NHS111 -> 4;
            case PARTNER -> 5;
            case PUBLIC_101 -> 6;
        };
    }

    /** Whether its clock has run out at this moment. */
    public boolean overdueAt(Date now) {
        return due != null && due.before(now);
    }

    /** The same item offered to these groups. */
    WorkItem offeredTo(List<String> groups) {
        return new WorkItem(id, key, name, callId, callReference, category, groups, assignee, created, due,
                source, grade, agency, subjectName, location, summary, loggedAt);
    }

    /** The same item with its case's grade and lead agency. */
    WorkItem graded(Grade grade, Agency agency) {
        return new WorkItem(id, key, name, callId, callReference, category, candidateGroups, assignee, created, due,
                source, grade, agency, subjectName, location, summary, loggedAt);
    }
}
