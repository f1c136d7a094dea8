package org.rcrp.handover.referral;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.DISPUTE_OUTCOME;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.REROUTE_AGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.REVIEW_REASON;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.SUPERVISOR_ACTION;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.TASK_REASON;
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

/**
 * Body of user_supervisor_review, in any of the three processes. The action must be one the task's
 * reason allows ({@link ReviewReason#allowedActions()}); the note is the recorded decision (in the journal), and on
 * a rejected referral the action is the outcome of the dispute between the agencies.
 */
public record SupervisorReview(SupervisorAction action, Agency agency, String note, String riskAssessment)
        implements TaskCompletion {

    public SupervisorReview(SupervisorAction action, Agency agency, String note) {
        this(action, agency, note, null);
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
        if (TASK_REASON.from(taskVariables) == ReviewReason.REJECTED) {
            // A rejected referral is a dispute between agencies: the supervisor's action is its recorded outcome.
            DISPUTE_OUTCOME.putInto(variables, action);
        }
        return variables;
    }
}
