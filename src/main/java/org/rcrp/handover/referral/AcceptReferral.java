package org.rcrp.handover.referral;

import static org.rcrp.handover.process.PartnerReferralProcess.Variables.DECISION;
import static org.rcrp.handover.process.PartnerReferralProcess.Variables.REASON_CODE;
import static org.rcrp.handover.process.TaskCompletion.maxLength;
import static org.rcrp.handover.process.TaskCompletion.require;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.ReferralDecision;
import org.rcrp.handover.process.RejectionReason;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.process.TextLimits;

/** Body of user_accept_referral: the partner accepts, or rejects with a coded reason. */
public record AcceptReferral(ReferralDecision decision, RejectionReason reasonCode, String note) implements TaskCompletion {

    @Override
    public String taskKey() {
        return PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL;
    }

    @Override
    public List<FieldError> validate(Map<String, Object> taskVariables) {
        List<FieldError> errors = new ArrayList<>();
        require(errors, decision, "decision");
        if (decision == ReferralDecision.REJECT) {
            require(errors, reasonCode, "reasonCode");
            if (reasonCode == RejectionReason.OTHER) {
                require(errors, note, "note");
            }
        }
        maxLength(errors, note, "note", TextLimits.NOTE);
        return errors;
    }

    @Override
    public String summary() {
        return decision == ReferralDecision.REJECT ? "Referral rejected: " + reasonCode : "Referral accepted";
    }

    @Override
    public Map<String, Object> variables(Map<String, Object> taskVariables) {
        Map<String, Object> variables = new HashMap<>();
        DECISION.putInto(variables, decision);
        REASON_CODE.putInto(variables, decision == ReferralDecision.REJECT ? reasonCode : null);
        return variables;
    }
}
