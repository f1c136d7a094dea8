package org.rcrp.handover.notification;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Engine-facing: reads the running job (Camunda internals), so it needs no clock of its own.
 * How often a notice to an agency is tried before a supervisor is told it failed. The models read the
 * cycle ({@code camunda:failedJobRetryTimeCycle = ${notificationRetry.cycle()}}); a force or a test sets
 * it with {@code rcrp.notifications.retry-cycle} ({@code RCRP_NOTIFICATIONS_RETRYCYCLE}), e.g. {@code R3/PT1S}.
 *
 * <p>Camunda 7 has no "retries exhausted" event, so {@link NoticeDelegate} asks {@link #isLastAttempt()} and, on the
 * last attempt, turns a failure into what its kind says (a BPMN error or a journal entry) instead of an incident. With {@code Rn/…} the engine makes n
 * attempts in all: the first runs with the engine's default retries and no recorded exception, after
 * which the job holds the attempts left (n-1 … 1).
 */
@Component("notificationRetry")
public class NotificationRetry {

    private static final Pattern CYCLE = Pattern.compile("R(\\d+)/(P.+)");

    private final String cycle;
    private final int attempts;

    public NotificationRetry(@Value("${rcrp.notifications.retry-cycle:R5/PT1M}") String cycle) {
        Matcher matcher = CYCLE.matcher(cycle == null ? "" : cycle.trim());
        if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < 1) {
            throw new IllegalArgumentException("rcrp.notifications.retry-cycle must look like R5/PT1M (at least one attempt), was " + cycle);
        }
        Duration.parse(matcher.group(2));
        this.cycle = cycle.trim();
        this.attempts = Integer.parseInt(matcher.group(1));
    }

    /** The retry time cycle, as the models read it. */
    public String cycle() {
        return cycle;
    }

    /** Attempts in all, the first included. */
    public int attempts() {
        return attempts;
    }

    /**
     * Whether the job running now is on its last attempt: a failure now would leave an incident that only
     * an administrator sees. Outside a job (a synchronous call) every attempt is the last.
     */
    public boolean isLastAttempt() {
        return currentJob().map(job -> attemptsLeft(job) <= 1).orElse(true);
    }

    private int attemptsLeft(JobEntity job) {
        boolean first = job.getExceptionByteArrayId() == null && job.getExceptionMessage() == null;
        return first ? attempts : job.getRetries();
    }

    /** The id of the job running now: the same on every retry of one notice, so receivers can drop repeats. */
    public static Optional<String> currentJobId() {
        return currentJob().map(JobEntity::getId);
    }

    private static Optional<JobEntity> currentJob() {
        CommandContext commandContext = Context.getCommandContext();
        return Optional.ofNullable(commandContext == null ? null : commandContext.getCurrentJob());
    }
}
