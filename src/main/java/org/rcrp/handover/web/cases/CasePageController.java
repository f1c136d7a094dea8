package org.rcrp.handover.web.cases;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.rcrp.handover.casefile.CaseQueries;
import org.rcrp.handover.casefile.CaseView;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.intake.CallIntake;
import org.rcrp.handover.intake.CaseNotFoundException;
import org.rcrp.handover.intake.CaseNotOpenException;
import org.rcrp.handover.intake.CaseUpdate;
import org.rcrp.handover.process.InvalidInputException;
import org.rcrp.handover.web.Chronology;
import org.rcrp.handover.web.FieldMessages;
import org.rcrp.handover.web.KeptAnswers;
import org.rcrp.handover.web.Labels;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page: a banner with the state, who is responsible now, the grade and the next clock; open tasks with their
 * clocks (claimable from here); the chronology newest first, routine audit rows only on request ({@code ?audit=true},
 * no JavaScript needed); all refreshing themselves; and new information, which may raise the risk. Printed, it carries
 * its protective marking, who printed it and when (the print styles in rcrp.css).
 */
@Controller
class CasePageController {

    private static final Labels WORDS = new Labels();
    private static final Map<String, FieldMessages.Words> NEW_INFORMATION = Map.of(
            "note", new FieldMessages.Words("the new information", "Enter the new information"));

    private final CaseQueries cases;
    private final CallIntake intake;
    private final Actors actors;
    private final Labels labels = new Labels();

    CasePageController(CaseQueries cases, CallIntake intake, Actors actors) {
        this.cases = cases;
        this.intake = intake;
        this.actors = actors;
    }

    @GetMapping("/cases/{id}")
    String page(@PathVariable String id, @RequestParam(defaultValue = "false") boolean audit, Model model) {
        return page(id, audit, KeptAnswers.restore(model).map(org.rcrp.handover.support.KeptForms::firstValues).orElse(Map.of()),
                Map.of(), model);
    }

    /** The live part of the page alone, fetched again every few seconds. */
    @GetMapping("/cases/{id}/live")
    String live(@PathVariable String id, @RequestParam(defaultValue = "false") boolean audit, Model model) {
        Actor actor = actors.current();
        CaseView view = cases.view(id, actor);
        model.addAttribute("case", view);
        model.addAttribute("actor", actor);
        model.addAttribute("ours", view.openTasks().stream()
                .filter(task -> task.candidateGroups().stream().anyMatch(actor::isIn))
                .map(CaseView.OpenTask::id).collect(Collectors.toSet()));
        model.addAttribute("nextClock", nextClock(view));
        model.addAttribute("chronology", Chronology.of(view.timeline(), labels, audit));
        return "cases/case :: live";
    }

    /** The open task due soonest: the clock that runs out next. */
    static CaseView.OpenTask nextClock(CaseView view) {
        return view.openTasks().stream().filter(task -> task.due() != null)
                .min(Comparator.comparing(CaseView.OpenTask::due)).orElse(null);
    }

    @PostMapping("/cases/{id}/updates")
    String update(@PathVariable String id, @RequestParam Map<String, String> answers, Model model,
                  RedirectAttributes redirect) {
        Actor actor = actors.current().requireMayChangeCases();
        if (!cases.mayRead(id, actor)) {
            throw new CaseNotFoundException(id);
        }
        CaseUpdate update = new CaseUpdate(answers.getOrDefault("note", "").strip(), "true".equals(answers.get("riskToLife")),
                "true".equals(answers.get("seriousHarm")), "true".equals(answers.get("crime")));
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            intake.addInformation(id, update, actor);
            redirect.addFlashAttribute("message", update.riskToLife() || update.seriousHarm() || update.crime()
                    ? "New information recorded. The raised risk has gone straight back to police."
                    : "New information recorded.");
            return "redirect:/cases/" + id;
        } catch (InvalidInputException invalid) {
            invalid.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
        } catch (CaseNotOpenException closed) {
            errors.put("note", "The new information cannot be added: the case is closed. Log a new call instead.");
        }
        return page(id, false, answers, FieldMessages.sentences(errors, NEW_INFORMATION, WORDS), model);
    }

    private String page(String id, boolean audit, Map<String, String> answers, Map<String, String> errors, Model model) {
        live(id, audit, model);
        model.addAttribute("answers", answers);
        model.addAttribute("errors", errors);
        return "cases/case";
    }
}
