package org.rcrp.handover.referral;

import static org.rcrp.handover.process.PartnerReferralProcess.Variables.AGENCY;
import static org.rcrp.handover.process.PartnerReferralProcess.Variables.NOTICE_FAILURE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.CALL_REFERENCE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.CATEGORY;

import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rcrp.handover.notification.Notice;
import org.rcrp.handover.notification.Notifier;
import org.rcrp.handover.process.NotificationRetry;
import org.rcrp.handover.process.PartnerReferralProcess;

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

    /**
     * Sends the notice. A failure is thrown again so the engine retries the job, except on the last
     * attempt: then it becomes the BPMN error NOTIFICATION_FAILED, which the model turns into a
     * supervisor review, never an incident only an administrator would see.
     */
    static void send(DelegateExecution execution, Notifier notifier, NotificationRetry retry, Notice notice) {
        try {
            notifier.send(notice);
        } catch (RuntimeException failed) {
            if (!retry.isLastAttempt()) {
                throw failed;
            }
            String why = notice.kind() + " to " + notice.agency() + " failed after " + retry.attempts() + " attempts: "
                    + failed.getMessage();
            NOTICE_FAILURE.set(execution, why.length() > 3900 ? why.substring(0, 3900) : why);
            throw new BpmnError(PartnerReferralProcess.Errors.NOTIFICATION_FAILED, why);
        }
    }
}
