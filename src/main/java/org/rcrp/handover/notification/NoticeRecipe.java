package org.rcrp.handover.notification;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.CATEGORY;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rcrp.handover.process.Agency;

/**
 * One notice kind a service task names ({@code camunda:delegateExpression="${notice.send('REFERRAL_REMINDER')}"}): to
 * whom it goes and what it says, what an undelivered notice does on the last attempt, and anything the step records once
 * a notice went out. {@link NoticeDelegate} does the sending, the delivery ids and the retry rule; a recipe only decides.
 * Kinds that need only the process vocabulary live in {@link CaseNoticeRecipes}; a kind that needs a feature's state
 * (the plan, the referral's clocks) is a bean of that feature.
 */
public interface NoticeRecipe {

    /** The name service tasks give; unique among recipes. */
    String kind();

    /** The kind the agency receives (the webhook's {@code kind}); several recipes may send the same one. */
    Notice.Kind sends();

    /** Whom to tell, by when, what; may be empty (nobody left to tell). */
    List<Draft> drafts(DelegateExecution execution);

    /** What the last failed attempt does: a BPMN error and a supervisor review, or a journal entry and the step goes on. */
    default Undelivered undelivered() {
        return Undelivered.REVIEW;
    }

    /** The category the notice carries. */
    default String category(DelegateExecution execution) {
        return String.valueOf(CATEGORY.get(execution));
    }

    /**
     * The delivery id of this kind's notice to an agency from a job (the job's id, the same on every retry): a kind that
     * tells one agency per step uses the job's id alone, one that tells several adds the agency.
     */
    default String deliveryId(String job, Agency agency) {
        return job + ":" + agency;
    }

    /** After one notice went out (not after one given up on): e.g. the agency's part of the plan is marked told. */
    default void delivered(DelegateExecution execution, Draft draft) {
    }

    /** After every draft was delivered, or given up on by a journal kind (a review kind that gave up ended in its BPMN error). */
    default void finished(DelegateExecution execution) {
    }

    /** One notice before the case's facts and its delivery id are added. */
    record Draft(Agency agency, Date due, String text) {
    }

    /**
     * The last-attempt rule of a kind: {@link #REVIEW} throws the BPMN error NOTIFICATION_FAILED (the failure kept in
     * {@code noticeFailure}); {@link #journal(String)} records the given journal type and goes on, so the notice never
     * holds the case.
     */
    record Undelivered(String journalType) {

        public static final Undelivered REVIEW = new Undelivered(null);

        public static Undelivered journal(String journalType) {
            return new Undelivered(journalType);
        }

        boolean reviewed() {
            return journalType == null;
        }
    }
}
