package org.rcrp.handover.triage;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.GRADE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.PENDING_RISK_ACTION;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.POLICE_ADDED;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.PHASE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.UPDATE_COUNT;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.UPDATE_CRIME;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.UPDATE_RISK_ACTION;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.UPDATE_RISK_TO_LIFE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.UPDATE_SERIOUS_HARM;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcrp.handover.process.Phase;
import org.rcrp.handover.process.RiskAction;
import org.springframework.stereotype.Component;

/**
 * service_record_update: new information joins the case (its payload, the raised risks, stays in history as the
 * event's local variables; what it says is in the journal only). When it raises the risk, setting
 * {@code pendingRiskAction} fires the interrupting condition_risk_raised on the case; while triage is open it waits for the
 * handler's decision, which counts it ({@link RaisedRisk}).
 */
@Component("recordUpdateDelegate")
public class RecordUpdateDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        DelegateExecution caseInstance = execution.getProcessInstance();
        RiskAction action = UpdatePolicy.decide(PHASE.require(caseInstance), GRADE.get(caseInstance),
                UPDATE_RISK_TO_LIFE.isTrue(execution), UPDATE_SERIOUS_HARM.isTrue(execution),
                UPDATE_CRIME.isTrue(execution));
        UPDATE_RISK_ACTION.setLocal(execution, action);
        UPDATE_COUNT.set(caseInstance, UPDATE_COUNT.find(caseInstance).orElse(0) + 1);
        if (action == RiskAction.ADD_POLICE) {
            POLICE_ADDED.set(caseInstance, true);
        } else if (action != RiskAction.NONE) {
            PENDING_RISK_ACTION.set(caseInstance, action);
        } else if (PHASE.require(caseInstance) == Phase.TRIAGE) {
            // The handler is deciding: what was raised is true for that decision (RaisedRisk), whatever the form says.
            RaisedRisk.record(caseInstance, UPDATE_RISK_TO_LIFE.isTrue(execution), UPDATE_SERIOUS_HARM.isTrue(execution),
                    UPDATE_CRIME.isTrue(execution));
        }
    }
}
