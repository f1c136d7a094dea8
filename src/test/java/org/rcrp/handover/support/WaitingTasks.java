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
        // A task made by the actor's own completion is theirs already (FollowOnTasks): held, not available.
        return Awaitility.await().atMost(AT_MOST).until(() -> java.util.stream.Stream.concat(tasks.available(actor).stream(),
                        tasks.mine(actor).stream()).filter(item -> caseId.equals(item.callId())).findFirst(), Optional::isPresent)
                .orElseThrow();
    }
}
