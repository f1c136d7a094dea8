package org.rcrp.handover.triage;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.AGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.GRADE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.OVERRIDDEN;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.OVERRIDE_AGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.OVERRIDE_GRADE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.OVERRIDE_ROUTE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.PHASE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.RATIONALE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.RECOMMENDATION_RATIONALE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.RECOMMENDED_AGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.RECOMMENDED_GRADE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.RECOMMENDED_ROUTE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.RISK_TO_LIFE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.ROUTE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.SERIOUS_HARM;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.rcrp.handover.journal.DecisionLog;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.Phase;
import org.rcrp.handover.process.Route;
import org.springframework.stereotype.Component;

/**
 * service_apply_triage: the recommendation of rule_threshold, or the handler's override, becomes the case's route. The
 * override's reason was checked with the handler's answers and is in the journal; it never reaches the engine. Risk raised
 * by new information while triage was open counts as answered yes ({@link RaisedRisk}), and is spent once applied.
 */
@Component("applyTriageDecisionDelegate")
public class ApplyTriageDecisionDelegate implements JavaDelegate {

    private final DecisionLog decisionLog;

    public ApplyTriageDecisionDelegate(DecisionLog decisionLog) {
        this.decisionLog = decisionLog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TriagePolicy.Recommendation recommendation = new TriagePolicy.Recommendation(
                RECOMMENDED_ROUTE.require(execution), RECOMMENDED_GRADE.get(execution),
                RECOMMENDED_AGENCY.get(execution), RECOMMENDATION_RATIONALE.get(execution));
        Optional<TriagePolicy.Override> override = OVERRIDE_ROUTE.find(execution)
                .map(route -> new TriagePolicy.Override(route, OVERRIDE_AGENCY.get(execution),
                        OVERRIDE_GRADE.get(execution), null));

        List<String> raised = RaisedRisk.raised(execution);
        TriagePolicy.Decision decision = TriagePolicy.decide(recommendation, override,
                RaisedRisk.Raised.RISK_TO_LIFE.counted(RISK_TO_LIFE.get(execution), execution),
                RaisedRisk.Raised.SERIOUS_HARM.counted(SERIOUS_HARM.get(execution), execution));
        RaisedRisk.clear(execution);

        ROUTE.set(execution, decision.route());
        GRADE.set(execution, decision.grade());
        AGENCY.set(execution, decision.agency());
        OVERRIDDEN.set(execution, decision.overridden());
        RATIONALE.set(execution, decision.rationale());
        PHASE.set(execution, phaseFor(decision.route()));

        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        decisionLog.record(execution.getProcessBusinessKey(), decision.overridden() ? "TRIAGE_OVERRIDDEN" : "TRIAGE_DECIDED",
                user == null ? "system" : user.getUserId(), user == null ? "rcrp-threshold" : "call-handlers",
                describe(decision.route(), decision.grade(), decision.agency()) + " (recommended "
                        + describe(recommendation.route(), recommendation.grade(), recommendation.agency()) + "). "
                        + decision.rationale()
                        + (raised.isEmpty() ? "" : " Counted the risk raised by new information during triage: "
                                + String.join(", ", raised) + "."));
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
