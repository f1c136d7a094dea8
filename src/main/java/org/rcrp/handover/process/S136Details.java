package org.rcrp.handover.process;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The s136 detention as police record it, on logging an s136 call, on user_attend with outcome S136_DETENTION and on
 * user_record_arrival: when the person was detained, how they were conveyed (anything but an ambulance with a reason),
 * when they arrived and at what kind of place of safety. The handover hour and the detention limit run from arrival.
 */
public record S136Details(OffsetDateTime detainedAt, OffsetDateTime arrivedAt, Conveyance conveyance, String conveyanceReason,
                          PlaceOfSafety placeOfSafety) {

    /**
     * Problems, named by JSON path under {@code prefix} (e.g. {@code s136.}).
     *
     * @param ageYears the subject's age when known: under 18 is never police custody
     * @param arrivalRequired whether {@code arrivedAt} must be given (user_record_arrival)
     */
    public List<FieldError> validate(String prefix, Integer ageYears, boolean arrivalRequired, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (arrivalRequired) {
            TaskCompletion.require(errors, arrivedAt, prefix + "arrivedAt");
        }
        PastTimes.check(errors, prefix + "detainedAt", detainedAt, now);
        PastTimes.check(errors, prefix + "arrivedAt", arrivedAt, now);
        if (detainedAt != null && arrivedAt != null && arrivedAt.isBefore(detainedAt)) {
            errors.add(new FieldError(prefix + "arrivedAt", "must not be before detainedAt"));
        }
        if ((conveyance == Conveyance.POLICE_VEHICLE || conveyance == Conveyance.OTHER)
                && (conveyanceReason == null || conveyanceReason.isBlank())) {
            errors.add(new FieldError(prefix + "conveyanceReason", "is required when the conveyance is " + conveyance));
        }
        TaskCompletion.maxLength(errors, conveyanceReason, prefix + "conveyanceReason", TextLimits.S136_REASON);
        if (placeOfSafety == PlaceOfSafety.POLICE_CUSTODY && ageYears != null && ageYears < 18) {
            errors.add(new FieldError(prefix + "placeOfSafety", "must not be POLICE_CUSTODY for a child (under 18)"));
        }
        return errors;
    }

    /** The facts for the journal beside the entry, by JSON path under {@code prefix}; only those given. */
    public java.util.Map<String, String> answers(String prefix) {
        java.util.Map<String, String> answers = new java.util.LinkedHashMap<>();
        put(answers, prefix + "detainedAt", detainedAt == null ? null : detainedAt.toInstant());
        put(answers, prefix + "arrivedAt", arrivedAt == null ? null : arrivedAt.toInstant());
        put(answers, prefix + "conveyance", conveyance);
        put(answers, prefix + "conveyanceReason", conveyanceReason == null ? null : conveyanceReason.strip());
        put(answers, prefix + "placeOfSafety", placeOfSafety);
        return answers;
    }

    /** The codes and times for the engine (never the conveyance reason). */
    public void putInto(java.util.Map<String, Object> variables) {
        S136HandoverProcess.Variables.DETAINED_AT.putInto(variables, date(detainedAt));
        S136HandoverProcess.Variables.ARRIVED_AT.putInto(variables, date(arrivedAt));
        S136HandoverProcess.Variables.CONVEYANCE.putInto(variables, conveyance);
        S136HandoverProcess.Variables.PLACE_OF_SAFETY.putInto(variables, placeOfSafety);
    }

    private static java.util.Date date(OffsetDateTime at) {
        return at == null ? null : java.util.Date.from(at.toInstant());
    }

    private static void put(java.util.Map<String, String> answers, String key, Object value) {
        if (value != null && !value.toString().isBlank()) {
            answers.put(key, value.toString());
        }
    }
}
