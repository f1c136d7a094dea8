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
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.RejectionReason;
import org.rcrp.handover.process.ReviewReason;
import org.rcrp.handover.process.SupervisorAction;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The supervisors' escalations queue: every open review, held or not, with why it was raised (no
 * response, rejected, overdue triage or attendance, s136 over the hour), the agency, what the partner
 * said, the clock and the actions the reason allows. It refreshes itself.
 */
@Controller
class EscalationsController {

    static final String SUPERVISORS = "police-supervisors";

    static final Map<ReviewReason, String> REASONS = Map.of(
            ReviewReason.TRIAGE_OVERDUE, "Triage overdue",
            ReviewReason.ATTENDANCE_OVERDUE, "Police attendance overdue",
            ReviewReason.NO_RESPONSE, "Partner did not respond in time",
            ReviewReason.REJECTED, "Partner rejected the referral",
            ReviewReason.OUTCOME_OVERDUE, "Partner outcome overdue",
            ReviewReason.HANDOVER_OVERDUE, "s136 handover over the hour",
            ReviewReason.DETENTION_LIMIT, "s136 detention time limit near",
            ReviewReason.NOTIFICATION_FAILED, "Notice to the agency could not be delivered");

    record Escalation(WorkItem task, ReviewReason reason, String why, Agency agency, String partnerSaid,
                      List<SupervisorAction> actions) {
    }

    private final TaskFacade tasks;
    private final ReferralQueries referrals;
    private final Actors actors;

    EscalationsController(TaskFacade tasks, ReferralQueries referrals, Actors actors) {
        this.tasks = tasks;
        this.referrals = referrals;
        this.actors = actors;
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
        return "escalations :: live";
    }

    private Escalation describe(WorkItem task, Map<String, Object> variables) {
        ReviewReason reason = TASK_REASON.from(variables);
        RejectionReason rejection = REASON_CODE.from(variables);
        String partnerSaid = null;
        if (reason == ReviewReason.REJECTED && rejection != null) {
            String note = referrals.latestDecisionNote(task.callId(), variables);
            partnerSaid = rejection.name() + (note == null || note.isBlank() ? "" : ": " + note);
        }
        return new Escalation(task, reason, reason == null ? "Review" : REASONS.get(reason), AGENCY.from(variables),
                partnerSaid, reason == null ? List.of() : reason.allowedActions().stream().sorted().toList());
    }
}
