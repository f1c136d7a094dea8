package org.rcrp.handover.plan;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.rcrp.handover.process.Agency;

/**
 * service_stand_down_cancelled: new information interrupted the case's work (triage re-opens, or police go at once); a
 * lead referral it cancelled has no referral left in the engine, and its agency is told.
 */
@Component("standDownCancelledDelegate")
public class StandDownCancelledDelegate implements JavaDelegate {

    private final StandDown standDown;
    private final CaseReferrals referrals;

    public StandDownCancelledDelegate(StandDown standDown, CaseReferrals referrals) {
        this.standDown = standDown;
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Set<Agency> stillReferred = referrals.openReferralAgencies(execution);
        Set<Agency> cancelled = new java.util.HashSet<>(standDown.openPartners(execution.getProcessBusinessKey()));
        cancelled.removeAll(stillReferred);
        standDown.standDown(execution, cancelled,
                "new information changed the plan and police took the case back.");
    }
}
