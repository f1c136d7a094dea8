package org.rcrp.handover.referral;

import static org.rcrp.handover.process.PartnerReferralProcess.Variables.AGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.CALL_REFERENCE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.CATEGORY;

import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rcrp.handover.notification.Notice;
import org.rcrp.handover.notification.NoticeDelivery;
import org.rcrp.handover.notification.Notifier;
import org.rcrp.handover.process.NotificationRetry;

/** Builds the minimum-data notice about a referral from the referral process's variables, and sends it. */
final class ReferralNotices {

    private ReferralNotices() {
    }

    static Notice of(DelegateExecution execution, Notice.Kind kind, Date due, String text) {
        String id = NotificationRetry.currentJobId().orElseGet(() -> UUID.randomUUID().toString());
        return new Notice(id, kind, execution.getProcessBusinessKey(), CALL_REFERENCE.get(execution),
                String.valueOf(CATEGORY.get(execution)), String.valueOf(AGENCY.require(execution)),
                due == null ? null : due.toInstant(), text);
    }

    /** Sends the notice; see {@link NoticeDelivery}: retried, and on the last failure a BPMN error, never an incident. */
    static void send(DelegateExecution execution, Notifier notifier, NotificationRetry retry, Notice notice) {
        NoticeDelivery.send(execution, notifier, retry, notice);
    }
}
