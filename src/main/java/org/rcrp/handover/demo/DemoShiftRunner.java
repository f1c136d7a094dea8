package org.rcrp.handover.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.DemoUsers;
import org.rcrp.handover.inbox.TaskBodies;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.inbox.WorkItem;
import org.rcrp.handover.intake.CallIntake;
import org.rcrp.handover.intake.CallRepository;
import org.rcrp.handover.intake.NewCall;
import org.rcrp.handover.process.TaskCompletion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Logs the {@link DemoShift} at start-up when {@code rcrp.demo.seed} is on (the zero-setup run): through the same
 * services as the API — {@link CallIntake} to log each call, {@link TaskFacade} to claim and complete each task as the
 * demo user would — never by writing the engine's tables. Once: nothing when any call exists already.
 *
 * <p>The month before today is logged on the engine's clock ({@link ClockUtil}) set back to each step's time, so every
 * journal entry, clock and figure carries the time it would have had; the clock only moves forward, and only once every
 * job due on it has run, then is the real one again. It runs before the web server takes requests and before the job
 * executor starts, so nobody sees the clock set back, and the jobs due at each step (notices, continuations, clocks that
 * ran out) are run here, one after another, in this thread: the shift comes out the same on every start.
 */
@Component
@ConditionalOnProperty(prefix = "rcrp.demo", name = "seed", havingValue = "true")
public class DemoShiftRunner implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DemoShiftRunner.class);

    /** How often one job is run before the shift goes on without it (a job that keeps failing must not stop the start). */
    private static final int ATTEMPTS_PER_JOB = 3;
    private static final Duration CLAIMED_BEFORE = Duration.ofMinutes(1);

    private final CallIntake intake;
    private final CallRepository calls;
    private final TaskFacade tasks;
    private final ManagementService management;
    private final ObjectMapper json;
    private final Validator validator;
    private final ZoneId zone;
    private volatile boolean running;
    private volatile int loaded;
    /** The engine's clock as the shift last set it: it never goes back. */
    private Instant clock;

    public DemoShiftRunner(CallIntake intake, CallRepository calls, TaskFacade tasks, ManagementService management,
                           ObjectMapper json, Validator validator,
                           @Value("${rcrp.metrics.zone:Europe/London}") ZoneId zone) {
        this.intake = intake;
        this.calls = calls;
        this.tasks = tasks;
        this.management = management;
        this.json = json;
        this.validator = validator;
        this.zone = zone;
    }

    /** Before the web server starts (its phase is near the end). */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public void start() {
        running = true;
        try {
            seed();
        } catch (RuntimeException failed) {
            // The application works without its demo data: say what went wrong and go on.
            LOG.error("Demo data: the sample shift could not be logged in full", failed);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** How many calls this start logged. */
    public int loadedCalls() {
        return loaded;
    }

    /** Logs the shift unless any call exists: the number of calls logged. */
    public synchronized int seed() {
        if (!calls.latest(1).isEmpty()) {
            LOG.info("Demo data: calls exist already, no sample shift logged");
            return 0;
        }
        List<DemoShift.Call> shift = DemoShift.calls(Instant.now(), zone);
        int logged = 0;
        try {
            for (DemoShift.Call call : shift) {
                log(call);
                logged++;
            }
            runDueJobs();
        } finally {
            ClockUtil.reset();
            clock = null;
            loaded += logged;
        }
        LOG.info("Demo data: a sample shift of {} calls was logged through the processes (rcrp.demo.seed)", logged);
        return logged;
    }

    private void log(DemoShift.Call call) {
        at(call.at());
        NewCall request = json.convertValue(call.body(), NewCall.class);
        Set<ConstraintViolation<NewCall>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("Demo call " + request.reference() + " is not valid: " + violations.stream()
                    .map(violation -> violation.getPropertyPath() + " " + violation.getMessage()).collect(Collectors.joining(", ")));
        }
        CallIntake.Logged logged = intake.log(request, actor(call.user()));
        if (!logged.created()) {
            throw new IllegalStateException("Demo call " + request.reference() + " was there already");
        }
        for (DemoShift.Step step : call.steps()) {
            take(logged.call().id(), step);
        }
    }

    /** Claims the case's task a minute before completing it, as its user, with the step's body. */
    private void take(String caseId, DemoShift.Step step) {
        at(step.at().minus(CLAIMED_BEFORE));
        Actor actor = actor(step.user());
        WorkItem task = task(caseId, step.taskKey(), actor);
        tasks.claim(task.id(), actor);
        at(step.at());
        Class<? extends TaskCompletion> type = TaskBodies.BY_KEY.get(step.taskKey());
        tasks.complete(task.id(), actor, json.convertValue(step.body(), type));
    }

    /** Sets the engine's clock, never back, once every job due before it has run. */
    private void at(Instant instant) {
        runDueJobs();
        if (clock == null || instant.isAfter(clock)) {
            clock = instant;
        }
        ClockUtil.setCurrentTime(Date.from(clock));
    }

    private WorkItem task(String caseId, String taskKey, Actor actor) {
        runDueJobs();
        return tasks.open(taskKey, actor).stream().filter(item -> caseId.equals(item.callId())).findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "Demo data: no " + taskKey + " for " + actor.userId() + " on case " + caseId));
    }

    /**
     * Runs every job due on the engine's clock until none is left: the notices and clocks of the calls logged so far have
     * run, so moving the clock on never fires a timer early. A job that fails is retried by the engine later (its retry
     * clock); one that fails {@value #ATTEMPTS_PER_JOB} times here is left for the job executor.
     */
    private void runDueJobs() {
        Map<String, Integer> attempts = new HashMap<>();
        while (true) {
            List<Job> due = management.createJobQuery().executable().list().stream()
                    .filter(job -> attempts.getOrDefault(job.getId(), 0) < ATTEMPTS_PER_JOB).toList();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                attempts.merge(job.getId(), 1, Integer::sum);
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException failed) {
                    LOG.warn("Demo data: job {} failed ({}); the engine retries it", job.getId(), failed.getMessage());
                }
            }
        }
    }

    private static Actor actor(String user) {
        return DemoUsers.ALL.stream().filter(demo -> demo.id().equals(user)).findFirst()
                .map(demo -> new Actor(demo.id(), demo.groups()))
                .orElseThrow(() -> new IllegalArgumentException("No demo user " + user));
    }
}
