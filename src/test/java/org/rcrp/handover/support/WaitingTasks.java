package org.rcrp.handover.support;

import java.time.Duration;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.inbox.WorkItem;

/** For the integration tests: the task of one case that a user's groups have waiting, once it is there. */
public final class WaitingTasks {

    private static final Duration AT_MOST = Duration.ofSeconds(20);

    private WaitingTasks() {
    }

    public static WorkItem of(TaskFacade tasks, String caseId, Actor actor) {
        return Awaitility.await().atMost(AT_MOST).until(() -> tasks.available(actor).stream()
                .filter(item -> caseId.equals(item.callId())).findFirst(), Optional::isPresent).orElseThrow();
    }
}
