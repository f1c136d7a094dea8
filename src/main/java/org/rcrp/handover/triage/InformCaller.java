package org.rcrp.handover.triage;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.CALLER_INFORMED;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.INFORM_METHOD;
import static org.rcrp.handover.process.TaskCompletion.maxLength;
import static org.rcrp.handover.process.TaskCompletion.require;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.InformMethod;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.process.TextLimits;

/** Body of user_inform_caller: how the caller was told who will help, and to call back if things change. */
public record InformCaller(InformMethod method, String note) implements TaskCompletion {

    @Override
    public String taskKey() {
        return RcrpCallProcess.Elements.USER_INFORM_CALLER;
    }

    @Override
    public List<FieldError> validate(Map<String, Object> taskVariables) {
        List<FieldError> errors = new ArrayList<>();
        require(errors, method, "method");
        if (method == InformMethod.NOT_REACHABLE) {
            require(errors, note, "note");
        }
        maxLength(errors, note, "note", TextLimits.NOTE);
        return errors;
    }

    @Override
    public String summary() {
        return method == InformMethod.NOT_REACHABLE ? "Caller could not be reached" : "Caller informed by " + method;
    }

    @Override
    public Map<String, Object> variables(Map<String, Object> taskVariables) {
        Map<String, Object> variables = new HashMap<>();
        INFORM_METHOD.putTransientInto(variables, taskVariables, method);
        // Once told, the case stays "caller informed" even if a later attempt does not get through.
        boolean alreadyInformed = Boolean.TRUE.equals(CALLER_INFORMED.from(taskVariables));
        CALLER_INFORMED.putInto(variables, alreadyInformed || method.informed());
        return variables;
    }
}
