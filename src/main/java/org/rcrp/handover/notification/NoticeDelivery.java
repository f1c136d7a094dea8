package org.rcrp.handover.notification;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rcrp.handover.process.NotificationRetry;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.TextLimits;

/**
 * Sends notices from an asynchronous service task. A failure is thrown again so the engine retries the
 * job, except on the last attempt: then it becomes the BPMN error NOTIFICATION_FAILED (the failure kept
 * in {@code noticeFailure}), which the models turn into a supervisor review, never an incident only an
 * administrator would see.
 */
public final class NoticeDelivery {

    private NoticeDelivery() {
    }

    public static void send(DelegateExecution execution, Notifier notifier, NotificationRetry retry, Notice notice) {
        try {
            notifier.send(notice);
        } catch (RuntimeException failed) {
            if (!retry.isLastAttempt()) {
                throw failed;
            }
            String why = notice.kind() + " to " + notice.agency() + " failed after " + retry.attempts() + " attempts: "
                    + failed.getMessage();
            PartnerReferralProcess.Variables.NOTICE_FAILURE.set(execution, why.length() > TextLimits.ENGINE_TEXT ? why.substring(0, TextLimits.ENGINE_TEXT) : why);
            throw new BpmnError(NotificationRetry.ERROR_CODE, why);
        }
    }
}
