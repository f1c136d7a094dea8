package org.rcrp.handover.referral;

import static org.rcrp.handover.process.PartnerReferralProcess.Variables.PARTNER_OUTCOME;
import static org.rcrp.handover.process.TaskCompletion.maxLength;
import static org.rcrp.handover.process.TaskCompletion.require;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.PartnerOutcome;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.process.TextLimits;

/** Body of user_record_partner_outcome; PASSED_BACK returns the person to police and needs a note. */
public record RecordPartnerOutcome(PartnerOutcome outcome, String note) implements TaskCompletion {

    @Override
    public String taskKey() {
        return PartnerReferralProcess.Elements.USER_RECORD_PARTNER_OUTCOME;
    }

    @Override
    public List<FieldError> validate(Map<String, Object> taskVariables) {
        List<FieldError> errors = new ArrayList<>();
        require(errors, outcome, "outcome");
        if (outcome == PartnerOutcome.PASSED_BACK) {
            require(errors, note, "note");
        }
        maxLength(errors, note, "note", TextLimits.NOTE);
        return errors;
    }

    @Override
    public String summary() {
        return "Partner outcome " + outcome;
    }

    @Override
    public Map<String, Object> variables(Map<String, Object> taskVariables) {
        Map<String, Object> variables = new HashMap<>();
        PARTNER_OUTCOME.putInto(variables, outcome);
        return variables;
    }
}
