package org.rcrp.handover.plan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_stand_down: the lead's work is over and the case closes; every partner still asked or holding a part is told. */
@Component("standDownOnCloseDelegate")
public class StandDownOnCloseDelegate implements JavaDelegate {

    private final StandDown standDown;
    private final CaseReferrals referrals;

    public StandDownOnCloseDelegate(StandDown standDown, CaseReferrals referrals) {
        this.standDown = standDown;
        this.referrals = referrals;
    }

    /** Every partner whose part is open, and every agency with a referral the closing case still holds open. */
    @Override
    public void execute(DelegateExecution execution) {
        java.util.Set<org.rcrp.handover.process.Agency> open = new java.util.HashSet<>(standDown.openPartners(execution.getProcessBusinessKey()));
        open.addAll(referrals.openReferralAgencies(execution));
        standDown.standDown(execution, open, "the case is closed.");
        referrals.endOpenReferrals(execution, "The case closed; its agency was stood down.");
    }
}
