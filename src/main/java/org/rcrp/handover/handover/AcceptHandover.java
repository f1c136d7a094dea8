package org.rcrp.handover.handover;

import static org.rcrp.handover.process.TaskCompletion.maxLength;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.S136HandoverProcess;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.process.TextLimits;

/** Body of user_accept_handover: health takes the detained person over at the place of safety. */
public record AcceptHandover(String note) implements TaskCompletion {

    @Override
    public String taskKey() {
        return S136HandoverProcess.Elements.USER_ACCEPT_HANDOVER;
    }

    @Override
    public List<FieldError> validate(Map<String, Object> taskVariables) {
        List<FieldError> errors = new ArrayList<>();
        maxLength(errors, note, "note", TextLimits.NOTE);
        return errors;
    }

    @Override
    public String summary() {
        return "Handover accepted";
    }

    /** Nothing for the engine: accepting is completing the task (the note is the journal's). */
    @Override
    public Map<String, Object> variables(Map<String, Object> taskVariables) {
        return Map.of();
    }
}
