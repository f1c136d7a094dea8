package org.rcrp.handover.operations;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The process engine's clock as a {@link Clock}: the one source of time. Timers, due dates and what the application
 * records all read the engine's {@code ClockUtil}, which process tests and the demo shift move; application code asks
 * for a {@link Clock} (the bean in {@link ClockConfiguration}) and never touches {@code ClockUtil} itself. Value types
 * that Spring does not make (task bodies, page helpers) use {@link #INSTANCE}.
 */
public final class EngineClock extends Clock {

    /** The engine's clock, in UTC. */
    public static final EngineClock INSTANCE = new EngineClock(ZoneOffset.UTC);

    private final ZoneId zone;

    private EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    @Override
    public long millis() {
        return ClockUtil.getCurrentTime().getTime();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new EngineClock(zone);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EngineClock clock && clock.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return zone.hashCode();
    }

    @Override
    public String toString() {
        return "EngineClock[" + zone + "]";
    }
}
