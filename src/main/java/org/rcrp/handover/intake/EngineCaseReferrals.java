package org.rcrp.handover.intake;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rcrp.handover.plan.CaseReferrals;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.ReferralRole;
import org.springframework.stereotype.Component;

/** {@link CaseReferrals} from the engine, in the transaction of the step that asks. */
@Component
public class EngineCaseReferrals implements CaseReferrals {

    @Override
    public Set<Agency> openReferralAgencies(DelegateExecution caseExecution) {
        RuntimeService runtime = caseExecution.getProcessEngineServices().getRuntimeService();
        List<String> open = runtime.createProcessInstanceQuery().processDefinitionKey(PartnerReferralProcess.KEY)
                .processInstanceBusinessKey(caseExecution.getProcessBusinessKey()).list().stream()
                .map(instance -> instance.getId()).toList();
        if (open.isEmpty()) {
            return Set.of();
        }
        return runtime.createVariableInstanceQuery().processInstanceIdIn(open.toArray(String[]::new))
                .variableName(PartnerReferralProcess.Variables.AGENCY.name()).list().stream()
                .map(variable -> Agency.valueOf(String.valueOf(variable.getValue()))).collect(Collectors.toSet());
    }

    @Override
    public void leadReferralSupportsFromNow(DelegateExecution caseExecution) {
        RuntimeService runtime = caseExecution.getProcessEngineServices().getRuntimeService();
        String role = PartnerReferralProcess.Variables.REFERRAL_ROLE.name();
        runtime.createProcessInstanceQuery().superProcessInstanceId(caseExecution.getProcessInstanceId())
                .processDefinitionKey(PartnerReferralProcess.KEY).variableValueEquals(role, ReferralRole.LEAD.name())
                .list().forEach(referral -> runtime.setVariable(referral.getId(), role, ReferralRole.SUPPORT.name()));
    }
}
