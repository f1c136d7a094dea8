package org.rcrp.handover.missing;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.MISSING_PERSON_LOCATED;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.MISSING_PERSON_RISK;
import static org.rcrp.handover.process.TaskCompletion.maxLength;
import static org.rcrp.handover.process.TaskCompletion.require;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.MissingPersonRisk;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.process.TextLimits;

/**
 * Body of user_missing_person_assessment: the risk grading (College of Policing missing-persons APP), whether the person
 * has been located, and the assessment's reasoning (the note, kept in the journal).
 */
public record MissingPersonAssessment(MissingPersonRisk riskLevel, Boolean located, String note) implements TaskCompletion {

    @Override
    public String taskKey() {
        return RcrpCallProcess.Elements.USER_MISSING_PERSON_ASSESSMENT;
    }

    @Override
    public List<FieldError> validate(Map<String, Object> taskVariables) {
        List<FieldError> errors = new ArrayList<>();
        require(errors, riskLevel, "riskLevel");
        require(errors, located, "located");
        require(errors, note, "note");
        maxLength(errors, note, "note", TextLimits.NOTE);
        return errors;
    }

    @Override
    public String summary() {
        return "Missing-person risk " + riskLevel + ", " + (Boolean.TRUE.equals(located) ? "located" : "not located");
    }

    @Override
    public Map<String, Object> variables(Map<String, Object> taskVariables) {
        Map<String, Object> variables = new HashMap<>();
        MISSING_PERSON_RISK.putInto(variables, riskLevel);
        MISSING_PERSON_LOCATED.putInto(variables, located);
        return variables;
    }
}
