package org.rcrp.handover.intake;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rcrp.handover.process.InteragencyDisputeProcess;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.ReviewReason;
import org.springframework.stereotype.Component;

/**
 * The way in to interagency-dispute: a supervisor who contested a partner's rejection starts it, under the case's id, in
 * the transaction of the review. It is a process of its own, not a call activity: it outlives the referral and the case.
 */
@Component("disputeOpening")
public class DisputeOpening {

    public void openIfContested(DelegateExecution referral) {
        if (!PartnerReferralProcess.Variables.DISPUTE_CONTESTED.isTrue(referral)
                || RcrpCallProcess.Variables.REVIEW_REASON.get(referral) != ReviewReason.REJECTED) {
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        InteragencyDisputeProcess.Variables.AGENCY.putInto(variables, PartnerReferralProcess.Variables.AGENCY.require(referral));
        InteragencyDisputeProcess.Variables.REFERRAL_ID.putInto(variables, referral.getProcessInstanceId());
        RcrpCallProcess.Variables.CALL_REFERENCE.putInto(variables, RcrpCallProcess.Variables.CALL_REFERENCE.get(referral));
        referral.getProcessEngineServices().getRuntimeService()
                .startProcessInstanceByKey(InteragencyDisputeProcess.KEY, referral.getProcessBusinessKey(), variables);
    }
}
