package org.rcrp.handover.triage;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.AGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.GRADE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.PENDING_RISK_ACTION;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.PHASE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.RATIONALE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.ROUTE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.Phase;
import org.rcrp.handover.process.RiskAction;
import org.rcrp.handover.process.Route;
import org.springframework.stereotype.Component;

/** service_apply_raised_risk: after condition_risk_raised interrupted the case, send police at once or re-open triage. */
@Component("applyRaisedRiskDelegate")
public class ApplyRaisedRiskDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        RiskAction action = PENDING_RISK_ACTION.require(execution);
        if (action == RiskAction.SEND_POLICE) {
            ROUTE.set(execution, Route.POLICE_ATTEND);
            GRADE.set(execution, Grade.IMMEDIATE);
            AGENCY.set(execution, null);
            RATIONALE.set(execution, "New information: real and immediate risk to life or of serious harm; police sent at the immediate grade.");
            PHASE.set(execution, Phase.ATTEND);
        } else {
            PHASE.set(execution, Phase.TRIAGE);
        }
        PENDING_RISK_ACTION.set(execution, RiskAction.NONE);
    }
}
