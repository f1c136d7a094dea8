package org.rcrp.handover.triage;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.AGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.GRADE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.OVERRIDDEN;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.OVERRIDE_ADD_AGENCIES;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.OVERRIDE_AGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.OVERRIDE_GRADE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.OVERRIDE_ROUTE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.PHASE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.PLAN_REQUESTS;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.RATIONALE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.RECOMMENDATION_RATIONALE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.RECOMMENDED_AGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.RECOMMENDED_GRADE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.RECOMMENDED_ROUTE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.RESPONSE_NEEDS;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.RISK_TO_LIFE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.ROUTE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.SERIOUS_HARM;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.rcrp.handover.journal.DecisionLog;
import org.rcrp.handover.plan.CaseReferrals;
import org.rcrp.handover.plan.Need;
import org.rcrp.handover.plan.Needs;
import org.rcrp.handover.plan.Response;
import org.rcrp.handover.plan.ResponseLedger;
import org.rcrp.handover.plan.ResponsePlan;
import org.rcrp.handover.plan.ResponsePlanner;
import org.rcrp.handover.plan.ResponsePlans;
import org.rcrp.handover.plan.ResponseState;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.Groups;
import org.rcrp.handover.process.Phase;
import org.rcrp.handover.process.Route;
import org.springframework.stereotype.Component;

/**
 * service_apply_triage: the plan recommended by rule_threshold's needs, or the handler's override of it, becomes the
 * case's plan. Its lead sets the case's route, grade and agency as before; every agency is on the ledger; partners new
 * to the plan beside the lead are asked ({@code planRequests} starts subprocess_plan_requests). The override's reason was
 * checked with the handler's answers and is in the journal; it never reaches the engine. Risk raised by new information
 * while triage was open counts as answered yes ({@link RaisedRisk}), and is spent once applied.
 */
@Component("applyTriageDecisionDelegate")
public class ApplyTriageDecisionDelegate implements JavaDelegate {

    private final DecisionLog decisionLog;
    private final ResponseLedger ledger;
    private final CaseReferrals referrals;

    public ApplyTriageDecisionDelegate(DecisionLog decisionLog, ResponseLedger ledger, CaseReferrals referrals) {
        this.decisionLog = decisionLog;
        this.ledger = ledger;
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<Need> needs = Needs.decode(RESPONSE_NEEDS.require(execution));
        ResponsePlan recommended = ResponsePlanner.plan(needs);
        RECOMMENDED_ROUTE.set(execution, recommended.route());
        RECOMMENDED_GRADE.set(execution, recommended.grade());
        RECOMMENDED_AGENCY.set(execution, recommended.agency());
        RECOMMENDATION_RATIONALE.set(execution, recommended.rationale());
        Optional<TriagePolicy.Override> override = OVERRIDE_ROUTE.find(execution)
                .map(route -> new TriagePolicy.Override(route, OVERRIDE_AGENCY.get(execution),
                        OVERRIDE_GRADE.get(execution), null, agencies(OVERRIDE_ADD_AGENCIES.get(execution))));

        List<String> raised = RaisedRisk.raised(execution);
        TriagePolicy.Decision decision = TriagePolicy.decide(needs, override,
                RaisedRisk.Raised.RISK_TO_LIFE.counted(RISK_TO_LIFE.get(execution), execution),
                RaisedRisk.Raised.SERIOUS_HARM.counted(SERIOUS_HARM.get(execution), execution));
        RaisedRisk.clear(execution);

        ResponsePlan plan = decision.plan();
        ROUTE.set(execution, plan.route());
        GRADE.set(execution, plan.grade());
        AGENCY.set(execution, plan.agency());
        OVERRIDDEN.set(execution, decision.overridden());
        RATIONALE.set(execution, decision.rationale());
        PHASE.set(execution, phaseFor(plan.route()));

        String caseId = execution.getProcessBusinessKey();
        List<Agency> asked = ledger.plan(caseId, plan.responses(), response -> ResponseState.REQUESTED);
        // An agency whose referral from an earlier plan is still open (e.g. rejected, a supervisor deciding) is not asked twice.
        Set<Agency> stillReferred = referrals.openReferralAgencies(execution);
        PLAN_REQUESTS.set(execution, ResponsePlans.requests(
                plan.supportingPartners().stream().filter(asked::contains).filter(agency -> !stillReferred.contains(agency)).toList(),
                plan.informed().stream().filter(asked::contains).toList()));

        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        decisionLog.record(caseId, decision.overridden() ? "TRIAGE_OVERRIDDEN" : "TRIAGE_DECIDED",
                user == null ? "system" : user.getUserId(), user == null ? "rcrp-response-needs" : Groups.CALL_HANDLERS,
                describe(plan.route(), plan.grade(), plan.agency()) + " (recommended "
                        + describe(recommended.route(), recommended.grade(), recommended.agency()) + "). "
                        + decision.rationale() + " Plan: " + describe(plan.responses()) + "."
                        + (raised.isEmpty() ? "" : " Counted the risk raised by new information during triage: "
                                + String.join(", ", raised) + "."));
    }

    private static List<Agency> agencies(String codes) {
        return codes == null || codes.isBlank() ? List.of()
                : Arrays.stream(codes.split(",")).map(String::strip).map(Agency::valueOf).toList();
    }

    private static String describe(List<Response> responses) {
        return String.join("; ", responses.stream().map(response -> response.agency() + " " + response.role()
                + (response.grade() == null ? "" : " " + response.grade())).toList());
    }

    private static String describe(Route route, Grade grade, Agency agency) {
        return route + (grade == null ? "" : " " + grade) + (agency == null ? "" : " to " + agency);
    }

    private static Phase phaseFor(Route route) {
        return switch (route) {
            case POLICE_ATTEND -> Phase.ATTEND;
            case REFER -> Phase.REFER;
            case ADVICE_AND_CLOSE -> Phase.ADVICE;
        };
    }
}
