package org.rcrp.handover.inbox;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A task the process makes as the direct result of someone completing another task of the same case (inform the caller
 * after triage, record the outcome after accepting a referral) is given to that person when they are in one of its
 * groups: they know the case and have it in front of them. Its candidate groups stay, so it is still the group's work
 * and anyone in it can take it once it is given back. Only tasks made in the same engine command as the completion,
 * by a signed-in person ({@code EngineAsUser}) on a task page ({@link #onPage}); never tasks a timer or the job executor
 * makes later, and never for a completion through the API or FHIR: a partner's case system or a script is not a person
 * with the case in front of them, and its contract (a FHIR Task {@code accepted} until someone starts) stays as it was.
 * {@code rcrp.tasks.follow-on-to-last-actor: false} leaves every new task in the group's queue.
 */
@Component
public class FollowOnTasks {

    private record Completion(CommandContext command, String caseId, String userId, List<String> groups) {
    }

    private static final ThreadLocal<Completion> LAST = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> ON_PAGE = new ThreadLocal<>();

    private final boolean toLastActor;

    public FollowOnTasks(@Value("${rcrp.tasks.follow-on-to-last-actor:true}") boolean toLastActor) {
        this.toLastActor = toLastActor;
    }

    /** Completes a task from a task page: what the completion makes may go to the person completing it. */
    public static void onPage(Runnable completion) {
        ON_PAGE.set(Boolean.TRUE);
        try {
            completion.run();
        } finally {
            ON_PAGE.remove();
        }
    }

    /** A task was completed: who completed it, for the tasks the same command goes on to make. */
    public void completed(DelegateTask task) {
        CommandContext command = Context.getCommandContext();
        if (!toLastActor || !Boolean.TRUE.equals(ON_PAGE.get()) || command == null || command.getAuthenticatedUserId() == null) {
            return;
        }
        if (LAST.get() == null) {
            command.registerCommandContextListener(new CommandContextListener() {
                @Override
                public void onCommandContextClose(CommandContext closed) {
                    LAST.remove();
                }

                @Override
                public void onCommandFailed(CommandContext failed, Throwable cause) {
                    LAST.remove();
                }
            });
        }
        LAST.set(new Completion(command, caseOf(task), command.getAuthenticatedUserId(),
                command.getAuthenticatedGroupIds() == null ? List.of() : List.copyOf(command.getAuthenticatedGroupIds())));
    }

    /** A new task: to the person whose completion made it, when it is of the same case and for one of their groups. */
    public void created(DelegateTask task, List<String> candidateGroups) {
        Completion last = LAST.get();
        if (last == null || last.command() != Context.getCommandContext() || task.getAssignee() != null
                || last.caseId() == null || !last.caseId().equals(caseOf(task))
                || candidateGroups.stream().noneMatch(last.groups()::contains)) {
            return;
        }
        task.setAssignee(last.userId());
    }

    private static String caseOf(DelegateTask task) {
        return task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    }
}
