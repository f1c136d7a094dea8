package org.rcrp.handover.inbox;

import java.util.Map;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.tasks.TaskCatalogue;

/** The typed body for each task key (docs/api.md), as the task catalogue gives it. */
public final class TaskBodies {

    public static final Map<String, Class<? extends TaskCompletion>> BY_KEY = TaskCatalogue.bodies();

    private TaskBodies() {
    }
}
