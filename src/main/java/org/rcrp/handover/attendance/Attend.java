package org.rcrp.handover.attendance;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.AGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.ATTEND_OUTCOME;
import static org.rcrp.handover.process.TaskCompletion.maxLength;
import static org.rcrp.handover.process.TaskCompletion.require;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rcrp.handover.operations.EngineClock;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.AttendOutcome;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.S136Details;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.process.TextLimits;

/** Body of user_attend: how the police attendance ended; an agency when officers refer on. */
public record Attend(AttendOutcome outcome, Agency agency, String note, S136Details s136) implements TaskCompletion {

    public Attend(AttendOutcome outcome, Agency agency, String note) {
        this(outcome, agency, note, null);
    }

    @Override
    public String taskKey() {
        return RcrpCallProcess.Elements.USER_ATTEND;
    }

    @Override
    public List<FieldError> validate(Map<String, Object> taskVariables) {
        List<FieldError> errors = new ArrayList<>();
        require(errors, outcome, "outcome");
        if (outcome == AttendOutcome.REFER_PARTNER && (agency == null || !agency.takesReferrals())) {
            errors.add(new FieldError("agency", "must be an agency that takes referrals when the outcome is REFER_PARTNER"));
        }
        maxLength(errors, note, "note", TextLimits.NOTE);
        if (outcome == AttendOutcome.S136_DETENTION && s136 != null) {
            errors.addAll(s136.validate("s136.", RcrpCallProcess.Variables.SUBJECT_AGE.from(taskVariables), false,
                    EngineClock.INSTANCE.instant()));
        }
        return errors;
    }

    @Override
    public Map<String, Agency> referredTo() {
        return outcome == AttendOutcome.REFER_PARTNER && agency != null ? Map.of("agency", agency) : Map.of();
    }

    @Override
    public Map<String, String> answers() {
        return outcome == AttendOutcome.S136_DETENTION && s136 != null ? s136.answers("s136.") : Map.of();
    }

    @Override
    public String summary() {
        return "Attendance outcome " + outcome + (outcome == AttendOutcome.REFER_PARTNER ? " to " + agency : "");
    }

    @Override
    public Map<String, Object> variables(Map<String, Object> taskVariables) {
        Map<String, Object> variables = new HashMap<>();
        ATTEND_OUTCOME.putInto(variables, outcome);
        if (outcome == AttendOutcome.REFER_PARTNER) {
            AGENCY.putInto(variables, agency);
        }
        if (outcome == AttendOutcome.S136_DETENTION && s136 != null) {
            s136.putInto(variables);
        }
        return variables;
    }
}
