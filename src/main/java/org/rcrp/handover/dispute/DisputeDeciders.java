package org.rcrp.handover.dispute;

import static org.rcrp.handover.process.InteragencyDisputeProcess.Variables.PARTNER_DECIDED_BY;
import static org.rcrp.handover.process.InteragencyDisputeProcess.Variables.POLICE_DECIDED_BY;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.rcrp.handover.process.InteragencyDisputeProcess;
import org.springframework.stereotype.Component;

/** Keeps who stated each side's position (the user holding the task when it completes) for the dispute's record. */
@Component("disputeDeciders")
public class DisputeDeciders {

    public void recorded(DelegateTask task) {
        boolean police = InteragencyDisputeProcess.Elements.USER_DISPUTE_POLICE_POSITION.equals(task.getTaskDefinitionKey());
        (police ? POLICE_DECIDED_BY : PARTNER_DECIDED_BY).set(task.getExecution().getProcessInstance(), task.getAssignee());
    }
}
