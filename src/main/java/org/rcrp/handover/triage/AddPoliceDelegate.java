package org.rcrp.handover.triage;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.AGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.GRADE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.POLICE_ADDED;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.RATIONALE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.ROUTE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcrp.handover.journal.DecisionLog;
import org.rcrp.handover.plan.CaseReferrals;
import org.rcrp.handover.plan.Response;
import org.rcrp.handover.plan.ResponseLedger;
import org.rcrp.handover.plan.ResponseState;
import org.rcrp.handover.plan.Role;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.Route;
import org.springframework.stereotype.Component;

/**
 * service_add_police: new information raised the risk while a partner holds the referral. Police join the plan and lead
 * at the immediate grade; the partner's referral goes on as support (its acceptance no longer moves the case, and its end
 * no longer steers it); the partner is told beside this (service_tell_police_added). Nothing of the partner's is cancelled.
 */
@Component("addPoliceDelegate")
public class AddPoliceDelegate implements JavaDelegate {

    static final String RATIONALE_TEXT = "New information: real and immediate risk to life or of serious harm while a partner "
            + "holds the referral; police added at the immediate grade, the partner's referral goes on beside them.";

    private final ResponseLedger ledger;
    private final DecisionLog journal;
    private final CaseReferrals referrals;

    public AddPoliceDelegate(ResponseLedger ledger, DecisionLog journal, CaseReferrals referrals) {
        this.ledger = ledger;
        this.journal = journal;
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        POLICE_ADDED.set(execution, false);
        Agency partner = AGENCY.require(execution);
        ROUTE.set(execution, Route.POLICE_ATTEND);
        GRADE.set(execution, Grade.IMMEDIATE);
        RATIONALE.set(execution, RATIONALE_TEXT);
        referrals.leadReferralSupportsFromNow(execution);
        String caseId = execution.getProcessBusinessKey();
        ResponseState partnerState = ledger.entries(caseId).stream().filter(entry -> entry.agency() == partner)
                .map(ResponseLedger.Entry::state).findFirst().orElse(ResponseState.REQUESTED);
        ledger.plan(caseId, java.util.List.of(
                        new Response(Agency.POLICE, Role.LEAD, Grade.IMMEDIATE, RATIONALE_TEXT),
                        new Response(partner, Role.SUPPORT, null, "Held the referral when the risk rose; goes on beside police.")),
                response -> response.agency() == partner ? partnerState : ResponseState.REQUESTED);
        journal.record(caseId, "POLICE_ADDED", "system", "rcrp-handover", "Police added at IMMEDIATE beside " + partner
                + ", whose referral goes on as support.");
    }
}
