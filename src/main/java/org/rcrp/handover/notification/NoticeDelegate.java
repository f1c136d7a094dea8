package org.rcrp.handover.notification;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.CALL_REFERENCE;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcrp.handover.journal.DecisionLog;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.TextLimits;
import org.springframework.stereotype.Component;

/**
 * The one delegate of every notice service task: {@code camunda:delegateExpression="${notice.send('KIND')}"}, the kind a
 * {@link NoticeRecipe}. Each task is asynchronous and retried ({@code ${notificationRetry.cycle()}}). A failure is thrown
 * again so the engine retries the job, except on the last attempt: then the kind's rule applies, either the BPMN error
 * {@link PartnerReferralProcess.Errors#NOTIFICATION_FAILED} (why kept in {@code noticeFailure}), which the models turn
 * into a supervisor review, or a journal entry saying the agency was not told. Never an incident only an administrator sees.
 *
 * <p>Delivery ids: the job's id (the same on every retry), with the agency when a kind tells several, so a receiver drops a
 * repeat ({@link NoticeRecipe#deliveryId}).
 */
@Component("notice")
public class NoticeDelegate {

    private final Notifier notifier;
    private final NotificationRetry retry;
    private final DecisionLog journal;
    private final Map<String, NoticeRecipe> recipes = new TreeMap<>();

    public NoticeDelegate(Notifier notifier, NotificationRetry retry, DecisionLog journal, List<NoticeRecipe> recipes) {
        this.notifier = notifier;
        this.retry = retry;
        this.journal = journal;
        for (NoticeRecipe recipe : recipes) {
            if (this.recipes.put(recipe.kind(), recipe) != null) {
                throw new IllegalStateException("two notice recipes for " + recipe.kind());
            }
        }
    }

    /** The kinds a service task may name. */
    public Set<String> kinds() {
        return recipes.keySet();
    }

    /** The delegate of one service task: sends the kind's notices. */
    public JavaDelegate send(String kind) {
        NoticeRecipe recipe = recipes.get(kind);
        if (recipe == null) {
            throw new IllegalArgumentException("no notice kind " + kind + "; known: " + recipes.keySet());
        }
        return execution -> send(execution, recipe);
    }

    private void send(DelegateExecution execution, NoticeRecipe recipe) {
        String job = NotificationRetry.currentJobId().orElse(execution.getId());
        for (NoticeRecipe.Draft draft : recipe.drafts(execution)) {
            Notice notice = new Notice(recipe.deliveryId(job, draft.agency()), recipe.sends(), execution.getProcessBusinessKey(),
                    CALL_REFERENCE.get(execution), recipe.category(execution), draft.agency().name(),
                    draft.due() == null ? null : draft.due().toInstant(), draft.text());
            if (deliver(execution, recipe.undelivered(), notice)) {
                recipe.delivered(execution, draft);
            }
        }
        recipe.finished(execution);
    }

    /** True when the notice went out; false when the last attempt failed and the journal says so. */
    private boolean deliver(DelegateExecution execution, NoticeRecipe.Undelivered undelivered, Notice notice) {
        try {
            notifier.send(notice);
            return true;
        } catch (RuntimeException failed) {
            if (!retry.isLastAttempt()) {
                throw failed;
            }
            if (!undelivered.reviewed()) {
                journal.record(notice.caseId(), undelivered.journalType(), "system", "rcrp-handover",
                        notice.agency() + " was not told (" + notice.kind() + "): " + retry.attempts() + " attempts failed.");
                return false;
            }
            String why = notice.kind() + " to " + notice.agency() + " failed after " + retry.attempts() + " attempts: "
                    + failed.getMessage();
            PartnerReferralProcess.Variables.NOTICE_FAILURE.set(execution,
                    why.length() > TextLimits.ENGINE_TEXT ? why.substring(0, TextLimits.ENGINE_TEXT) : why);
            throw new BpmnError(PartnerReferralProcess.Errors.NOTIFICATION_FAILED, why);
        }
    }
}
