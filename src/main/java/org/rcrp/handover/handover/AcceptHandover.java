package org.rcrp.handover.handover;

import static org.rcrp.handover.process.S136HandoverProcess.Variables.HANDOVER_NOTE;
import static org.rcrp.handover.process.TaskCompletion.maxLength;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.S136HandoverProcess;
import org.rcrp.handover.process.TaskCompletion;

/** Body of user_accept_handover: health takes the detained person over at the place of safety. */
public record AcceptHandover(String note) implements TaskCompletion {

    @Override
    public String taskKey() {
        return S136HandoverProcess.Elements.USER_ACCEPT_HANDOVER;
    }

    @Override
    public List<FieldError> validate(Map<String, Object> taskVariables) {
        List<FieldError> errors = new ArrayList<>();
        maxLength(errors, note, "note", 4000);
        return errors;
    }

    @Override
    public String summary() {
        return TaskCompletion.withNote("Handover accepted", note);
    }

    @Override
    public Map<String, Object> variables(Map<String, Object> taskVariables) {
        Map<String, Object> variables = new HashMap<>();
        HANDOVER_NOTE.putInto(variables, note);
        return variables;
    }
}
