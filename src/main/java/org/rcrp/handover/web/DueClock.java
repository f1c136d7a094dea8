package org.rcrp.handover.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.rcrp.handover.operations.EngineClock;

/** How the pages say when something is due ("in 12 min", "overdue by 3 min") and when something happened. */
public class DueClock {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd MMM HH:mm:ss").withZone(ZoneId.of("Europe/London"));

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm:ss zzz", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private final Clock clock;

    /** On the engine's clock. */
    public DueClock() {
        this(EngineClock.INSTANCE);
    }

    public DueClock(Clock clock) {
        this.clock = clock;
    }

    public String describe(Date due) {
        if (due == null) {
            return "no clock";
        }
        Duration left = Duration.between(clock.instant(), due.toInstant());
        return left.isNegative() ? "overdue by " + minutes(left.negated()) : "in " + minutes(left);
    }

    public boolean overdue(Date due) {
        return due != null && due.getTime() < clock.millis();
    }

    /** The server's time, so the page's live clocks count from it rather than from the workstation's. */
    public long nowMillis() {
        return clock.millis();
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** A full date and time, always in the force's time zone and saying which: "Mon 7 Dec 2026, 14:02:05 GMT". */
    public String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.format(at);
    }

    public String dateTime(Date at) {
        return at == null ? "" : dateTime(at.toInstant());
    }

    /** For a {@code <time datetime>} attribute. */
    public String iso(Instant at) {
        return at == null ? null : at.toString();
    }

    /** When the page was made, for a printed copy. */
    public String now() {
        return dateTime(clock.instant());
    }

    private static String minutes(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes < 1 ? "under a minute" : minutes < 120 ? minutes + " min" : duration.toHours() + " h " + (minutes % 60) + " min";
    }
}
