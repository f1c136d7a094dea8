package org.rcrp.handover.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rcrp.handover.casefile.CaseQueries;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.inbox.TaskFate;
import org.rcrp.handover.inbox.TaskProblem;
import org.rcrp.handover.intake.CallIntake;
import org.rcrp.handover.intake.CaseNotFoundException;
import org.rcrp.handover.intake.CaseNotOpenException;
import org.rcrp.handover.intake.CaseUpdate;
import org.rcrp.handover.process.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What was typed for a task that had gone, added to its case as new information (as {@code POST /api/calls/{id}/updates}
 * adds it, as the user): the supervisor and everyone on the case read it on the timeline. The case is the task's own,
 * found from the task, never from the form.
 */
@Controller
class LostWorkController {

    private final TaskFacade tasks;
    private final CaseQueries cases;
    private final CallIntake intake;
    private final Actors actors;
    private final TaskGonePage taskGone;

    LostWorkController(TaskFacade tasks, CaseQueries cases, CallIntake intake, Actors actors, TaskGonePage taskGone) {
        this.tasks = tasks;
        this.cases = cases;
        this.intake = intake;
        this.actors = actors;
        this.taskGone = taskGone;
    }

    @PostMapping("/work/{taskId}/add-to-case")
    ModelAndView addToCase(@PathVariable String taskId, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        Actor actor = actors.current().requireMayChangeCases();
        TaskFate fate = tasks.fate(taskId, actor).filter(found -> found.caseId() != null)
                .orElseThrow(() -> new TaskProblem(TaskProblem.Kind.NOT_FOUND, "No task " + taskId + " for your groups"));
        if (!cases.mayRead(fate.caseId(), actor)) {
            throw new CaseNotFoundException(fate.caseId());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            intake.addInformation(fate.caseId(), new CaseUpdate(note.strip(), false, false, false), actor);
            redirect.addFlashAttribute("message", "What you typed was added to the case as new information:"
                    + " the supervisor and everyone on the case see it on its timeline.");
            return new ModelAndView("redirect:/cases/" + fate.caseId());
        } catch (InvalidInputException invalid) {
            invalid.errors().forEach(error -> errors.putIfAbsent("kept-note", error.message()));
        } catch (CaseNotOpenException closed) {
            errors.put("kept-note", "This cannot be added: the case is closed. Copy it, and log a new call if it still matters.");
        }
        return taskGone.page(taskId, Map.of(), note, errors);
    }
}
