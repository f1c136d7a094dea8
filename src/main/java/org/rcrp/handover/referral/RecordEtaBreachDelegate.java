package org.rcrp.handover.referral;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.POLICE_ALREADY_LEAD;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcrp.handover.journal.DecisionLog;
import org.rcrp.handover.plan.CaseReferrals;
import org.rcrp.handover.process.RcrpCallProcess;
import org.springframework.stereotype.Component;

/**
 * service_lead_eta_breach and service_support_eta_breach: the ambulance accepted a medical emergency with an ETA beyond the
 * risk window (escalation AMBULANCE_ETA from its referral). The journal says so and the figures count it. Where the
 * ambulance still leads, police are added next (service_add_police). Where it supports police — planned beside them, or
 * police were added when the risk rose — police are already on their way and are not sent twice
 * ({@code policeAlreadyLead}, gateway_police_already_lead).
 */
@Component("recordEtaBreachDelegate")
public class RecordEtaBreachDelegate implements JavaDelegate {

    public static final String EVENT = "AMBULANCE_ETA_BEYOND_RISK_WINDOW";

    private final DecisionLog journal;
    private final CaseReferrals referrals;

    public RecordEtaBreachDelegate(DecisionLog journal, CaseReferrals referrals) {
        this.journal = journal;
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean ambulanceLeads = RcrpCallProcess.Elements.SERVICE_LEAD_ETA_BREACH.equals(execution.getCurrentActivityId())
                && referrals.leadReferralOpen(execution);
        POLICE_ALREADY_LEAD.setLocal(execution, !ambulanceLeads);
        journal.record(execution.getProcessBusinessKey(), EVENT, "system", "rcrp-handover",
                "The ambulance's ETA is beyond the risk window: " + (ambulanceLeads
                        ? "police are added at the immediate grade beside it." : "police, already leading, are told."));
    }
}
