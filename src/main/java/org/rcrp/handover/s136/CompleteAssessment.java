package org.rcrp.handover.s136;

import static org.rcrp.handover.process.TaskCompletion.maxLength;
import static org.rcrp.handover.process.TaskCompletion.require;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rcrp.handover.operations.EngineClock;
import org.rcrp.handover.process.AssessmentOutcome;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.PastTimes;
import org.rcrp.handover.process.S136HandoverProcess;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.process.TextLimits;

/** Body of user_complete_assessment: the assessment ended (now, unless {@code endedAt} says when), and so the detention. */
public record CompleteAssessment(OffsetDateTime endedAt, AssessmentOutcome outcome, String note) implements TaskCompletion {

    @Override
    public String taskKey() {
        return S136HandoverProcess.Elements.USER_COMPLETE_ASSESSMENT;
    }

    @Override
    public List<FieldError> validate(Map<String, Object> taskVariables) {
        List<FieldError> errors = new ArrayList<>();
        require(errors, outcome, "outcome");
        PastTimes.check(errors, "endedAt", endedAt, EngineClock.INSTANCE.instant());
        Date arrivedAt = S136HandoverProcess.Variables.ARRIVED_AT.from(taskVariables);
        if (endedAt != null && arrivedAt != null && endedAt.toInstant().isBefore(arrivedAt.toInstant())) {
            errors.add(new FieldError("endedAt", "must not be before the arrival at the place of safety"));
        }
        maxLength(errors, note, "note", TextLimits.NOTE);
        return errors;
    }

    public Instant endedAtOrNow() {
        return endedAt == null ? EngineClock.INSTANCE.instant() : endedAt.toInstant();
    }

    @Override
    public String summary() {
        return "Assessment ended: " + outcome;
    }

    @Override
    public Map<String, String> answers() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("endedAt", endedAtOrNow().toString());
        answers.put("outcome", outcome.name());
        return answers;
    }

    @Override
    public Map<String, Object> variables(Map<String, Object> taskVariables) {
        Map<String, Object> variables = new HashMap<>();
        S136HandoverProcess.Variables.ASSESSMENT_ENDED_AT.putInto(variables, Date.from(endedAtOrNow()));
        return variables;
    }
}
