package org.rcrp.handover.web;

import java.time.Duration;
import org.rcrp.handover.casefile.CaseQueries;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.inbox.TaskFacade;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Gives every task page (a task's own page and triage) its banner and Latest panel ({@link TaskPage}, read only if drawn).
 * {@code rcrp.task-clock.warn-before}: how long before a task's clock runs out its page warns.
 */
@ControllerAdvice(assignableTypes = {TaskPageController.class, TriageController.class})
class TaskPageBanner {

    private final ObjectProvider<TaskFacade> tasks;
    private final ObjectProvider<CaseQueries> cases;
    private final ObjectProvider<Actors> actors;
    private final Duration warnBefore;
    private final Labels labels = new Labels();

    /** Providers: controller slice tests load every advice, and only what their controller needs. */
    TaskPageBanner(ObjectProvider<TaskFacade> tasks, ObjectProvider<CaseQueries> cases, ObjectProvider<Actors> actors,
                   @Value("${rcrp.task-clock.warn-before:PT2M}") Duration warnBefore) {
        this.tasks = tasks;
        this.cases = cases;
        this.actors = actors;
        this.warnBefore = warnBefore;
    }

    @ModelAttribute
    void taskPage(@PathVariable(name = "taskId", required = false) String taskId, Model model) {
        if (taskId != null) {
            model.addAttribute("taskPage", new TaskPage(taskId, actors.getObject().current(), tasks.getObject(), cases.getObject(), labels, warnBefore));
        }
    }
}
