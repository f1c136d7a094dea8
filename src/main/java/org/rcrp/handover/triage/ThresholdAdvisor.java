package org.rcrp.handover.triage;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.Route;
import org.rcrp.handover.process.ThresholdDecision;
import org.springframework.stereotype.Service;

/**
 * The threshold table's recommendation before the handler confirms: the same decision (latest
 * version) the case process evaluates in rule_threshold, on the case's facts and the answers so far.
 */
@Service
public class ThresholdAdvisor {

    private final DecisionService decisionService;

    public ThresholdAdvisor(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    public TriagePolicy.Recommendation recommend(Map<String, Object> caseVariables, AssessThreshold answers) {
        Map<String, Object> inputs = new HashMap<>(caseVariables);
        inputs.putAll(answers.variables(caseVariables));
        for (String flag : new String[] {"crime", "riskToLife", "seriousHarm", "childAtRisk", "medicalEmergency", "missingPerson"}) {
            if (inputs.get(flag) == null) {
                inputs.put(flag, false);
            }
        }
        DmnDecisionResultEntries result = decisionService.evaluateDecisionByKey(ThresholdDecision.KEY)
                .variables(inputs).evaluate().getSingleResult();
        return new TriagePolicy.Recommendation(
                Route.valueOf((String) result.get(ThresholdDecision.OUTPUT_ROUTE)),
                result.get(ThresholdDecision.OUTPUT_GRADE) == null ? null : Grade.valueOf((String) result.get(ThresholdDecision.OUTPUT_GRADE)),
                result.get(ThresholdDecision.OUTPUT_AGENCY) == null ? null : Agency.valueOf((String) result.get(ThresholdDecision.OUTPUT_AGENCY)),
                (String) result.get(ThresholdDecision.OUTPUT_RATIONALE));
    }

}
