package org.rcrp.handover.assurance;

import static org.rcrp.handover.process.TaskCompletion.maxLength;
import static org.rcrp.handover.process.TaskCompletion.require;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.QualityReviewProcess;
import org.rcrp.handover.process.QualityVerdict;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.process.TextLimits;

/**
 * Body of user_quality_review: the second person agrees or disagrees with the decision; a disagreement needs a learning
 * note (the journal's, with the task's entry). Nobody whose decision closed the case may review it.
 */
public record QualityReview(QualityVerdict verdict, String learningNote) implements TaskCompletion {

    @Override
    public String taskKey() {
        return QualityReviewProcess.Elements.USER_QUALITY_REVIEW;
    }

    @Override
    public List<FieldError> validate(Map<String, Object> taskVariables) {
        List<FieldError> errors = new ArrayList<>();
        require(errors, verdict, "verdict");
        if (verdict == QualityVerdict.DISAGREE && (learningNote == null || learningNote.isBlank())) {
            errors.add(new FieldError("learningNote", "is required when the verdict is DISAGREE"));
        }
        maxLength(errors, learningNote, "learningNote", TextLimits.NOTE);
        return errors;
    }

    @Override
    public Optional<String> refusalFor(String userId, Map<String, Object> taskVariables) {
        String decidedBy = QualityReviewProcess.Variables.DECIDED_BY.from(taskVariables);
        if (decidedBy != null && Arrays.asList(decidedBy.split(",")).contains(userId)) {
            return Optional.of("A second person must review this case: " + userId + " made a decision under review");
        }
        return Optional.empty();
    }

    @Override
    public String summary() {
        return "Quality review: " + verdict + " with the decision";
    }

    @Override
    public String note() {
        return learningNote;
    }

    @Override
    public Map<String, Object> variables(Map<String, Object> taskVariables) {
        Map<String, Object> variables = new HashMap<>();
        QualityReviewProcess.Variables.VERDICT.putInto(variables, verdict);
        return variables;
    }
}
