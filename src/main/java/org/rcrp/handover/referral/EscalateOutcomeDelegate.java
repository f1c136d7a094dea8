package org.rcrp.handover.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcrp.handover.notification.Notice;
import org.rcrp.handover.notification.Notifier;
import org.springframework.stereotype.Component;

/** service_remind_outcome: an accepted referral has no outcome in time; the agency hears of it as well as the police supervisor. */
@Component("escalateOutcomeDelegate")
public class EscalateOutcomeDelegate implements JavaDelegate {

    private final Notifier notifier;

    public EscalateOutcomeDelegate(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifier.send(ReferralNotices.of(execution, Notice.Kind.OUTCOME_OVERDUE,
                "Your agency accepted this referral but has recorded no outcome in time; the police supervisor has been told."));
    }
}
