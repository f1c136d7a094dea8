package org.rcrp.handover.missing;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.CLOSED_NOT_LOCATED;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.PERSON_NOT_LOCATED;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.WHEREABOUTS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.rcrp.handover.journal.DecisionLog;
import org.rcrp.handover.process.Groups;
import org.rcrp.handover.process.Whereabouts;
import org.springframework.stereotype.Component;

/**
 * service_close_not_located: a supervisor closed a NOT_LOCATED review. The case is marked {@code closedNotLocated} (these
 * closures are sampled for quality review) and the journal says who closed it on which recorded whereabouts; the
 * supervisor's own words are the review's note beside it.
 */
@Component("closeNotLocatedDelegate")
public class CloseNotLocatedDelegate implements JavaDelegate {

    public static final String EVENT = "CLOSED_NOT_LOCATED";

    private final DecisionLog journal;

    public CloseNotLocatedDelegate(DecisionLog journal) {
        this.journal = journal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Whereabouts whereabouts = WHEREABOUTS.require(execution);
        CLOSED_NOT_LOCATED.set(execution.getProcessInstance(), true);
        if (whereabouts == Whereabouts.LOCATED_SAFE) {
            PERSON_NOT_LOCATED.set(execution.getProcessInstance(), false);
        }
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        journal.record(execution.getProcessBusinessKey(), EVENT, user == null ? "unknown" : user.getUserId(), Groups.POLICE_SUPERVISORS,
                "A supervisor closed the case after the person was not located: " + switch (whereabouts) {
                    case LOCATED_SAFE -> "located and safe.";
                    case NO_CONCERN_ASSESSED -> "a risk assessment found no concern.";
                });
    }
}
