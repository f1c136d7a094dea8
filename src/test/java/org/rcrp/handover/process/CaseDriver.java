package org.rcrp.handover.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.rcrp.handover.intake.CallProcessFacade;
import org.rcrp.handover.intake.CaseUpdate;

/**
 * Drives cases through the real models the way people and partner systems do: typed task bodies
 * (validated first, as the API will), new information by message, clocks by executing timer jobs.
 */
public final class CaseDriver {

    private static final AtomicInteger REFERENCES = new AtomicInteger();

    private final ProcessEngine engine;
    private boolean retryFailingJobs;

    public CaseDriver(ProcessEngine engine) {
        this.engine = engine;
    }

    /**
     * From now on {@link #runAsyncJobs} retries a failing job at once, as the job executor would after its
     * retry interval, until it succeeds or its retries are used up (a failing notice then raises a review).
     */
    public CaseDriver retryingFailingJobs() {
        this.retryFailingJobs = true;
        return this;
    }

    public ProcessInstance logCall(Category category, Map<String, Object> details) {
        Map<String, Object> variables = new HashMap<>();
        RcrpCallProcess.Variables.CALL_REFERENCE.putInto(variables, "CAD-TEST-" + REFERENCES.incrementAndGet());
        RcrpCallProcess.Variables.PLAN_REQUESTS.putInto(variables, "");
        RcrpCallProcess.Variables.CATEGORY.putInto(variables, category);
        RcrpCallProcess.Variables.URBAN.putInto(variables, true);
        if (category == Category.AWOL) {
            RcrpCallProcess.Variables.AWOL_RETAKE_EXPIRY.putInto(variables, "2026-12-01");
        }
        variables.putAll(details);
        ProcessInstance instance = engine.getRuntimeService()
                .startProcessInstanceByKey(RcrpCallProcess.KEY, UUID.randomUUID().toString(), variables);
        runAsyncJobs(instance);
        return instance;
    }

    /** Ids of the case's process instance and of every referral or handover it called. */
    public List<String> instanceIds(ProcessInstance caseInstance) {
        List<String> ids = new ArrayList<>();
        engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(caseInstance.getBusinessKey()).list()
                .forEach(instance -> ids.add(instance.getId()));
        return ids;
    }

    public List<Task> openTasks(ProcessInstance caseInstance) {
        return engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(caseInstance.getBusinessKey()).list();
    }

    public Optional<Task> findTask(ProcessInstance caseInstance, String key) {
        List<Task> tasks = engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(caseInstance.getBusinessKey())
                .taskDefinitionKey(key).orderByTaskCreateTime().asc().list();
        return tasks.stream().findFirst();
    }

    public Task task(ProcessInstance caseInstance, String key) {
        return findTask(caseInstance, key).orElseThrow(() -> new AssertionError(
                "No open task " + key + "; open: " + openTasks(caseInstance).stream().map(Task::getTaskDefinitionKey).toList()));
    }

    /** Problems the body has against the case's open task of its key. */
    public List<FieldError> check(ProcessInstance caseInstance, TaskCompletion body) {
        Task task = task(caseInstance, body.taskKey());
        return body.validate(engine.getTaskService().getVariables(task.getId()));
    }

    public void complete(ProcessInstance caseInstance, TaskCompletion body) {
        complete(task(caseInstance, body.taskKey()), caseInstance, body);
    }

    public void complete(Task task, ProcessInstance caseInstance, TaskCompletion body) {
        Map<String, Object> taskVariables = engine.getTaskService().getVariables(task.getId());
        List<FieldError> errors = body.validate(taskVariables);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Invalid " + body.taskKey() + ": " + errors);
        }
        engine.getTaskService().complete(task.getId(), body.variables(taskVariables));
        runAsyncJobs(caseInstance);
    }

    /** New information as the application sends it (the note itself goes to the journal, which these tests have not). */
    public void newInformation(ProcessInstance caseInstance, String note, boolean riskToLife, boolean seriousHarm, boolean crime) {
        CallProcessFacade.correlate(engine.getRuntimeService(), engine.getHistoryService(), caseInstance.getId(),
                new CaseUpdate(note, riskToLife, seriousHarm, crime));
        runAsyncJobs(caseInstance);
    }

    public Optional<Job> findTimer(ProcessInstance caseInstance, String activityId) {
        return instanceIds(caseInstance).stream()
                .flatMap(id -> engine.getManagementService().createJobQuery().processInstanceId(id)
                        .timers().activityId(activityId).list().stream())
                .findFirst();
    }

    public Job timer(ProcessInstance caseInstance, String activityId) {
        return findTimer(caseInstance, activityId).orElseThrow(() -> new AssertionError("No timer " + activityId));
    }

    /** The clock reached the timer's due date: it fires, and whatever it starts runs. */
    public void fireTimer(ProcessInstance caseInstance, String activityId) {
        engine.getManagementService().executeJob(timer(caseInstance, activityId).getId());
        runAsyncJobs(caseInstance);
    }

    /** The clock reached the timer's due date: it fires; asynchronous steps it reaches wait for {@link #attempt}. */
    public void fireTimerOnly(ProcessInstance caseInstance, String activityId) {
        engine.getManagementService().executeJob(timer(caseInstance, activityId).getId());
    }

    /** The asynchronous job waiting before the activity (a notice on its way). */
    public Job asyncJob(ProcessInstance caseInstance, String activityId) {
        return instanceIds(caseInstance).stream()
                .flatMap(id -> engine.getManagementService().createJobQuery().processInstanceId(id)
                        .messages().activityId(activityId).list().stream())
                .findFirst().orElseThrow(() -> new AssertionError("No asynchronous job before " + activityId));
    }

    /**
     * One attempt of the job before the activity, as the job executor makes it (whatever its due date):
     * true when it failed and the engine will try again.
     */
    public boolean attempt(ProcessInstance caseInstance, String activityId) {
        try {
            engine.getManagementService().executeJob(asyncJob(caseInstance, activityId).getId());
            return false;
        } catch (RuntimeException failed) {
            return true;
        }
    }

    /** Runs the asynchronous continuations (notifications) the job executor would run, until none is left. */
    public void runAsyncJobs(ProcessInstance caseInstance) {
        if (retryFailingJobs) {
            runAsyncJobsRetryingFailures(caseInstance);
            return;
        }
        for (int round = 0; round < 100; round++) {
            List<Job> jobs = instanceIds(caseInstance).stream()
                    .flatMap(id -> engine.getManagementService().createJobQuery().processInstanceId(id)
                            .messages().executable().list().stream())
                    .toList();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        throw new AssertionError("Asynchronous jobs did not settle");
    }

    private void runAsyncJobsRetryingFailures(ProcessInstance caseInstance) {
        for (int round = 0; round < 200; round++) {
            List<Job> jobs = instanceIds(caseInstance).stream()
                    .flatMap(id -> engine.getManagementService().createJobQuery().processInstanceId(id)
                            .messages().withRetriesLeft().list().stream())
                    .toList();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                try {
                    engine.getManagementService().executeJob(job.getId());
                } catch (RuntimeException failedAttempt) {
                    // The engine counted the attempt down; the next round tries again.
                }
            }
        }
        throw new AssertionError("Asynchronous jobs did not settle");
    }

    public boolean isClosed(ProcessInstance caseInstance) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(caseInstance.getId()).count() == 0;
    }

    /** The case's variables, live or (once closed) from history. */
    public Map<String, Object> caseVariables(ProcessInstance caseInstance) {
        Map<String, Object> variables = new HashMap<>();
        if (isClosed(caseInstance)) {
            engine.getHistoryService().createHistoricVariableInstanceQuery()
                    .processInstanceId(caseInstance.getId()).list().stream()
                    .filter(variable -> variable.getActivityInstanceId().equals(caseInstance.getId()))
                    .forEach(variable -> variables.put(variable.getName(), variable.getValue()));
        } else {
            variables.putAll(engine.getRuntimeService().getVariables(caseInstance.getId()));
        }
        return variables;
    }

    public <T> T caseVariable(ProcessInstance caseInstance, ProcessVariable<T> variable) {
        return variable.from(caseVariables(caseInstance));
    }
}
