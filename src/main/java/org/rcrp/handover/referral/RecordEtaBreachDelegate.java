package org.rcrp.handover.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcrp.handover.journal.DecisionLog;
import org.springframework.stereotype.Component;

/**
 * service_lead_eta_breach and service_support_eta_breach: the ambulance accepted a medical emergency with an ETA beyond the
 * risk window (escalation AMBULANCE_ETA from its referral). The journal says so and the figures count it; where the
 * ambulance led, police are added next (service_add_police); where it supports police, police are already on their way.
 */
@Component("recordEtaBreachDelegate")
public class RecordEtaBreachDelegate implements JavaDelegate {

    public static final String EVENT = "AMBULANCE_ETA_BEYOND_RISK_WINDOW";

    private final DecisionLog journal;

    public RecordEtaBreachDelegate(DecisionLog journal) {
        this.journal = journal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        journal.record(execution.getProcessBusinessKey(), EVENT, "system", "rcrp-handover",
                "The ambulance's ETA is beyond the risk window: " + ("service_lead_eta_breach".equals(execution.getCurrentActivityId())
                        ? "police are added at the immediate grade beside it." : "police, already leading, are told."));
    }
}
