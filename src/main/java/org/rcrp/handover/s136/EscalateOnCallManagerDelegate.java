package org.rcrp.handover.s136;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.CALL_REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcrp.handover.notification.Notice;
import org.rcrp.handover.notification.NoticeDelivery;
import org.rcrp.handover.notification.Notifier;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.NotificationRetry;
import org.springframework.stereotype.Component;

/** service_escalate_on_call_manager: past the hour the police supervisor escalates to the hospital's on-call manager. */
@Component("escalateOnCallManagerDelegate")
public class EscalateOnCallManagerDelegate implements JavaDelegate {

    private final Notifier notifier;
    private final NotificationRetry retry;

    public EscalateOnCallManagerDelegate(Notifier notifier, NotificationRetry retry) {
        this.notifier = notifier;
        this.retry = retry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = NotificationRetry.currentJobId().map(job -> job + "-ON_CALL_MANAGER").orElse(null);
        NoticeDelivery.send(execution, notifier, retry, new Notice(id, Notice.Kind.HANDOVER_OVERDUE,
                execution.getProcessBusinessKey(), CALL_REFERENCE.get(execution), "S136_HANDOVER", Agency.HOSPITAL.name(), null,
                "s136 handover still not accepted: the police supervisor escalates to the hospital's on-call manager for a decision now."));
    }
}
