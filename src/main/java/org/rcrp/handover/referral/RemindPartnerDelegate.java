package org.rcrp.handover.referral;

import static org.rcrp.handover.process.PartnerReferralProcess.Variables.ACKNOWLEDGE_BY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcrp.handover.notification.Notice;
import org.rcrp.handover.notification.Notifier;
import org.rcrp.handover.process.NotificationRetry;
import org.springframework.stereotype.Component;

/** service_remind_partner: the acknowledgement clock is running out; remind the agency before it escalates. */
@Component("remindPartnerDelegate")
public class RemindPartnerDelegate implements JavaDelegate {

    private final Notifier notifier;
    private final NotificationRetry retry;

    public RemindPartnerDelegate(Notifier notifier, NotificationRetry retry) {
        this.notifier = notifier;
        this.retry = retry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReferralNotices.send(execution, notifier, retry, ReferralNotices.of(execution, Notice.Kind.REFERRAL_REMINDER,
                ACKNOWLEDGE_BY.get(execution),
                "Reminder: this referral has not been accepted or rejected; it escalates to the police supervisor soon."));
    }
}
