package org.rcrp.handover.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.rcrp.handover.process.ProcessVariable;
import org.rcrp.handover.process.RcrpCallProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * Risk raised by new information while triage is open. The update changes nothing at once — the call handler is
 * deciding — but what it raised is true for that decision whatever the handler's answers say, so a form filled in before
 * the update arrived can never route the case away from police. It is counted in the answers (the triage body and the
 * recommendation shown before confirming), again as the threshold decision starts ({@code ${raisedRisk.count(execution)}}
 * on rule_threshold: any other way of completing the task), and cleared once a decision has counted it.
 */
@Component("raisedRisk")
public class RaisedRisk {

    /** An answer of the triage body and the case variable in which new information raised it. */
    enum Raised {
        RISK_TO_LIFE(Variables.RISK_TO_LIFE, Variables.RAISED_RISK_TO_LIFE, "risk to life"),
        SERIOUS_HARM(Variables.SERIOUS_HARM, Variables.RAISED_SERIOUS_HARM, "serious harm"),
        CRIME(Variables.CRIME, Variables.RAISED_CRIME, "crime");

        private final ProcessVariable<Boolean> answer;
        private final ProcessVariable<Boolean> raised;
        private final String words;

        Raised(ProcessVariable<Boolean> answer, ProcessVariable<Boolean> raised, String words) {
            this.answer = answer;
            this.raised = raised;
            this.words = words;
        }

        /** The answer as the decision takes it: the handler's, or true when new information raised it. */
        boolean counted(Boolean answered, Map<String, ?> caseVariables) {
            return Boolean.TRUE.equals(answered) || raised.isTrueIn(caseVariables);
        }

        boolean counted(Boolean answered, VariableScope scope) {
            return Boolean.TRUE.equals(answered) || raised.isTrue(scope);
        }
    }

    /** service_record_update, while triage is open: what the new information raised waits for the decision. */
    static void record(VariableScope caseInstance, boolean riskToLife, boolean seriousHarm, boolean crime) {
        if (riskToLife) {
            Raised.RISK_TO_LIFE.raised.set(caseInstance, true);
        }
        if (seriousHarm) {
            Raised.SERIOUS_HARM.raised.set(caseInstance, true);
        }
        if (crime) {
            Raised.CRIME.raised.set(caseInstance, true);
        }
    }

    /** What new information raised while triage was open, in words for the journal; empty when nothing. */
    static List<String> raised(VariableScope scope) {
        List<String> words = new ArrayList<>();
        for (Raised raised : Raised.values()) {
            if (raised.raised.isTrue(scope)) {
                words.add(raised.words);
            }
        }
        return words;
    }

    /** The same, from the case's variables as a task sees them (the triage page says what counts whatever is answered). */
    public static List<String> raisedIn(Map<String, ?> caseVariables) {
        List<String> words = new ArrayList<>();
        for (Raised raised : Raised.values()) {
            if (raised.raised.isTrueIn(caseVariables)) {
                words.add(raised.words);
            }
        }
        return words;
    }

    /** Once a decision has counted it, the raised risk is spent: a later triage is decided on its own answers. */
    static void clear(VariableScope scope) {
        for (Raised raised : Raised.values()) {
            if (scope.hasVariable(raised.raised.name())) {
                scope.removeVariable(raised.raised.name());
            }
        }
    }

    /** Start of rule_threshold: the decision's inputs count the raised risk, however the task was completed. */
    public void count(DelegateExecution execution) {
        for (Raised raised : Raised.values()) {
            if (raised.raised.isTrue(execution) && !raised.answer.isTrue(execution)) {
                raised.answer.setTransient(execution, true);
            }
        }
    }
}
