package org.rcrp.handover.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rcrp.handover.casefile.CaseQueries;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.inbox.TaskProblem;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.Route;
import org.rcrp.handover.triage.ThresholdAdvisor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The triage page: the threshold questions; the table's recommendation with its rationale is shown
 * before the handler confirms; an override needs a reason. Errors show next to their fields and
 * nothing typed is lost.
 */
@Controller
class TriageController {

    private final TaskFacade tasks;
    private final ThresholdAdvisor advisor;
    private final Actors actors;
    private final CaseQueries cases;

    TriageController(TaskFacade tasks, ThresholdAdvisor advisor, Actors actors, CaseQueries cases) {
        this.tasks = tasks;
        this.cases = cases;
        this.advisor = advisor;
        this.actors = actors;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("routes", Route.values());
        model.addAttribute("agencies", java.util.Arrays.stream(Agency.values()).filter(Agency::takesReferrals).toList());
    }

    @GetMapping("/work/{taskId}/triage")
    String form(@PathVariable String taskId, Model model) {
        Map<String, Object> facts = tasks.variablesOfHeldTask(taskId, actors.current());
        model.addAttribute("form", new TriageForm());
        return page(taskId, facts, model, Map.of());
    }

    @PostMapping("/work/{taskId}/triage")
    String submit(@PathVariable String taskId, @ModelAttribute("form") TriageForm form,
                  @RequestParam(defaultValue = "recommend") String action, Model model, RedirectAttributes redirect) {
        Actor actor = actors.current();
        Map<String, Object> facts = tasks.variablesOfHeldTask(taskId, actor);
        if ("confirm".equals(action)) {
            try {
                String caseId = tasks.caseOf(taskId, actor);
                tasks.complete(taskId, actor, form.toBody());
                String reference = (String) facts.get(RcrpCallProcess.Variables.CALL_REFERENCE.name());
                return Done.backToWork(redirect, "Triage recorded for " + reference + ".", caseId, reference);
            } catch (TaskProblem problem) {
                if (problem.kind() != TaskProblem.Kind.INVALID) {
                    throw problem;
                }
                return page(taskId, facts, model, errorsByField(problem.errors()));
            }
        }
        model.addAttribute("recommendation", advisor.recommend(facts, form.toBody()));
        return page(taskId, facts, model, Map.of());
    }

    private String page(String taskId, Map<String, Object> facts, Model model, Map<String, String> errors) {
        Actor actor = actors.current();
        model.addAttribute("taskId", taskId);
        model.addAttribute("case", cases.view(tasks.caseOf(taskId, actor), actor));
        model.addAttribute("reference", facts.get(RcrpCallProcess.Variables.CALL_REFERENCE.name()));
        model.addAttribute("category", facts.get(RcrpCallProcess.Variables.CATEGORY.name()));
        model.addAttribute("errors", errors);
        return "triage";
    }

    private static Map<String, String> errorsByField(List<FieldError> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(error -> byField.putIfAbsent(TriageForm.fieldOf(error.field()), error.message()));
        return byField;
    }
}
