package org.rcrp.handover.referral;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.DISPUTE_OUTCOME;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.REROUTE_AGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.REVIEW_REASON;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.SUPERVISOR_ACTION;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.TASK_REASON;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.WHEREABOUTS;
import static org.rcrp.handover.process.TaskCompletion.maxLength;
import static org.rcrp.handover.process.TaskCompletion.require;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.ReviewReason;
import org.rcrp.handover.process.SupervisorAction;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.process.TextLimits;
import org.rcrp.handover.process.Whereabouts;

/**
 * Body of user_supervisor_review, in any of the three processes. The action must be one the task's
 * reason allows ({@link ReviewReason#allowedActions()}); the note is the recorded decision (in the journal), and on
 * a rejected referral the action is what happens now. On a rejected referral the supervisor may also {@code contest} the
 * rejection: that opens a dispute between the agencies (interagency-dispute), which never holds up the action. Closing a
 * NOT_LOCATED review needs the person's recorded {@code whereabouts}: located and safe, or no concern on a risk assessment.
 */
public record SupervisorReview(SupervisorAction action, Agency agency, String note, Whereabouts whereabouts, Boolean contest,
                               String riskAssessment)
        implements TaskCompletion {

    public SupervisorReview(SupervisorAction action, Agency agency, String note, Whereabouts whereabouts) {
        this(action, agency, note, whereabouts, null, null);
    }

    public SupervisorReview(SupervisorAction action, Agency agency, String note, Boolean contest) {
        this(action, agency, note, null, contest, null);
    }

    public SupervisorReview(SupervisorAction action, Agency agency, String note, String riskAssessment) {
        this(action, agency, note, null, null, riskAssessment);
    }

    public SupervisorReview(SupervisorAction action, Agency agency, String note) {
        this(action, agency, note, null, null, null);
    }

    @Override
    public String taskKey() {
        return RcrpCallProcess.Elements.USER_SUPERVISOR_REVIEW;
    }

    @Override
    public List<FieldError> validate(Map<String, Object> taskVariables) {
        List<FieldError> errors = new ArrayList<>();
        require(errors, action, "action");
        require(errors, note, "note");
        maxLength(errors, note, "note", TextLimits.NOTE);
        ReviewReason reason = TASK_REASON.from(taskVariables);
        if (action != null && reason != null && !reason.allows(action)) {
            errors.add(new FieldError("action", "must be one of " + reason.allowedActions() + " for a review of " + reason));
        }
        if (reason == ReviewReason.NOT_LOCATED && action == SupervisorAction.CLOSE && whereabouts == null) {
            errors.add(new FieldError("whereabouts", "is required to close a NOT_LOCATED review: one of "
                    + java.util.Arrays.toString(Whereabouts.values())));
        }
        if (Boolean.TRUE.equals(contest) && reason != ReviewReason.REJECTED) {
            errors.add(new FieldError("contest", "only a partner's rejection can be contested"));
        }
        if (action == SupervisorAction.WITHDRAW) {
            // Police leave a detained person only on a recorded assessment of the risk of leaving.
            require(errors, riskAssessment, "riskAssessment");
        }
        maxLength(errors, riskAssessment, "riskAssessment", TextLimits.S136_REASON);
        if (action == SupervisorAction.REROUTE && (agency == null || !agency.takesReferrals())) {
            errors.add(new FieldError("agency", "must be an agency that takes referrals when the action is REROUTE"));
        }
        return errors;
    }

    @Override
    public Map<String, Agency> referredTo() {
        return action == SupervisorAction.REROUTE && agency != null ? Map.of("agency", agency) : Map.of();
    }

    @Override
    public Map<String, String> answers() {
        return riskAssessment == null || riskAssessment.isBlank() ? Map.of() : Map.of("riskAssessment", riskAssessment.strip());
    }

    @Override
    public String summary() {
        return "Supervisor decided " + action + (action == SupervisorAction.REROUTE ? " to " + agency : "")
                + (action == SupervisorAction.CLOSE && whereabouts != null ? " (whereabouts " + whereabouts + ")" : "")
                + (Boolean.TRUE.equals(contest) ? "; the rejection is contested" : "")
                + (action == SupervisorAction.WITHDRAW ? ": police withdraw, the person is the hospital's" : "");
    }

    @Override
    public Map<String, Object> variables(Map<String, Object> taskVariables) {
        Map<String, Object> variables = new HashMap<>();
        SUPERVISOR_ACTION.putInto(variables, action);
        // Parallel reviews share one process variable; completing puts back this task's own reason for the gateway.
        REVIEW_REASON.putInto(variables, TASK_REASON.from(taskVariables));
        // Likewise which notice failed, for a review of NOTIFICATION_FAILED (null otherwise).
        PartnerReferralProcess.Variables.FAILED_NOTICE.putInto(variables,
                PartnerReferralProcess.Variables.TASK_FAILED_NOTICE.from(taskVariables));
        if (action == SupervisorAction.REROUTE) {
            REROUTE_AGENCY.putInto(variables, agency);
        }
        if (TASK_REASON.from(taskVariables) == ReviewReason.NOT_LOCATED && action == SupervisorAction.CLOSE) {
            WHEREABOUTS.putInto(variables, whereabouts);
        }
        if (TASK_REASON.from(taskVariables) == ReviewReason.REJECTED) {
            // What police decided to do now about the rejection (contested or not: the person never waits for a dispute).
            DISPUTE_OUTCOME.putInto(variables, action);
            // Written on every review of a rejection, so an earlier review's answer never opens a dispute for this one.
            PartnerReferralProcess.Variables.DISPUTE_CONTESTED.putInto(variables, Boolean.TRUE.equals(contest));
        }
        return variables;
    }
}
