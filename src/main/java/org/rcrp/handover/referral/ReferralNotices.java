package org.rcrp.handover.referral;

import static org.rcrp.handover.process.PartnerReferralProcess.Variables.AGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.CALL_REFERENCE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.CATEGORY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rcrp.handover.notification.Notice;

/** Builds the minimum-data notice about a referral from the referral process's variables. */
final class ReferralNotices {

    private ReferralNotices() {
    }

    static Notice of(DelegateExecution execution, Notice.Kind kind, String text) {
        return new Notice(kind, execution.getProcessBusinessKey(), CALL_REFERENCE.get(execution),
                String.valueOf(CATEGORY.get(execution)), String.valueOf(AGENCY.require(execution)), text);
    }
}
