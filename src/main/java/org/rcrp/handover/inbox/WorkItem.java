package org.rcrp.handover.inbox;

import java.util.Date;
import java.util.List;

/** A task as a user's work list shows it (docs/api.md: GET /api/tasks, Work queues). */
public record WorkItem(String id, String key, String name, String callId, String callReference, String category,
                       List<String> candidateGroups, String assignee, Date created, Date due) {

    /** The same item offered to these groups. */
    WorkItem offeredTo(List<String> groups) {
        return new WorkItem(id, key, name, callId, callReference, category, groups, assignee, created, due);
    }
}
