package org.rcrp.handover.intake;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.*;

import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.ReferralRole;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The only way in to the rcrp-call process: open a case, send it new information. */
@Service
public class CallProcessFacade {

    private final RuntimeService runtimeService;

    private final HistoryService historyService;

    public CallProcessFacade(RuntimeService runtimeService, HistoryService historyService) {
        this.historyService = historyService;
        this.runtimeService = runtimeService;
    }

    /** Starts the case process; the case id is its business key, shared by every referral and handover it calls. */
    @Transactional
    public ProcessInstance open(CaseStart start) {
        if (start.category() == Category.AWOL && (start.awol() == null || start.awol().retakeExpiry() == null)) {
            throw new IllegalArgumentException("awol.retakeExpiry is required for an AWOL call");
        }
        Map<String, Object> variables = new HashMap<>();
        CALL_REFERENCE.putInto(variables, start.reference());
        // Read by subprocess_plan_requests' condition from the moment the case starts: nothing asked yet.
        PLAN_REQUESTS.putInto(variables, "");
        CATEGORY.putInto(variables, start.category());
        if (start.source() != null) {
            SOURCE.putInto(variables, start.source());
        }
        URBAN.putInto(variables, start.urban());
        SUBJECT_AGE.putInto(variables, start.subjectAge());
        KNOWN_TO_MENTAL_HEALTH.putInto(variables, start.knownTo().contains(Agency.MENTAL_HEALTH));
        KNOWN_TO_SOCIAL_CARE.putInto(variables, start.knownTo().contains(Agency.SOCIAL_CARE));
        if (start.awol() != null) {
            AWOL_MHA_SECTION.putInto(variables, start.awol().mhaSection());
            AWOL_RETAKE_EXPIRY.putInto(variables, start.awol().retakeExpiry() == null ? null : start.awol().retakeExpiry().toString());
            AWOL_PART_THREE.putInto(variables, start.awol().partThree());
            AWOL_DANGEROUS.putInto(variables, start.awol().dangerous());
            AWOL_PARTICULARLY_VULNERABLE.putInto(variables, start.awol().particularlyVulnerable());
            AWOL_HOSPITAL_SEARCHED.putInto(variables, start.awol().hospitalSearched());
            AWOL_KIND.putInto(variables, start.awol().kind());
        }
        if (start.walkout() != null) {
            WALKOUT_SETTING.putInto(variables, start.walkout().setting());
            WALKOUT_DETAINED.putInto(variables, start.walkout().detained());
            WALKOUT_RISK_ASSESSMENT_GIVEN.putInto(variables, start.walkout().riskAssessmentGiven());
            WALKOUT_CAPACITY_CONCERN.putInto(variables, start.walkout().capacityConcern());
        }
        if (start.s136() != null) {
            // Codes and times only: the conveyance reason stays with the s136 record
            Map<String, Object> s136 = new HashMap<>();
            start.s136().putInto(s136);
            s136.forEach((name, value) -> {
                if (value != null) {
                    variables.put(name, value);
                }
            });
        }
        return runtimeService.startProcessInstanceByKey(RcrpCallProcess.KEY, start.caseId(), variables);
    }

    /** New information joins the case; raised risk interrupts the work in hand (see UpdatePolicy). */
    @Transactional
    public void addInformation(String caseId, CaseUpdate update) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(RcrpCallProcess.KEY).processInstanceBusinessKey(caseId).singleResult();
        if (instance == null) {
            throw new CaseNotOpenException(caseId);
        }
        correlate(runtimeService, historyService, instance.getId(), update);
    }

    /**
     * New information to the case's process: recorded (subprocess_new_information); and when it raised the risk while a
     * partner holds the referral (RecordUpdateDelegate set {@code policeAdded}), police are added beside the partner
     * through message_police_added on call_partner_referral, in the same transaction.
     */
    public static void correlate(RuntimeService runtimeService, HistoryService historyService, String caseInstanceId,
                                 CaseUpdate update) {
        runtimeService.createMessageCorrelation(RcrpCallProcess.Messages.NEW_INFORMATION)
                .processInstanceId(caseInstanceId)
                .setVariablesLocal(payloadOf(update))
                .correlateWithResult();
        if (!Boolean.TRUE.equals(runtimeService.getVariable(caseInstanceId, POLICE_ADDED.name()))) {
            return;
        }
        // Only the referral that leads: one police already added beside (now supporting) stays as it is.
        Set<String> leading = runtimeService.createProcessInstanceQuery().superProcessInstanceId(caseInstanceId)
                .processDefinitionKey(PartnerReferralProcess.KEY)
                .variableValueEquals(PartnerReferralProcess.Variables.REFERRAL_ROLE.name(), ReferralRole.LEAD.name())
                .list().stream().map(ProcessInstance::getId).collect(Collectors.toSet());
        List<String> leadCalls = historyService.createHistoricActivityInstanceQuery().processInstanceId(caseInstanceId)
                .activityId(RcrpCallProcess.Elements.CALL_PARTNER_REFERRAL).unfinished().list().stream()
                .filter(call -> leading.contains(call.getCalledProcessInstanceId()))
                .map(call -> call.getExecutionId()).toList();
        if (leadCalls.isEmpty()) {
            // No referral leads any more: police are sent at once, as for any raised risk without one.
            runtimeService.setVariable(caseInstanceId, POLICE_ADDED.name(), false);
            runtimeService.setVariable(caseInstanceId, PENDING_RISK_ACTION.name(), org.rcrp.handover.process.RiskAction.SEND_POLICE.name());
            return;
        }
        leadCalls.forEach(execution -> runtimeService.messageEventReceived(RcrpCallProcess.Messages.POLICE_ADDED, execution));
    }

    /** The message's payload: what the new information raises, never what it says (the note is the journal's). */
    public static Map<String, Object> payloadOf(CaseUpdate update) {
        Map<String, Object> payload = new HashMap<>();
        UPDATE_RISK_TO_LIFE.putInto(payload, update.riskToLife());
        UPDATE_SERIOUS_HARM.putInto(payload, update.seriousHarm());
        UPDATE_CRIME.putInto(payload, update.crime());
        return payload;
    }
}
