package org.rcrp.handover.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.PastTimes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a call must make sense of beyond its fields' own rules, on the force's calendar ({@code rcrp.metrics.zone}): the day
 * a call is logged is the force's day, not the server's.
 */
@Component
public class CallChecks {

    /** Why a lapsed power to retake is refused, and what to do instead. */
    static final String RETAKE_LAPSED = "is in the past: the power to retake has lapsed (Mental Health Act s18(4)), so this is"
            + " not an AWOL retake for the trust. Log it as a concern for welfare or a missing person instead";

    private final ZoneId zone;

    public CallChecks(@Value("${rcrp.metrics.zone:Europe/London}") ZoneId zone) {
        this.zone = zone;
    }

    /** Problems, named by JSON field; empty when the call may be logged at {@code now}. */
    public List<FieldError> check(NewCall call, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, zone);
        // An expiry of today still allows the retake; the day after, the patient is no longer liable to be taken back.
        if (call.category() == org.rcrp.handover.process.Category.AWOL && call.awol() != null
                && call.awol().retakeExpiry() != null && call.awol().retakeExpiry().isBefore(today)) {
            errors.add(new FieldError("awol.retakeExpiry", RETAKE_LAPSED));
        }
        if (call.category() == org.rcrp.handover.process.Category.S136_HANDOVER && call.s136() != null) {
            errors.addAll(call.s136().validate("s136.", call.subject() == null ? null : call.subject().ageYears(), false, now));
        }
        if (call.walkout() != null) {
            PastTimes.check(errors, "walkout.lastSeen", call.walkout().lastSeen(), now);
        }
        return errors;
    }
}
