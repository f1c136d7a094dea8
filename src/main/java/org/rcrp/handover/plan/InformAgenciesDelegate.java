package org.rcrp.handover.plan;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.CALL_REFERENCE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.CATEGORY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rcrp.handover.notification.Notice;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.NotificationRetry;
import org.springframework.stereotype.Component;

/**
 * service_inform_agencies: each agency the plan informs gets a notice (the minimum to find the case, as every notice) and
 * its part of the plan is done. Retried as a job; a notice already sent on an earlier attempt is sent again with the same
 * delivery id, which receivers drop as a repeat. When the last attempt fails the case's journal says which agency was not
 * told, and its part stays REQUESTED on the plan (the case view shows it): informing is never what keeps a case open.
 */
@Component("informAgenciesDelegate")
public class InformAgenciesDelegate implements JavaDelegate {

    private final PlanNotices notices;
    private final ResponsePlans plans;

    public InformAgenciesDelegate(PlanNotices notices, ResponsePlans plans) {
        this.notices = notices;
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String job = NotificationRetry.currentJobId().orElse(execution.getId());
        for (String code : plans.agencies(ResponsePlans.INFORMED_AGENCIES.get(execution))) {
            Agency agency = Agency.valueOf(code);
            if (plans.told(execution.getProcessBusinessKey()).contains(agency)) {
                continue;
            }
            boolean told = notices.send(new Notice(job + ":" + agency, Notice.Kind.INFORMED, execution.getProcessBusinessKey(),
                    CALL_REFERENCE.get(execution), String.valueOf(CATEGORY.get(execution)), agency.name(), null,
                    "For information: police or another agency lead a case about someone known to your agency; "
                            + "nothing to accept. Sign in to see why your agency is on the plan."), "PLAN_NOTICE_FAILED");
            if (!told) {
                continue;
            }
            plans.told(execution.getProcessBusinessKey(), agency);
        }
    }
}
