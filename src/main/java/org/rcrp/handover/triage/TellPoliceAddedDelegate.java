package org.rcrp.handover.triage;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.CALL_REFERENCE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.CATEGORY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcrp.handover.plan.PlanNotices;
import org.rcrp.handover.notification.Notice;
import org.rcrp.handover.process.NotificationRetry;
import org.rcrp.handover.process.RcrpCallProcess;
import org.springframework.stereotype.Component;

/**
 * service_tell_police_added: the partner holding the referral hears that police were added and lead, and that its
 * referral goes on. Retried; when the last attempt fails the journal says the partner was not told.
 */
@Component("tellPoliceAddedDelegate")
public class TellPoliceAddedDelegate implements JavaDelegate {

    private final PlanNotices notices;

    public TellPoliceAddedDelegate(PlanNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String partner = String.valueOf(RcrpCallProcess.Variables.AGENCY.require(execution));
        notices.send(new Notice(NotificationRetry.currentJobId().orElse(execution.getId()), Notice.Kind.POLICE_ADDED,
                execution.getProcessBusinessKey(), CALL_REFERENCE.get(execution), String.valueOf(CATEGORY.get(execution)),
                partner, null, "New information raised the risk: police now attend at the immediate grade and lead. "
                        + "Your referral goes on beside them; keep to it."), "POLICE_ADDED_NOTICE_FAILED");
    }
}
