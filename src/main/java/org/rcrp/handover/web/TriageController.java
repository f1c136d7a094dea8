package org.rcrp.handover.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rcrp.handover.casefile.CaseQueries;
import org.rcrp.handover.casefile.CaseView;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.inbox.FollowOnTasks;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.inbox.TaskProblem;
import org.rcrp.handover.plan.ResponsePlan;
import org.rcrp.handover.process.AgencyAvailability;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.Route;
import org.rcrp.handover.triage.AssessThreshold;
import org.rcrp.handover.triage.RaisedRisk;
import org.rcrp.handover.triage.ThresholdAdvisor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The triage page: the threshold questions (for a concern for welfare also whereabouts, entry, last seen and what the
 * caller did; THRIVE for every call); the table's recommendation with its rationale is shown before the handler confirms;
 * an override needs a reason. Errors show next to their fields and nothing typed is lost. New information that reaches
 * the case while the page is open shows on it by itself (its live part, {@code /triage/news}); a decision confirmed on a
 * page that had not shown it is refused (TaskFacade) and the page comes back with every answer kept, saying what changed.
 * The recommendation and its whole plan show beside the questions and follow the answers as they change
 * ({@code /triage/preview}, called by triage.js; without JavaScript "Check recommendation" does the same in a round
 * trip). Confirm goes through only when the page showed the recommendation for the answers sent (the hidden
 * {@code shownRecommendation}, a signature of the task and the plan); otherwise the page shows it and asks again.
 */
@Controller
public class TriageController {

    private static final Labels WORDS = new Labels();

    private final TaskFacade tasks;
    private final ThresholdAdvisor advisor;
    private final Actors actors;
    private final CaseQueries cases;
    private final AgencyAvailability agencies;
    private final ZoneId zone;
    /** The flash attribute with the answers the handler gave when logging the call ({@link LogCallController}). */
    public static final String PREFILLED = "prefilledTriage";

    TriageController(TaskFacade tasks, ThresholdAdvisor advisor, Actors actors, CaseQueries cases, AgencyAvailability agencies,
                     @Value("${rcrp.metrics.zone:Europe/London}") ZoneId zone) {
        this.tasks = tasks;
        this.agencies = agencies;
        this.cases = cases;
        this.advisor = advisor;
        this.actors = actors;
        this.zone = zone;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("routes", Route.values());
        model.addAttribute("agencies", agencies.referable());
        model.addAttribute("answerLabels", TriageForm.LABELS);
    }

    @GetMapping("/work/{taskId}/triage")
    String form(@PathVariable String taskId, Model model) {
        Map<String, Object> facts = tasks.variablesOfHeldTask(taskId, actors.current());
        TriageForm form = new TriageForm();
        // The answers given when the call was logged (the fast path: someone at immediate risk, a crime in progress)
        if (model.getAttribute(PREFILLED) instanceof Map<?, ?> prefilled) {
            new org.springframework.web.bind.WebDataBinder(form).bind(new org.springframework.beans.MutablePropertyValues(prefilled));
        }
        KeptAnswers.restore(model).ifPresent(kept -> new org.springframework.web.bind.WebDataBinder(form)
                .bind(new org.springframework.beans.MutablePropertyValues(kept.toSingleValueMap())));
        model.addAttribute("form", form);
        showRecommendation(taskId, facts, form, form.read(zone).body(), model);
        return page(taskId, facts, form, null, model, Map.of());
    }

    /**
     * The recommendation and the whole plan for the answers as they stand, for the page's script to show beside the
     * questions while they are answered: the same table and planner as "Check recommendation", and the signature that
     * lets Confirm go through with these answers.
     */
    @PostMapping("/work/{taskId}/triage/preview")
    String preview(@PathVariable String taskId, @ModelAttribute("form") TriageForm form, Model model) {
        Map<String, Object> facts = tasks.variablesOfHeldTask(taskId, actors.current());
        showRecommendation(taskId, facts, form, form.read(zone).body(), model);
        return "triage :: recommendation";
    }

    /** The page's live part: new information since the page was opened, and the risk it raised. */
    @GetMapping("/work/{taskId}/triage/news")
    String news(@PathVariable String taskId, @RequestParam(defaultValue = "0") int seen, Model model) {
        Actor actor = actors.current();
        Map<String, Object> facts = tasks.variablesOfHeldTask(taskId, actor);
        news(facts, updates(cases.view(tasks.caseOf(taskId, actor), actor)), seen, model);
        return "triage :: news";
    }

    @PostMapping("/work/{taskId}/triage")
    String submit(@PathVariable String taskId, @ModelAttribute("form") TriageForm form,
                  @RequestParam(defaultValue = "recommend") String action, Model model, RedirectAttributes redirect) {
        Actor actor = actors.current();
        Map<String, Object> facts = tasks.variablesOfHeldTask(taskId, actor);
        TriageForm.Read read = form.read(zone);
        if (!read.errors().isEmpty()) {
            return page(taskId, facts, form, null, model, read.errors());
        }
        if ("confirm".equals(action)) {
            ResponsePlan plan = advisor.recommend(facts, read.body());
            if (!signature(taskId, plan).equals(form.getShownRecommendation())) {
                // Confirm goes through only for answers whose recommendation the page showed: otherwise the page comes
                // back with the recommendation for these answers, every answer kept, to be confirmed on it.
                model.addAttribute("notShown", form.getShownRecommendation() == null || form.getShownRecommendation().isBlank()
                        ? "Nothing was recorded yet: check the recommendation for your answers, then confirm."
                        : "Nothing was recorded yet: your answers changed the recommendation. Check it, then confirm.");
                showRecommendation(taskId, facts, form, read.body(), model);
                return page(taskId, facts, form, null, model, errorsByField(read.body().validate(facts)));
            }
            try {
                String caseId = tasks.caseOf(taskId, actor);
                FollowOnTasks.onPage(() -> tasks.complete(taskId, actor, read.body()));
                String reference = (String) facts.get(RcrpCallProcess.Variables.CALL_REFERENCE.name());
                return Done.backToWork(redirect, "Triage recorded for " + reference + ".", caseId, reference);
            } catch (TaskProblem problem) {
                if (problem.kind() == TaskProblem.Kind.STALE) {
                    // What changed is on the page now, from where the handler's page stopped: the next confirmation is
                    // taken on it (and refused again if more arrives). Every answer typed is kept.
                    model.addAttribute("changed", WORDS.text(problem.getMessage()));
                    int shownBefore = form.getSeenUpdates() == null ? 0 : form.getSeenUpdates();
                    form.setSeenUpdates(null);
                    return page(taskId, tasks.variablesOfHeldTask(taskId, actor), form, shownBefore, model, Map.of());
                }
                if (problem.kind() != TaskProblem.Kind.INVALID) {
                    throw problem;
                }
                showRecommendation(taskId, facts, form, read.body(), model);
                return page(taskId, facts, form, null, model, errorsByField(problem.errors()));
            }
        }
        showRecommendation(taskId, facts, form, read.body(), model);
        return page(taskId, facts, form, null, model, Map.of());
    }

    /** Nothing before the first answer: a recommendation on no answers at all would only mislead. */
    private void showRecommendation(String taskId, Map<String, Object> facts, TriageForm form, AssessThreshold answers, Model model) {
        if (!form.answersAny()) {
            model.addAttribute("recommendation", null);
            return;
        }
        ResponsePlan plan = advisor.recommend(facts, answers);
        model.addAttribute("recommendation", plan);
        model.addAttribute("signature", signature(taskId, plan));
    }

    /** What the page showed, in a form the next request can compare: the task and the plan recommended on it. */
    static String signature(String taskId, ResponsePlan plan) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((taskId + "|" + plan).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * The page. {@code seenUpdates} (hidden) is what the form says it has shown, the case's count when the page is first
     * made; new information is listed from {@code showSince} (where the handler's page stood), by default the same.
     */
    private String page(String taskId, Map<String, Object> facts, TriageForm form, Integer showSince, Model model,
                        Map<String, String> errors) {
        Actor actor = actors.current();
        CaseView view = cases.view(tasks.caseOf(taskId, actor), actor);
        List<CaseView.TimelineEntry> updates = updates(view);
        if (form.getSeenUpdates() == null) {
            form.setSeenUpdates(updates.size());
        }
        model.addAttribute("taskId", taskId);
        model.addAttribute("case", view);
        model.addAttribute("reference", facts.get(RcrpCallProcess.Variables.CALL_REFERENCE.name()));
        model.addAttribute("category", facts.get(RcrpCallProcess.Variables.CATEGORY.name()));
        model.addAttribute("errors", FieldMessages.sentences(errors, FieldMessages.TRIAGE, WORDS));
        news(facts, updates, showSince == null ? form.getSeenUpdates() : showSince, model);
        return "triage";
    }

    /** New information the page had not shown when it was opened, and what new information raised while triage is open. */
    private static void news(Map<String, Object> facts, List<CaseView.TimelineEntry> updates, int seen, Model model) {
        model.addAttribute("seen", seen);
        model.addAttribute("newInformation", updates.subList(Math.min(Math.max(seen, 0), updates.size()), updates.size()));
        model.addAttribute("raised", RaisedRisk.raisedIn(facts));
    }

    /** The case's new information, in order (the timeline's UPDATE entries: what {@code seenUpdates} counts). */
    private static List<CaseView.TimelineEntry> updates(CaseView view) {
        return view.timeline().stream().filter(entry -> "UPDATE".equals(entry.type())).toList();
    }

    private static Map<String, String> errorsByField(List<FieldError> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(error -> byField.putIfAbsent(TriageForm.fieldOf(error.field()),
                TriageForm.inWords(TriageForm.fieldOf(error.field()), error.message())));
        return byField;
    }
}
