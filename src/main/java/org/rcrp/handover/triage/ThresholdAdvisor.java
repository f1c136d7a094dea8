package org.rcrp.handover.triage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.rcrp.handover.plan.Need;
import org.rcrp.handover.plan.Needs;
import org.rcrp.handover.plan.ResponseNeedsDecision;
import org.rcrp.handover.plan.ResponsePlan;
import org.rcrp.handover.plan.ResponsePlanner;
import org.rcrp.handover.plan.RoutingScope;
import org.rcrp.handover.process.RcrpCallProcess;
import org.springframework.stereotype.Service;

/**
 * The response plan recommended before the handler confirms: the same needs table (latest version) the case process
 * evaluates in rule_threshold, on the case's facts and the answers so far, turned into a plan the same way.
 */
@Service
public class ThresholdAdvisor {

    private final DecisionService decisionService;
    private final RoutingScope scope;

    public ThresholdAdvisor(DecisionService decisionService, RoutingScope scope) {
        this.decisionService = decisionService;
        this.scope = scope;
    }

    public ResponsePlan recommend(Map<String, Object> caseVariables, AssessThreshold answers) {
        Map<String, Object> inputs = new HashMap<>(caseVariables);
        inputs.putAll(answers.variables(caseVariables));
        for (String input : ResponseNeedsDecision.INPUTS) {
            inputs.putIfAbsent(input, null);
        }
        Integer age = RcrpCallProcess.Variables.SUBJECT_AGE.from(caseVariables);
        inputs.put(ResponseNeedsDecision.INPUT_SUBJECT_IS_CHILD, age != null && age < 18);
        List<Need> needs = new ArrayList<>(Needs.fromDecision(decisionService.evaluateDecisionByKey(ResponseNeedsDecision.KEY)
                .variables(inputs).evaluate().getResultList()));
        scope.outOfScope(RcrpCallProcess.Variables.CATEGORY.from(caseVariables), age).ifPresent(needs::add);
        return ResponsePlanner.plan(needs);
    }
}
