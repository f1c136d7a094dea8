package org.rcrp.handover.s136;

import static org.rcrp.handover.process.TaskCompletion.maxLength;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rcrp.handover.operations.EngineClock;
import org.rcrp.handover.process.Conveyance;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.PlaceOfSafety;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.S136Details;
import org.rcrp.handover.process.S136HandoverProcess;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.process.TextLimits;

/**
 * Body of user_record_arrival: the case's s136 object with the arrival at the place of safety, which starts the
 * handover hour and the detention limit. Facts the case already had are kept unless given again.
 */
public record RecordArrival(OffsetDateTime detainedAt, OffsetDateTime arrivedAt, Conveyance conveyance, String conveyanceReason,
                            PlaceOfSafety placeOfSafety, String note) implements TaskCompletion {

    public S136Details s136() {
        return new S136Details(detainedAt, arrivedAt, conveyance, conveyanceReason, placeOfSafety);
    }

    @Override
    public String taskKey() {
        return S136HandoverProcess.Elements.USER_RECORD_ARRIVAL;
    }

    @Override
    public List<FieldError> validate(Map<String, Object> taskVariables) {
        List<FieldError> errors = new ArrayList<>(s136().validate("", RcrpCallProcess.Variables.SUBJECT_AGE.from(taskVariables),
                true, EngineClock.INSTANCE.instant()));
        java.util.Date detained = S136HandoverProcess.Variables.DETAINED_AT.from(taskVariables);
        if (detainedAt == null && detained != null && arrivedAt != null && arrivedAt.toInstant().isBefore(detained.toInstant())) {
            errors.add(new FieldError("arrivedAt", "must not be before the detention"));
        }
        maxLength(errors, note, "note", TextLimits.NOTE);
        return errors;
    }

    @Override
    public String summary() {
        return "Arrived at the place of safety" + (placeOfSafety == null ? "" : " (" + placeOfSafety + ")")
                + (conveyance == null ? "" : ", conveyed by " + conveyance);
    }

    @Override
    public Map<String, String> answers() {
        return s136().answers("");
    }

    @Override
    public Map<String, Object> variables(Map<String, Object> taskVariables) {
        Map<String, Object> variables = new HashMap<>();
        s136().putInto(variables);
        variables.values().removeIf(java.util.Objects::isNull);
        return variables;
    }
}
