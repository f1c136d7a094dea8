package org.rcrp.handover.web;

import static org.rcrp.handover.process.PartnerReferralProcess.Variables.REASON_CODE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.AGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.TASK_REASON;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rcrp.handover.casefile.ReferralQueries;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.inbox.WorkItem;
import org.rcrp.handover.intake.RepeatContacts;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.RejectionReason;
import org.rcrp.handover.process.ReviewReason;
import org.rcrp.handover.process.SupervisorAction;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisors' escalations queue: every open review, held or not, with why it was raised (no
 * response, rejected, overdue triage or attendance, s136 over the hour), the agency, what the partner
 * said, the clock and the actions the reason allows; and every repeat contact within 24 h (a second call
 * about the same person) with both calls, until a supervisor marks it seen. It refreshes itself.
 */
@Controller
class EscalationsController {

    static final String SUPERVISORS = "police-supervisors";
    private static final Labels WORDS = new Labels();

    static final Map<ReviewReason, String> REASONS = Map.of(
            ReviewReason.TRIAGE_OVERDUE, "Triage overdue",
            ReviewReason.ATTENDANCE_OVERDUE, "Police attendance overdue",
            ReviewReason.NO_RESPONSE, "Partner did not respond in time",
            ReviewReason.REJECTED, "Partner rejected the referral",
            ReviewReason.OUTCOME_OVERDUE, "Partner outcome overdue",
            ReviewReason.HANDOVER_OVERDUE, "s136 handover over the hour",
            ReviewReason.DETENTION_LIMIT, "s136 detention time limit near",
            ReviewReason.NOTIFICATION_FAILED, "Notice to the agency could not be delivered",
            ReviewReason.NOT_LOCATED, "Person not located: whereabouts unknown",
            ReviewReason.MISSING_PERSON_OVERDUE, "Missing-person risk assessment overdue");

    record Escalation(WorkItem task, ReviewReason reason, String why, Agency agency, String partnerSaid,
                      List<SupervisorAction> actions) {
    }

    /** The most repeat contacts the page lists, newest first. */
    static final int REPEATS_SHOWN = 50;

    private final TaskFacade tasks;
    private final ReferralQueries referrals;
    private final Actors actors;
    private final RepeatContacts repeats;

    EscalationsController(TaskFacade tasks, ReferralQueries referrals, Actors actors, RepeatContacts repeats) {
        this.tasks = tasks;
        this.referrals = referrals;
        this.actors = actors;
        this.repeats = repeats;
    }

    @GetMapping("/escalations")
    String page(Model model) {
        live(model);
        return "escalations";
    }

    /** The queue alone, fetched again every few seconds by the page. */
    @GetMapping("/escalations/live")
    String live(Model model) {
        Actor actor = actors.current();
        if (!actor.isIn(SUPERVISORS)) {
            throw new AccessDeniedException("Escalations are for police supervisors");
        }
        List<Escalation> escalations = tasks.open(RcrpCallProcess.Elements.USER_SUPERVISOR_REVIEW, actor).stream()
                .map(task -> describe(task, tasks.variablesOf(task.id(), actor))).toList();
        model.addAttribute("escalations", escalations);
        model.addAttribute("actor", actor);
        model.addAttribute("counts", escalations.stream()
                .collect(Collectors.groupingBy(Escalation::why, java.util.TreeMap::new, Collectors.counting())));
        model.addAttribute("repeats", repeats.unseen(actor, REPEATS_SHOWN));
        return "escalations :: live";
    }

    /** A supervisor has looked at a repeat contact: it leaves the page, and the case's journal says who and when. */
    @PostMapping("/escalations/repeat-contacts/{caseId}/seen")
    String seen(@PathVariable String caseId, RedirectAttributes redirect) {
        boolean marked = repeats.markSeen(caseId, actors.current());
        redirect.addFlashAttribute("message", marked ? "Repeat contact marked as seen." : "That repeat contact had been marked as seen already.");
        return "redirect:/escalations";
    }

    private Escalation describe(WorkItem task, Map<String, Object> variables) {
        ReviewReason reason = TASK_REASON.from(variables);
        RejectionReason rejection = REASON_CODE.from(variables);
        String partnerSaid = null;
        if (reason == ReviewReason.REJECTED && rejection != null) {
            String note = referrals.latestDecisionNote(task.callId(), variables);
            partnerSaid = WORDS.of(rejection) + (note == null || note.isBlank() ? "" : ": " + note);
        }
        return new Escalation(task, reason, reason == null ? "Review" : REASONS.get(reason), AGENCY.from(variables),
                partnerSaid, reason == null ? List.of() : reason.allowedActions().stream().sorted().toList());
    }
}
