package org.rcrp.handover.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcrp.handover.journal.DecisionLog;
import org.springframework.stereotype.Component;

/**
 * service_withdraw_review: a supervisor's review raised only to chase overdue work was withdrawn because that work ended
 * (condition_chased_work_done). The journal says so, so the lateness stays on the record though nobody has to act on it.
 */
@Component("withdrawReviewDelegate")
public class WithdrawReviewDelegate implements JavaDelegate {

    public static final String EVENT = "REVIEW_WITHDRAWN";
    static final String DETAIL = "A supervisor's review chasing overdue work (triage, police attendance or a missing-person "
            + "risk assessment) was withdrawn: the work it chased has ended. The delay stays on the record.";

    private final DecisionLog journal;

    public WithdrawReviewDelegate(DecisionLog journal) {
        this.journal = journal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        journal.record(execution.getProcessBusinessKey(), EVENT, "system", "rcrp-handover", DETAIL);
    }
}
