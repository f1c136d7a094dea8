package org.rcrp.handover.process;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Times people give for what has already happened (when a person was last seen): never in the future. */
public final class PastTimes {

    /**
     * How far ahead of the server's clock a time may be and still be taken as now: a partner system's clock, or a call
     * handler typing the current minute, may be a little ahead. Anything later is a mistake the sender must correct.
     */
    public static final Duration GRACE = Duration.ofMinutes(1);

    private PastTimes() {
    }

    public static void check(List<FieldError> errors, String field, OffsetDateTime value, Instant now) {
        if (value != null && value.toInstant().isAfter(now.plus(GRACE))) {
            errors.add(new FieldError(field, "must not be in the future"));
        }
    }
}
