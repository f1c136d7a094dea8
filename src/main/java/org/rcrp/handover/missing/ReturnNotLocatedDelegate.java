package org.rcrp.handover.missing;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.NOT_LOCATED_BY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcrp.handover.journal.DecisionLog;
import org.rcrp.handover.process.NotLocatedBy;
import org.springframework.stereotype.Component;

/**
 * service_return_not_located: nobody could find the person, so the case is back with police (caseStatus.notLocated on the
 * way in) and a supervisor reviews it. The journal says who could not find them.
 */
@Component("returnNotLocatedDelegate")
public class ReturnNotLocatedDelegate implements JavaDelegate {

    public static final String EVENT = "NOT_LOCATED_RETURNED";

    private final DecisionLog journal;

    public ReturnNotLocatedDelegate(DecisionLog journal) {
        this.journal = journal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NotLocatedBy by = NOT_LOCATED_BY.find(execution).orElse(NotLocatedBy.POLICE);
        journal.record(execution.getProcessBusinessKey(), EVENT, "system", "rcrp-handover", switch (by) {
            case POLICE -> "Officers found no trace of the person";
            case LEAD_PARTNER -> "The partner holding the referral could not make contact with the person";
            case SUPPORT_PARTNER -> "A supporting partner could not make contact with the person and nobody has found them since";
        } + ": whereabouts unknown, the case is back with police for a supervisor's review (NOT_LOCATED).");
    }
}
