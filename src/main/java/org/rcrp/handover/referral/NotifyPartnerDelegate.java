package org.rcrp.handover.referral;

import static org.rcrp.handover.process.PartnerReferralProcess.Variables.ACKNOWLEDGE_BY;
import static org.rcrp.handover.process.PartnerReferralProcess.Variables.NOTIFICATION_ATTEMPT;
import static org.rcrp.handover.process.PartnerReferralProcess.Variables.NOTIFIED_AT;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rcrp.handover.notification.Notice;
import org.rcrp.handover.notification.Notifier;
import org.rcrp.handover.ownership.CaseStatus;
import org.rcrp.handover.process.NotificationRetry;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.SlaPolicy;
import org.springframework.stereotype.Component;

/** service_notify_partner: tells the agency a referral waits for it (again, after a supervisor's chase). */
@Component("notifyPartnerDelegate")
public class NotifyPartnerDelegate implements JavaDelegate {

    private final Notifier notifier;
    private final CaseStatus caseStatus;
    private final SlaPolicy slaPolicy;
    private final NotificationRetry retry;

    private final AmbulanceTransfer ambulance;

    public NotifyPartnerDelegate(Notifier notifier, CaseStatus caseStatus, SlaPolicy slaPolicy, NotificationRetry retry,
                                 AmbulanceTransfer ambulance) {
        this.ambulance = ambulance;
        this.notifier = notifier;
        this.caseStatus = caseStatus;
        this.slaPolicy = slaPolicy;
        this.retry = retry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int attempt = NOTIFICATION_ATTEMPT.find(execution).orElse(0) + 1;
        String text = attempt == 1
                ? "A referral is waiting for your agency to accept or reject."
                : "Chased by the police supervisor (referral " + attempt + "): accept or reject this referral.";
        // The same clock user_accept_referral gets when this step completes.
        Date acknowledgeBy = slaPolicy.due(ambulance.acknowledgement(PartnerReferralProcess.Variables.AGENCY.get(execution),
                PartnerReferralProcess.Variables.REFERRAL_GRADE.get(execution)));
        ReferralNotices.send(execution, notifier, retry,
                ReferralNotices.of(execution, Notice.Kind.REFERRAL_MADE, acknowledgeBy, text));
        NOTIFICATION_ATTEMPT.set(execution, attempt);
        NOTIFIED_AT.set(execution, ClockUtil.getCurrentTime());
        ACKNOWLEDGE_BY.set(execution, acknowledgeBy);
        caseStatus.enterReferral(execution);
    }
}
