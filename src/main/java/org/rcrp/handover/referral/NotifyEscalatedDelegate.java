package org.rcrp.handover.referral;

import static org.rcrp.handover.process.PartnerReferralProcess.Variables.ACKNOWLEDGE_BY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcrp.handover.notification.Notice;
import org.rcrp.handover.notification.Notifier;
import org.rcrp.handover.process.NotificationRetry;
import org.springframework.stereotype.Component;

/**
 * service_notify_escalated: the agency did not answer in time; its on-call manager hears that the
 * referral went to the police supervisor (who is asked at the same moment, not after this notice).
 */
@Component("notifyEscalatedDelegate")
public class NotifyEscalatedDelegate implements JavaDelegate {

    private final Notifier notifier;
    private final NotificationRetry retry;

    public NotifyEscalatedDelegate(Notifier notifier, NotificationRetry retry) {
        this.notifier = notifier;
        this.retry = retry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReferralNotices.send(execution, notifier, retry, ReferralNotices.of(execution, Notice.Kind.REFERRAL_ESCALATED,
                ACKNOWLEDGE_BY.get(execution),
                "Escalated: this referral was not accepted or rejected in time and has gone to the police supervisor."));
    }
}
