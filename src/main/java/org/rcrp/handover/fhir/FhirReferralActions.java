package org.rcrp.handover.fhir;

import java.util.List;
import java.util.Map;
import org.rcrp.handover.casefile.ReferralQueries;
import org.rcrp.handover.casefile.ReferralView;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.inbox.TaskProblem;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.referral.AcceptReferral;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner system's accept or reject, performed exactly as a person does it in the API and the UI:
 * through {@link TaskFacade} (claim, then complete with the same body, the same group checks, the
 * same validation and journal), on behalf of the signed-in partner-system user. Claim and complete run
 * in one transaction: a refused decision leaves the task unclaimed and the journal untouched.
 */
@Service
class FhirReferralActions {

    private final ReferralQueries referrals;
    private final TaskFacade tasks;

    FhirReferralActions(ReferralQueries referrals, TaskFacade tasks) {
        this.referrals = referrals;
        this.tasks = tasks;
    }

    @Transactional
    void decide(String referralId, Actor actor, AcceptReferral decision) {
        ReferralView referral = referrals.referral(referralId, actor)
                .orElseThrow(() -> new TaskProblem(TaskProblem.Kind.NOT_FOUND, "No Task " + referralId + " for your agency"));
        if (!PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL.equals(referral.openTaskKey())) {
            throw new TaskProblem(TaskProblem.Kind.CONFLICT, "Task " + referralId + " is "
                    + ReferralTasks.statusOf(referral).toCode() + ", no longer requested: it cannot be accepted or rejected now");
        }
        List<FieldError> errors = decision.validate(Map.of());
        if (!errors.isEmpty()) {
            throw new TaskProblem(TaskProblem.Kind.INVALID, "Invalid decision for Task " + referralId, errors);
        }
        tasks.claim(referral.openTaskId(), actor);
        tasks.complete(referral.openTaskId(), actor, decision);
    }
}
