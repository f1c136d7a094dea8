package org.rcrp.handover.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.inbox.TaskBodies;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.inbox.TaskProblem;
import org.rcrp.handover.process.AgencyAvailability;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.tasks.TaskCatalogue;
import org.rcrp.handover.tasks.UserTask;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page of every task but triage (which has its own): the task's questions, completed through the
 * same validation as the API; errors show next to their fields and the answers are kept.
 */
@Controller
class TaskPageController {

    private final TaskFacade tasks;
    private final Actors actors;
    private final ObjectMapper objectMapper;
    private final AgencyAvailability agencies;

    private final java.time.ZoneId zone;
    private static final Labels LABELS = new Labels();

    TaskPageController(TaskFacade tasks, Actors actors, ObjectMapper objectMapper, AgencyAvailability agencies,
                       @org.springframework.beans.factory.annotation.Value("${rcrp.metrics.zone:Europe/London}") java.time.ZoneId zone) {
        this.zone = zone;
        this.tasks = tasks;
        this.agencies = agencies;
        this.actors = actors;
        this.objectMapper = objectMapper;
    }

    @GetMapping("/work/{taskId}")
    String page(@PathVariable String taskId, Model model) {
        Actor actor = actors.current();
        String key = tasks.keyOfHeldTask(taskId, actor);
        if (TaskCatalogue.of(key).map(UserTask::page).orElse(null) == UserTask.Page.TRIAGE) {
            return "redirect:/work/" + taskId + "/triage";
        }
        return render(taskId, key, tasks.variablesOfHeldTask(taskId, actor),
                KeptAnswers.restore(model).map(org.rcrp.handover.support.KeptForms::firstValues).orElse(Map.of()), Map.of(), model);
    }

    @PostMapping("/work/{taskId}")
    String complete(@PathVariable String taskId, @RequestParam Map<String, String> answers, Model model,
                    RedirectAttributes redirect) {
        Actor actor = actors.current();
        String key = tasks.keyOfHeldTask(taskId, actor);
        Map<String, Object> variables = tasks.variablesOfHeldTask(taskId, actor);
        String caseId = tasks.caseOf(taskId, actor);
        Map<String, Object> body = new LinkedHashMap<>();
        TaskForms.of(key, variables, agencies.referable()).fields().forEach(field ->
                body.put(field.name(), TaskForms.answer(field, answers.get(field.name()), zone)));
        try {
            TaskCompletion completion = objectMapper.convertValue(body, TaskBodies.BY_KEY.get(key));
            org.rcrp.handover.inbox.FollowOnTasks.onPage(() -> tasks.complete(taskId, actor, completion));
        } catch (IllegalArgumentException unreadable) {
            return render(taskId, key, variables, answers, Map.of("body", "Check your answers: one of them is not one this task takes"), model);
        } catch (TaskProblem problem) {
            if (problem.kind() == TaskProblem.Kind.FORBIDDEN) {
                return render(taskId, key, variables, answers, Map.of("verdict", problem.getMessage()), model);
            }
            if (problem.kind() != TaskProblem.Kind.INVALID) {
                throw problem;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            problem.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
            return render(taskId, key, variables, answers, errors, model);
        }
        String reference = (String) variables.get(RcrpCallProcess.Variables.CALL_REFERENCE.name());
        return Done.backToWork(redirect, "Done: " + reference + ".", caseId, reference);
    }

    /** The banner alone (the clock, grade, who is responsible), fetched again every few seconds by the page. */
    @GetMapping("/work/{taskId}/banner")
    String banner(@PathVariable String taskId) {
        tasks.keyOfHeldTask(taskId, actors.current());
        return "fragments/taskpage :: banner-content";
    }

    /** Latest and the case as it is now, alone, fetched again every few seconds by the page. */
    @GetMapping("/work/{taskId}/latest")
    String latest(@PathVariable String taskId) {
        try {
            tasks.keyOfHeldTask(taskId, actors.current());
        } catch (TaskProblem gone) {
            // Completed by someone else, ended by its clock, or no longer held: said where the user is reading.
            return "fragments/taskpage :: task-ended";
        }
        return "fragments/taskpage :: latest-content";
    }

    private String render(String taskId, String key, Map<String, Object> variables, Map<String, String> answers,
                          Map<String, String> errors, Model model) {
        Actor actor = actors.current();
        model.addAttribute("taskId", taskId);
        // The case's details, as they are now, are in the banner and Latest (TaskPage): a partner's on-call manager settling a
        // dispute, who has no part in the case, gets the task without them.
        TaskForms.Form form = TaskForms.of(key, variables, agencies.referable());
        model.addAttribute("form", form);
        // An s136 handover's own process has no category: the page then takes the case's (TaskPage), when the reader may see it.
        model.addAttribute("reference", variables.get(RcrpCallProcess.Variables.CALL_REFERENCE.name()));
        model.addAttribute("category", variables.get(RcrpCallProcess.Variables.CATEGORY.name()));
        model.addAttribute("answers", answers);
        model.addAttribute("errors", FieldMessages.sentences(errors, form.words(), LABELS));
        model.addAttribute("reviewChoices", TaskForms.asksASupervisorsDecision(key)
                ? ReviewActions.choices(RcrpCallProcess.Variables.TASK_REASON.from(variables)) : java.util.List.of());
        return "task";
    }

}
