package org.rcrp.handover.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcrp.handover.notification.Notice;
import org.rcrp.handover.notification.Notifier;
import org.springframework.stereotype.Component;

/** service_remind_partner: the acknowledgement clock is running out; remind the agency before it escalates. */
@Component("remindPartnerDelegate")
public class RemindPartnerDelegate implements JavaDelegate {

    private final Notifier notifier;

    public RemindPartnerDelegate(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifier.send(ReferralNotices.of(execution, Notice.Kind.REFERRAL_REMINDER,
                "Reminder: this referral has not been accepted or rejected; it escalates to the police supervisor soon."));
    }
}
