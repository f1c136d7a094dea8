package org.rcrp.handover.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
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
import org.springframework.beans.factory.ObjectProvider;
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
 * journal entry, clock and figure carries the time it would have had; the clock only moves forward, and only once the
 * job executor has nothing left to run, then is the real one again. It runs before the web server takes requests, so
 * nobody sees the clock set back.
 */
@Component
@ConditionalOnProperty(prefix = "rcrp.demo", name = "seed", havingValue = "true")
public class DemoShiftRunner implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DemoShiftRunner.class);

    /** The longest a step waits for the job executor to make its task (a notice to a partner runs first). */
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration CLAIMED_BEFORE = Duration.ofMinutes(1);

    private final CallIntake intake;
    private final CallRepository calls;
    private final TaskFacade tasks;
    private final ManagementService management;
    private final ObjectProvider<JobExecutor> jobExecutor;
    private final ObjectMapper json;
    private final Validator validator;
    private final ZoneId zone;
    private volatile boolean running;
    private volatile int loaded;
    /** The engine's clock as the shift last set it: it never goes back. */
    private Instant clock;

    public DemoShiftRunner(CallIntake intake, CallRepository calls, TaskFacade tasks, ManagementService management,
                           ObjectProvider<JobExecutor> jobExecutor, ObjectMapper json, Validator validator,
                           @Value("${rcrp.metrics.zone:Europe/London}") ZoneId zone) {
        this.intake = intake;
        this.calls = calls;
        this.tasks = tasks;
        this.management = management;
        this.jobExecutor = jobExecutor;
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
        JobExecutor executor = jobExecutor.getIfAvailable();
        if (executor == null) {
            LOG.warn("Demo data: the job executor is off (camunda.bpm.job-execution.enabled), no sample shift logged");
            return 0;
        }
        // The engine's job executor starts once the application is ready; the shift's notices need it now.
        if (!executor.isActive()) {
            executor.start();
        }
        List<DemoShift.Call> shift = DemoShift.calls(Instant.now(), zone);
        int logged = 0;
        try {
            for (DemoShift.Call call : shift) {
                log(call);
                logged++;
            }
            awaitJobs();
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
        WorkItem task = awaitTask(caseId, step.taskKey(), actor);
        tasks.claim(task.id(), actor);
        at(step.at());
        Class<? extends TaskCompletion> type = TaskBodies.BY_KEY.get(step.taskKey());
        tasks.complete(task.id(), actor, json.convertValue(step.body(), type));
    }

    /** Sets the engine's clock, never back, once the job executor has run everything due before it. */
    private void at(Instant instant) {
        awaitJobs();
        if (clock == null || instant.isAfter(clock)) {
            clock = instant;
        }
        ClockUtil.setCurrentTime(Date.from(clock));
    }

    private WorkItem awaitTask(String caseId, String taskKey, Actor actor) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (WorkItem item : tasks.open(taskKey, actor)) {
                if (caseId.equals(item.callId())) {
                    return item;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Demo data: no " + taskKey + " for " + actor.userId() + " on case " + caseId);
            }
            pause();
        }
    }

    /**
     * Until no job is due on the engine's clock: the notices and clocks of the calls logged so far have run, so moving the
     * clock on neither fires a timer early nor makes a running job's lock look expired. After a while it goes on anyway
     * (a job failing again and again must not stop the start).
     */
    private void awaitJobs() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (management.createJobQuery().executable().count() > 0) {
            if (System.nanoTime() > deadline) {
                LOG.warn("Demo data: jobs still due after {}; going on", WAIT);
                return;
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Demo data: interrupted", interrupted);
        }
    }

    private static Actor actor(String user) {
        return DemoUsers.ALL.stream().filter(demo -> demo.id().equals(user)).findFirst()
                .map(demo -> new Actor(demo.id(), demo.groups()))
                .orElseThrow(() -> new IllegalArgumentException("No demo user " + user));
    }
}
