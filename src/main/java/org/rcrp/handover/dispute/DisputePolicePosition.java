package org.rcrp.handover.dispute;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rcrp.handover.process.DisputePosition;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.InteragencyDisputeProcess;
import org.rcrp.handover.process.TaskCompletion;

/** Body of user_dispute_police_position: the police side's position on the dispute, with why (journal). */
public record DisputePolicePosition(DisputePosition position, String note) implements TaskCompletion {

    @Override
    public String taskKey() {
        return InteragencyDisputeProcess.Elements.USER_DISPUTE_POLICE_POSITION;
    }

    @Override
    public List<FieldError> validate(Map<String, Object> taskVariables) {
        return DisputePositions.validate(position, note);
    }

    @Override
    public String summary() {
        return "Police position on the dispute: " + position;
    }

    @Override
    public Map<String, Object> variables(Map<String, Object> taskVariables) {
        Map<String, Object> variables = new HashMap<>();
        InteragencyDisputeProcess.Variables.POLICE_POSITION.putInto(variables, position);
        return variables;
    }
}
