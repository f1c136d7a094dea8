package org.rcrp.handover.plan;

import org.rcrp.handover.journal.DecisionLog;
import org.rcrp.handover.notification.Notice;
import org.rcrp.handover.notification.Notifier;
import org.rcrp.handover.process.NotificationRetry;
import org.springframework.stereotype.Component;

/**
 * The plan's notices to agencies (informed, stood down, police added), sent from retried jobs: a failure is retried; on
 * the last attempt the case's journal says the agency was not told, and the step goes on, so a notice never holds a case.
 */
@Component
public class PlanNotices {

    private final Notifier notifier;
    private final NotificationRetry retry;
    private final DecisionLog journal;

    public PlanNotices(Notifier notifier, NotificationRetry retry, DecisionLog journal) {
        this.notifier = notifier;
        this.retry = retry;
        this.journal = journal;
    }

    /** True when the notice went out; false when the last attempt failed and the journal says so ({@code failedType}). */
    public boolean send(Notice notice, String failedType) {
        try {
            notifier.send(notice);
            return true;
        } catch (RuntimeException failed) {
            if (!retry.isLastAttempt()) {
                throw failed;
            }
            journal.record(notice.caseId(), failedType, "system", "rcrp-handover",
                    notice.agency() + " was not told (" + notice.kind() + "): " + retry.attempts() + " attempts failed.");
            return false;
        }
    }
}
