package org.rcrp.handover.plan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.RcrpCallProcess;

/**
 * service_stand_down_partner: a police supervisor ended this referral (rerouted it, sent police, or closed it); its agency,
 * if it still had the referral to answer or held it, is told. An agency that rejected it has nothing to stand down.
 */
@Component("standDownReferralDelegate")
public class StandDownReferralDelegate implements JavaDelegate {

    private final StandDown standDown;

    public StandDownReferralDelegate(StandDown standDown) {
        this.standDown = standDown;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var agency = PartnerReferralProcess.Variables.AGENCY.require(execution);
        standDown.standDown(execution, standDown.openPartners(execution.getProcessBusinessKey()).contains(agency)
                        ? java.util.Set.of(agency) : java.util.Set.of(),
                "the police supervisor decided " + RcrpCallProcess.Variables.SUPERVISOR_ACTION.require(execution) + ".");
    }
}
