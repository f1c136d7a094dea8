package org.rcrp.handover.plan;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rcrp.handover.notification.Notice;
import org.rcrp.handover.notification.NoticeRecipe;
import org.rcrp.handover.process.Agency;
import org.springframework.stereotype.Component;

/**
 * Notice kind INFORMED, service_inform_agencies: each agency the plan informs gets a notice (the minimum to find the case,
 * as every notice) and its part of the plan is done. A retry skips the agencies already told. When the last attempt fails
 * the case's journal says which agency was not told, and its part stays REQUESTED on the plan (the case view shows it):
 * informing is never what keeps a case open.
 */
@Component
public class InformedNotice implements NoticeRecipe {

    private final ResponsePlans plans;

    public InformedNotice(ResponsePlans plans) {
        this.plans = plans;
    }

    @Override
    public String kind() {
        return "INFORMED";
    }

    @Override
    public Notice.Kind sends() {
        return Notice.Kind.INFORMED;
    }

    @Override
    public Undelivered undelivered() {
        return Undelivered.journal("PLAN_NOTICE_FAILED");
    }

    @Override
    public List<Draft> drafts(DelegateExecution execution) {
        var told = plans.told(execution.getProcessBusinessKey());
        return plans.agencies(ResponsePlans.INFORMED_AGENCIES.get(execution)).stream().map(Agency::valueOf)
                .filter(agency -> !told.contains(agency))
                .map(agency -> new Draft(agency, null, "For information: police or another agency lead a case about someone "
                        + "known to your agency; nothing to accept. Sign in to see why your agency is on the plan."))
                .toList();
    }

    @Override
    public void delivered(DelegateExecution execution, Draft draft) {
        plans.told(execution.getProcessBusinessKey(), draft.agency());
    }
}
