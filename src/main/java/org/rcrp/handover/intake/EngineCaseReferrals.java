package org.rcrp.handover.intake;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rcrp.handover.plan.CaseReferrals;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.RcrpCallProcess;
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
                .filter(variable -> variable.getValue() != null)
                .map(variable -> Agency.valueOf(String.valueOf(variable.getValue()))).collect(Collectors.toSet());
    }

    @Override
    public void endOpenReferrals(DelegateExecution caseExecution, String why) {
        RuntimeService runtime = caseExecution.getProcessEngineServices().getRuntimeService();
        runtime.createProcessInstanceQuery().superProcessInstanceId(caseExecution.getProcessInstanceId())
                .processDefinitionKey(PartnerReferralProcess.KEY).list()
                .forEach(referral -> runtime.deleteProcessInstance(referral.getId(), why));
    }

    public static final String SUPERSEDED = "Superseded by a lead referral to the same agency";

    @Override
    public boolean supersedeSupporting(DelegateExecution leadReferralExecution) {
        DelegateExecution lead = leadReferralExecution.getProcessInstance();
        if (lead.getSuperExecution() == null) {
            return false;
        }
        RuntimeService runtime = leadReferralExecution.getProcessEngineServices().getRuntimeService();
        String agency = String.valueOf(PartnerReferralProcess.Variables.AGENCY.require(leadReferralExecution));
        List<String> supporting = runtime.createProcessInstanceQuery()
                .superProcessInstanceId(lead.getSuperExecution().getProcessInstanceId())
                .processDefinitionKey(PartnerReferralProcess.KEY)
                .variableValueEquals(PartnerReferralProcess.Variables.REFERRAL_ROLE.name(), ReferralRole.SUPPORT.name())
                .variableValueEquals(PartnerReferralProcess.Variables.AGENCY.name(), agency)
                .list().stream().map(instance -> instance.getId()).filter(id -> !id.equals(lead.getId())).toList();
        supporting.forEach(id -> runtime.deleteProcessInstance(id, SUPERSEDED));
        return !supporting.isEmpty();
    }

    @Override
    public boolean supportingStillRunning(DelegateExecution caseExecution) {
        RuntimeService runtime = caseExecution.getProcessEngineServices().getRuntimeService();
        // A supporting referral ended as superseded leaves its branch of subprocess_plan_requests waiting at the join.
        return java.util.stream.Stream.of(RcrpCallProcess.Elements.CALL_SUPPORT_REFERRAL, RcrpCallProcess.Elements.JOIN_PLAN_REQUESTS,
                        RcrpCallProcess.Elements.SERVICE_INFORM_AGENCIES)
                .anyMatch(activity -> runtime.createExecutionQuery().processInstanceId(caseExecution.getProcessInstanceId())
                        .activityId(activity).count() > 0);
    }

    @Override
    public boolean leadReferralOpen(DelegateExecution caseExecution) {
        return caseExecution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(caseExecution.getProcessInstanceId()).processDefinitionKey(PartnerReferralProcess.KEY)
                .variableValueEquals(PartnerReferralProcess.Variables.REFERRAL_ROLE.name(), ReferralRole.LEAD.name())
                .count() > 0;
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
