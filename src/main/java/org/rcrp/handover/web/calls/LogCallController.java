package org.rcrp.handover.web.calls;

import jakarta.validation.Validator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rcrp.handover.casefile.CaseQueries;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.inbox.TaskProblem;
import org.rcrp.handover.intake.CallIntake;
import org.rcrp.handover.process.AgencyAvailability;
import org.rcrp.handover.process.InvalidInputException;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.web.FieldMessages;
import org.rcrp.handover.web.KeptAnswers;
import org.rcrp.handover.web.Labels;
import org.rcrp.handover.web.TriageController;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Logging a call from the page: the contract's fields, AWOL details revealed when the category is AWOL (a walk-out's when
 * it is WALKOUT),
 * the API's own validation with errors next to their inputs, nothing typed lost. The same reference
 * twice opens the existing case and says so, as the API does.
 */
@Controller
class LogCallController {

    static final List<String> YES_NO_FIELDS = List.of("location.urban", "awol.partThree", "awol.dangerous",
            "awol.particularlyVulnerable", "awol.hospitalSearched", "walkout.detained", "walkout.riskAssessmentGiven",
            "walkout.capacityConcern");
    private static final Labels WORDS = new Labels();
    private static final DateTimeFormatter REFERENCE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneId.of("Europe/London"));
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CallIntake intake;
    private final CaseQueries cases;
    private final Actors actors;
    private final Validator validator;
    private final AgencyAvailability agencies;
    private final ZoneId zone;
    private final TaskFacade tasks;

    private final Clock clock;

    LogCallController(CallIntake intake, CaseQueries cases, Actors actors, Validator validator, AgencyAvailability agencies,
                      TaskFacade tasks, @Value("${rcrp.metrics.zone:Europe/London}") ZoneId zone, Clock clock) {
        this.clock = clock;
        this.zone = zone;
        this.tasks = tasks;
        this.intake = intake;
        this.cases = cases;
        this.actors = actors;
        this.validator = validator;
        this.agencies = agencies;
    }

    @GetMapping("/calls/new")
    String form(Model model) {
        mayLog();
        MultiValueMap<String, String> answers = new LinkedMultiValueMap<>();
        answers.add("reference", suggestedReference());
        return page(KeptAnswers.restore(model).orElse(answers), Map.of(), model);
    }

    @PostMapping("/calls")
    String log(@RequestParam MultiValueMap<String, String> answers, Model model, RedirectAttributes redirect) {
        Actor actor = mayLog();
        CallForm.Read read = CallForm.read(answers, zone);
        Map<String, String> errors = new LinkedHashMap<>();
        FastPath fastPath = FastPath.read(answers, errors);
        errors.putAll(read.errors());
        validator.validate(read.call()).forEach(violation ->
                errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage()));
        if (errors.isEmpty()) {
            try {
                CallIntake.Logged logged = intake.log(read.call(), actor);
                if (!logged.created() && !logged.call().loggedBy().equals(actor.userId()) && !cases.mayRead(logged.call().id(), actor)) {
                    // A reference of a case this user may not read (who may, as CaseQueries.view decides): no redirect to
                    // its address, which is its id — only that the reference is taken.
                    errors.put("reference", "This reference is already in use: check it and try again");
                    return page(answers, errors, model);
                }
                if (logged.created() && fastPath != FastPath.NOT_ANSWERED) {
                    Optional<String> triage = claimTriage(logged.call().id(), actor);
                    if (triage.isPresent()) {
                        redirect.addFlashAttribute("message", "Logged " + logged.call().reference()
                                + ". Its triage is yours: " + (fastPath.prefilled().isEmpty()
                                ? "answer the questions and confirm." : "check the recommendation, answer the rest and confirm."));
                        redirect.addFlashAttribute(TriageController.PREFILLED, fastPath.prefilled());
                        return "redirect:/work/" + triage.get() + "/triage";
                    }
                }
                redirect.addFlashAttribute("message", logged.created()
                        ? "Logged " + logged.call().reference() + ". Its triage is waiting for the call handlers."
                        : "Reference " + logged.call().reference() + " was already logged: this is that case. Nothing new was logged.");
                return "redirect:/cases/" + logged.call().id();
            } catch (InvalidInputException invalid) {
                invalid.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
            }
        }
        return page(answers, errors, model);
    }

    /**
     * The triage of the call just logged, claimed for the handler who logged it, when they may triage (a partner logging
     * a call may not) and the call waits for triage (an s136 handover does not); someone faster may have taken it.
     */
    private Optional<String> claimTriage(String caseId, Actor actor) {
        Optional<String> triage = tasks.waitingTask(caseId, RcrpCallProcess.Elements.USER_ASSESS_THRESHOLD, actor);
        try {
            triage.ifPresent(task -> tasks.claim(task, actor));
            return triage;
        } catch (TaskProblem taken) {
            return Optional.empty();
        }
    }

    /**
     * The log form's first question, "Is anyone at immediate risk, or is a crime in progress?": yes (and which) opens
     * the call's triage for the handler at once with those answers given, so the recommendation (police) shows on
     * arrival; no opens it with nothing given; not answered, the call waits in the queue as any other.
     */
    enum FastPath {
        NOT_ANSWERED, NO, RISK_TO_LIFE, CRIME, BOTH;

        static FastPath read(MultiValueMap<String, String> answers, Map<String, String> errors) {
            String immediate = answers.getFirst("immediate");
            if (immediate == null || immediate.isBlank()) {
                return NOT_ANSWERED;
            }
            if (!"yes".equals(immediate)) {
                return NO;
            }
            List<String> kinds = answers.getOrDefault("immediateKind", List.of());
            boolean life = kinds.contains("riskToLife");
            boolean crime = kinds.contains("crime");
            if (!life && !crime) {
                errors.put("immediateKind", "Select whether someone’s life is at risk, a crime is in progress, or both");
                return NOT_ANSWERED;
            }
            return life && crime ? BOTH : life ? RISK_TO_LIFE : CRIME;
        }

        Map<String, String> prefilled() {
            Map<String, String> answers = new LinkedHashMap<>();
            if (this == RISK_TO_LIFE || this == BOTH) {
                answers.put("riskToLife", "true");
            }
            if (this == CRIME || this == BOTH) {
                answers.put("crime", "true");
            }
            return answers;
        }
    }

    private Actor mayLog() {
        return actors.current().requireMayChangeCases();
    }

    private String page(MultiValueMap<String, String> answers, Map<String, String> errors, Model model) {
        Map<String, Boolean> yesNo = new HashMap<>();
        YES_NO_FIELDS.forEach(field -> {
            String answer = answers.getFirst(field);
            yesNo.put(field, "true".equals(answer) ? Boolean.TRUE : "false".equals(answer) ? Boolean.FALSE : null);
        });
        model.addAttribute("answers", answers.toSingleValueMap());
        model.addAttribute("knownTo", answers.getOrDefault("subject.knownTo", List.of()));
        model.addAttribute("immediateKinds", answers.getOrDefault("immediateKind", List.of()));
        model.addAttribute("yesNo", yesNo);
        model.addAttribute("errors", FieldMessages.sentences(errors, FieldMessages.CALL, WORDS));
        model.addAttribute("sources", CallForm.SOURCES);
        model.addAttribute("categories", CallForm.CATEGORIES);
        model.addAttribute("agencies", CallForm.knownTo(agencies.referable()));
        model.addAttribute("awolKinds", CallForm.AWOL_KINDS);
        model.addAttribute("walkoutSettings", CallForm.WALKOUT_SETTINGS);
        return "calls/log-call";
    }

    /** Until the command-and-control reference is typed in: unique to the second, with a random tail. */
    private String suggestedReference() {
        return "CAD-" + REFERENCE_TIME.format(clock.instant()) + "-" + (1000 + RANDOM.nextInt(9000));
    }
}
