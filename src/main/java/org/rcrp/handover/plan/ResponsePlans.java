package org.rcrp.handover.plan;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.CATEGORY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.PLAN_REQUESTS;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.SUBJECT_AGE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rcrp.handover.ownership.CaseStatus;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.ProcessVariable;
import org.springframework.stereotype.Component;

/**
 * The response plan as the models see it ({@code ${responsePlans...}}): the inputs rule_threshold needs beyond the case's
 * variables, its matched rows kept as {@code responseNeeds}, the plan's requests to agencies beside the lead, and each
 * agency's part moving on in the {@link ResponseLedger} as referrals and attendance go.
 */
@Component("responsePlans")
public class ResponsePlans {

    static final ProcessVariable<Boolean> SUBJECT_IS_CHILD = ProcessVariable.bool(ResponseNeedsDecision.INPUT_SUBJECT_IS_CHILD);
    /** Local to subprocess_plan_requests: what it was asked to do. */
    static final ProcessVariable<String> SUPPORT_AGENCIES = ProcessVariable.string("supportAgencies");
    static final ProcessVariable<String> INFORMED_AGENCIES = ProcessVariable.string("informedAgencies");
    static final ProcessVariable<Boolean> PARTNERS_TO_STAND_DOWN = ProcessVariable.bool("partnersToStandDown");

    private final RoutingScope scope;
    private final ResponseLedger ledger;
    private final CaseReferrals referrals;

    public ResponsePlans(RoutingScope scope, ResponseLedger ledger, CaseReferrals referrals) {
        this.scope = scope;
        this.ledger = ledger;
        this.referrals = referrals;
    }

    /**
     * Start of rule_threshold: whether the subject is a child, for the table (an unknown age is not a child's), and every
     * other input the table reads that this case has no variable for (a completion through the engine's own API, a case
     * logged before the question existed) as not answered.
     */
    public void prepare(DelegateExecution execution) {
        Integer age = SUBJECT_AGE.get(execution);
        SUBJECT_IS_CHILD.setTransient(execution, age != null && age < 18);
        for (String input : ResponseNeedsDecision.INPUTS) {
            if (!execution.hasVariable(input)) {
                execution.setVariable(input, org.camunda.bpm.engine.variable.Variables.untypedNullValue(true));
            }
        }
    }

    /** Output of rule_threshold: the rows that matched, with police as before RCRP for a call outside the roll-out. */
    public String needs(DelegateExecution execution, DmnDecisionResult result) {
        List<Need> needs = new ArrayList<>(Needs.fromDecision(result.getResultList()));
        scope.outOfScope(CATEGORY.get(execution), SUBJECT_AGE.get(execution)).ifPresent(needs::add);
        return Needs.encode(needs);
    }

    public static String requests(List<Agency> supporting, List<Agency> informed) {
        List<String> requests = new ArrayList<>();
        supporting.forEach(agency -> requests.add(Role.SUPPORT + ":" + agency));
        informed.forEach(agency -> requests.add(Role.INFORMED + ":" + agency));
        return String.join(",", requests);
    }

    /** Start of subprocess_plan_requests: takes the requests into the sub-process, so the next plan can ask again. */
    public void take(DelegateExecution execution) {
        String requests = PLAN_REQUESTS.find(execution).orElse("");
        SUPPORT_AGENCIES.setLocal(execution, only(requests, Role.SUPPORT));
        INFORMED_AGENCIES.setLocal(execution, only(requests, Role.INFORMED));
        PLAN_REQUESTS.set(execution, "");
    }

    private static String only(String requests, Role role) {
        return String.join(",", Arrays.stream(requests.split(",")).filter(request -> request.startsWith(role + ":"))
                .map(request -> request.substring(role.name().length() + 1)).toList());
    }

    /**
     * Before the case closes: whether a partner is still asked or holding a part (its plan entry open), or the case still
     * waits on a supporting referral: then the case stands them down and ends over them ({@code partnersToStandDown}).
     */
    public void countPartnersToStandDown(DelegateExecution execution) {
        boolean open = ledger.entries(execution.getProcessBusinessKey()).stream()
                .anyMatch(entry -> entry.agency() != Agency.POLICE && entry.role() != Role.INFORMED && entry.state().open())
                || referrals.supportingStillRunning(execution);
        PARTNERS_TO_STAND_DOWN.set(execution, open);
    }

    /** The plan's grade for an agency, passed to its referral ({@code referralGrade}); null when the plan gives none. */
    public String gradeOf(DelegateExecution execution, Object agency) {
        return ledger.entries(execution.getProcessBusinessKey()).stream()
                .filter(entry -> entry.agency().name().equals(String.valueOf(agency)) && entry.grade() != null)
                .map(entry -> entry.grade().name()).findFirst().orElse(null);
    }

    /** The collection of call_support_referral. */
    public List<String> agencies(String codes) {
        return codes == null || codes.isBlank() ? List.of() : List.of(codes.split(","));
    }

    /** A referral (lead or support) reached its agency's task, was accepted, rejected or ended. */
    public void referral(DelegateExecution execution, String state) {
        Role role = CaseStatus.leads(execution) ? Role.LEAD : Role.SUPPORT;
        if (role == Role.LEAD && ResponseState.valueOf(state) == ResponseState.REQUESTED
                && PartnerReferralProcess.Elements.START_REFERRAL_REQUESTED.equals(execution.getCurrentActivityId())) {
            referrals.supersedeSupporting(execution);
        }
        ledger.state(execution.getProcessBusinessKey(), PartnerReferralProcess.Variables.AGENCY.require(execution), role,
                ResponseState.valueOf(state));
    }

    /** Police attendance started or ended. */
    public void police(DelegateExecution execution, String state) {
        ledger.state(execution.getProcessBusinessKey(), Agency.POLICE, Role.LEAD, ResponseState.valueOf(state));
    }

    /** Agencies already told about the case (a retried job does not tell them twice). */
    public java.util.Set<Agency> told(String caseId) {
        return ledger.entries(caseId).stream().filter(entry -> entry.role() == Role.INFORMED && entry.state() == ResponseState.DONE)
                .map(ResponseLedger.Entry::agency).collect(java.util.stream.Collectors.toSet());
    }

    /** An informed agency was told. */
    public void told(String caseId, Agency agency) {
        ledger.state(caseId, agency, Role.INFORMED, ResponseState.DONE);
    }
}
