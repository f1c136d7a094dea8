package org.rcrp.handover.referral;

import static org.rcrp.handover.process.PartnerReferralProcess.Variables.ACCEPTED_AT;
import static org.rcrp.handover.process.PartnerReferralProcess.Variables.AGENCY;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcrp.handover.notification.Notice;
import org.rcrp.handover.notification.Notifier;
import org.rcrp.handover.process.NotificationRetry;
import org.rcrp.handover.process.SlaPolicy;
import org.springframework.stereotype.Component;

/** service_remind_outcome: an accepted referral has no outcome in time; the agency hears of it as well as the police supervisor. */
@Component("escalateOutcomeDelegate")
public class EscalateOutcomeDelegate implements JavaDelegate {

    private final Notifier notifier;
    private final SlaPolicy slaPolicy;
    private final NotificationRetry retry;

    public EscalateOutcomeDelegate(Notifier notifier, SlaPolicy slaPolicy, NotificationRetry retry) {
        this.notifier = notifier;
        this.slaPolicy = slaPolicy;
        this.retry = retry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date acceptedAt = ACCEPTED_AT.get(execution);
        Date outcomeDue = acceptedAt == null ? null
                : new Date(acceptedAt.getTime() + Duration.parse(slaPolicy.partnerOutcome(AGENCY.get(execution))).toMillis());
        ReferralNotices.send(execution, notifier, retry, ReferralNotices.of(execution, Notice.Kind.OUTCOME_OVERDUE, outcomeDue,
                "Your agency accepted this referral but has recorded no outcome in time; the police supervisor has been told."));
    }
}
