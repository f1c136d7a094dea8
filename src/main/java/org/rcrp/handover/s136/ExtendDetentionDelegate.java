package org.rcrp.handover.s136;

import static org.rcrp.handover.process.S136HandoverProcess.Elements.TIMER_DETENTION_LIMIT;
import static org.rcrp.handover.process.S136HandoverProcess.Elements.TIMER_DETENTION_LIMIT_ASSESSMENT;

import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.rcrp.handover.process.S136HandoverProcess;
import org.rcrp.handover.process.SlaPolicy;
import org.springframework.stereotype.Component;

/**
 * service_extend_detention: the responsible clinician extended the detention by 12 h; the limit's timer that is
 * waiting moves to the new limit (a timer made later, for the assessment, reads it from the flag).
 */
@Component("extendDetentionDelegate")
public class ExtendDetentionDelegate implements JavaDelegate {

    private static final Set<String> LIMIT_TIMERS = Set.of(TIMER_DETENTION_LIMIT, TIMER_DETENTION_LIMIT_ASSESSMENT);

    private final SlaPolicy slaPolicy;

    public ExtendDetentionDelegate(SlaPolicy slaPolicy) {
        this.slaPolicy = slaPolicy;
    }

    @Override
    public void execute(DelegateExecution execution) {
        S136HandoverProcess.Variables.DETENTION_EXTENDED.set(execution, true);
        Date limit = slaPolicy.detentionLimitAt(execution);
        ManagementService management = execution.getProcessEngineServices().getManagementService();
        for (String timer : LIMIT_TIMERS) {
            for (Job job : management.createJobQuery().processInstanceId(execution.getProcessInstanceId()).activityId(timer)
                    .timers().list()) {
                management.setJobDuedate(job.getId(), limit);
            }
        }
    }
}
