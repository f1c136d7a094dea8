package org.rcrp.handover.s136;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.CALL_REFERENCE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.REVIEW_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcrp.handover.notification.Notice;
import org.rcrp.handover.notification.NoticeDelivery;
import org.rcrp.handover.notification.Notifier;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.NotificationRetry;
import org.rcrp.handover.process.ReviewReason;
import org.springframework.stereotype.Component;

/** service_escalate_handover: the s136 handover passed the hour (or the detention limit); both agencies' on-call managers are told. */
@Component("escalateHandoverDelegate")
public class EscalateHandoverDelegate implements JavaDelegate {

    private final Notifier notifier;
    private final NotificationRetry retry;

    public EscalateHandoverDelegate(Notifier notifier, NotificationRetry retry) {
        this.notifier = notifier;
        this.retry = retry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewReason reason = REVIEW_REASON.require(execution);
        String text = reason == ReviewReason.DETENTION_LIMIT
                ? "s136 detention limit reached without a handover: on-call managers of police and health must act now."
                : "s136 handover not accepted within the hour of arrival: on-call managers of police and health escalate.";
        for (Agency agency : new Agency[] {Agency.POLICE, Agency.HOSPITAL}) {
            String id = NotificationRetry.currentJobId().map(job -> job + "-" + agency).orElse(null);
            NoticeDelivery.send(execution, notifier, retry, new Notice(id, Notice.Kind.HANDOVER_OVERDUE,
                    execution.getProcessBusinessKey(), CALL_REFERENCE.get(execution), "S136_HANDOVER", agency.name(), null, text));
        }
    }
}
