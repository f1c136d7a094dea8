package org.rcrp.handover.intake;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.AWOL_DANGEROUS;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.AWOL_HOSPITAL_SEARCHED;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.AWOL_KIND;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.AWOL_PARTICULARLY_VULNERABLE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.AWOL_PART_THREE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.AWOL_RETAKE_EXPIRY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.CALLER_INFORMED;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.CATEGORY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.KNOWN_TO_MENTAL_HEALTH;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.KNOWN_TO_SOCIAL_CARE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.PENDING_RISK_ACTION;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.POLICE_ADDED;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.PHASE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.RESPONSIBLE_AGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.STATE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.SUBJECT_AGE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.URBAN;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.WALKOUT_CAPACITY_CONCERN;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.WALKOUT_DETAINED;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.WALKOUT_RISK_ASSESSMENT_GIVEN;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.WALKOUT_SETTING;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.CaseState;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.Phase;
import org.rcrp.handover.process.ProcessVariable;
import org.rcrp.handover.process.RiskAction;
import org.springframework.stereotype.Component;

/**
 * service_open_case: a logged call becomes a case owned by police. Every variable the models and the
 * threshold table read is given a value here, so no expression meets an unknown variable later. Nothing else is:
 * each variable is a row, a history row and a detail row, written again when it changes (the route, grade and agency
 * are first set by triage; the update and escalation counts by the first of each, read as 0 until then).
 */
@Component("openCaseDelegate")
public class OpenCaseDelegate implements JavaDelegate {

    private static final List<ProcessVariable<Boolean>> FLAGS_DEFAULT_FALSE = List.of(
            KNOWN_TO_MENTAL_HEALTH, KNOWN_TO_SOCIAL_CARE, AWOL_PART_THREE, AWOL_DANGEROUS,
            AWOL_PARTICULARLY_VULNERABLE, AWOL_HOSPITAL_SEARCHED, CALLER_INFORMED);

    @Override
    public void execute(DelegateExecution execution) {
        Category category = CATEGORY.require(execution);
        if (category == Category.AWOL && AWOL_RETAKE_EXPIRY.get(execution) == null) {
            throw new IllegalArgumentException("An AWOL case needs the date the power to retake expires");
        }
        FLAGS_DEFAULT_FALSE.forEach(flag -> flag.set(execution, flag.isTrue(execution)));
        keepOrNull(execution, URBAN);
        keepOrNull(execution, SUBJECT_AGE);
        // What the routing of a walk-out or an AWOL reads; unknown stays unknown (null), never a guessed no.
        keepOrNull(execution, AWOL_KIND);
        keepOrNull(execution, WALKOUT_SETTING);
        keepOrNull(execution, WALKOUT_DETAINED);
        keepOrNull(execution, WALKOUT_RISK_ASSESSMENT_GIVEN);
        keepOrNull(execution, WALKOUT_CAPACITY_CONCERN);
        PENDING_RISK_ACTION.set(execution, RiskAction.NONE);
        POLICE_ADDED.set(execution, false);
        RESPONSIBLE_AGENCY.set(execution, Agency.POLICE);
        boolean handover = category == Category.S136_HANDOVER;
        PHASE.set(execution, handover ? Phase.HANDOVER : Phase.TRIAGE);
        STATE.set(execution, handover ? CaseState.HANDOVER : CaseState.TRIAGE);
    }

    private static <T> void keepOrNull(VariableScope scope, ProcessVariable<T> variable) {
        variable.set(scope, variable.get(scope));
    }
}
