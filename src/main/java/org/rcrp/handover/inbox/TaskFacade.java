package org.rcrp.handover.inbox;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.CALL_REFERENCE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.CATEGORY;

import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.journal.CaseJournal;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.TaskCompletion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's work: list, claim, unclaim and complete tasks of their own groups. A user
 * never sees or touches a task of another group; completing needs the task held and a valid body.
 */
@Service
public class TaskFacade {

    private static final Comparator<WorkItem> BY_DUE = Comparator.comparing(WorkItem::due,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(WorkItem::created);

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final CaseJournal journal;
    private final JdbcTemplate jdbc;
    private final String identityLinkTable;
    private final int queueLimit;

    public TaskFacade(TaskService taskService, RuntimeService runtimeService, IdentityService identityService,
                      ManagementService managementService, CaseJournal journal, JdbcTemplate jdbc,
                      @Value("${rcrp.queues.limit:200}") int queueLimit) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.journal = journal;
        this.jdbc = jdbc;
        this.identityLinkTable = managementService.getTableName(IdentityLinkEntity.class);
        this.queueLimit = queueLimit;
    }

    /** The key of a task the user holds, so the caller can read the body that fits it (404, 403, 409 otherwise). */
    @Transactional(readOnly = true)
    public String keyOfHeldTask(String taskId, Actor actor) {
        Task task = visibleTask(taskId, actor);
        if (!actor.userId().equals(task.getAssignee())) {
            throw new TaskProblem(TaskProblem.Kind.CONFLICT, "Claim task " + taskId + " before completing it");
        }
        return task.getTaskDefinitionKey();
    }

    /**
     * Unclaimed tasks of the user's groups, soonest due first: at most {@code rcrp.queues.limit} of them, the
     * soonest; a queue longer than that is a control room in trouble, and loading all of it would make it worse.
     */
    @Transactional(readOnly = true)
    public List<WorkItem> available(Actor actor) {
        if (actor.groups().isEmpty()) {
            return List.of();
        }
        return describe(soonestFirst(taskService.createTaskQuery().taskCandidateGroupIn(List.copyOf(actor.groups())).taskUnassigned()));
    }

    /** Tasks the user holds, soonest due first (at most {@code rcrp.queues.limit}). */
    @Transactional(readOnly = true)
    public List<WorkItem> mine(Actor actor) {
        return describe(soonestFirst(taskService.createTaskQuery().taskAssignee(actor.userId()))).stream()
                .filter(item -> item.candidateGroups().stream().anyMatch(actor::isIn))
                .toList();
    }

    /** Every open task of one key offered to the user's groups, held or not (a supervisor sees who is on each review). */
    @Transactional(readOnly = true)
    public List<WorkItem> open(String taskKey, Actor actor) {
        if (actor.groups().isEmpty()) {
            return List.of();
        }
        return describe(soonestFirst(taskService.createTaskQuery().taskDefinitionKey(taskKey)
                .taskCandidateGroupIn(List.copyOf(actor.groups())).includeAssignedTasks()));
    }

    /** What an open task of the user's groups sees, whoever holds it. */
    @Transactional(readOnly = true)
    public Map<String, Object> variablesOf(String taskId, Actor actor) {
        visibleTask(taskId, actor);
        return taskService.getVariables(taskId);
    }

    /** What the task sees (its own and its case's variables), for a task the user holds. */
    @Transactional(readOnly = true)
    public Map<String, Object> variablesOfHeldTask(String taskId, Actor actor) {
        keyOfHeldTask(taskId, actor);
        return taskService.getVariables(taskId);
    }

    @Transactional
    public void claim(String taskId, Actor actor) {
        Task task = visibleTask(taskId, actor);
        if (actor.userId().equals(task.getAssignee())) {
            return;
        }
        if (task.getAssignee() != null) {
            throw new TaskProblem(TaskProblem.Kind.CONFLICT, "Task " + taskId + " is held by " + task.getAssignee());
        }
        try {
            taskService.claim(taskId, actor.userId());
        } catch (TaskAlreadyClaimedException | OptimisticLockingException raced) {
            throw new TaskProblem(TaskProblem.Kind.CONFLICT, "Task " + taskId + " was claimed by someone else");
        }
        journal(task, actor, "TASK_CLAIMED", task.getName());
    }

    @Transactional
    public void unclaim(String taskId, Actor actor) {
        Task task = visibleTask(taskId, actor);
        if (!actor.userId().equals(task.getAssignee())) {
            throw new TaskProblem(TaskProblem.Kind.CONFLICT, "Task " + taskId + " is not held by " + actor.userId());
        }
        taskService.setAssignee(taskId, null);
        journal(task, actor, "TASK_UNCLAIMED", task.getName());
    }

    @Transactional
    public void complete(String taskId, Actor actor, TaskCompletion body) {
        Task task = visibleTask(taskId, actor);
        if (!actor.userId().equals(task.getAssignee())) {
            throw new TaskProblem(TaskProblem.Kind.CONFLICT, "Claim task " + taskId + " before completing it");
        }
        if (!task.getTaskDefinitionKey().equals(body.taskKey())) {
            throw new TaskProblem(TaskProblem.Kind.INVALID, "Task " + taskId + " is a " + task.getTaskDefinitionKey(),
                    List.of(new FieldError("key", "the body is for " + body.taskKey())));
        }
        Map<String, Object> taskVariables = taskService.getVariables(taskId);
        List<FieldError> errors = body.validate(taskVariables);
        if (!errors.isEmpty()) {
            throw new TaskProblem(TaskProblem.Kind.INVALID, "Invalid body for " + body.taskKey(), errors);
        }
        journal(task, actor, "TASK_COMPLETED", task.getName() + ": " + body.summary());
        // The engine knows who completes: its user operation log and the delegates' decision log record them.
        identityService.setAuthentication(actor.userId(), List.copyOf(actor.groups()));
        try {
            taskService.complete(taskId, body.variables(taskVariables));
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The case (the business key) an open task of the user's groups belongs to. */
    @Transactional(readOnly = true)
    public String caseOf(String taskId, Actor actor) {
        return caseOf(visibleTask(taskId, actor));
    }

    private String caseOf(Task task) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getBusinessKey();
    }

    private void journal(Task task, Actor actor, String type, String detail) {
        String caseId = caseOf(task);
        String role = candidateGroups(task.getId()).stream().filter(actor::isIn).collect(Collectors.joining(","));
        journal.record(caseId, type, actor.userId(), role, detail);
    }

    private Task visibleTask(String taskId, Actor actor) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new TaskProblem(TaskProblem.Kind.NOT_FOUND, "No open task " + taskId);
        }
        if (candidateGroups(taskId).stream().noneMatch(actor::isIn)) {
            throw new TaskProblem(TaskProblem.Kind.FORBIDDEN, "Task " + taskId + " is not for your groups");
        }
        return task;
    }

    /** The groups a task is offered to (its candidate groups), sorted. */
    public List<String> candidateGroups(String taskId) {
        return taskService.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).sorted().toList();
    }

    private List<Task> soonestFirst(TaskQuery query) {
        return query.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(0, queueLimit);
    }

    /** Candidate groups of many tasks in one query, not one query per task. */
    private Map<String, List<String>> candidateGroups(List<Task> tasks) {
        Map<String, List<String>> groups = new HashMap<>();
        List<String> ids = tasks.stream().map(Task::getId).toList();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            jdbc.query("SELECT TASK_ID_, GROUP_ID_ FROM " + identityLinkTable + " WHERE TYPE_ = ? AND GROUP_ID_ IS NOT NULL AND TASK_ID_ IN ("
                            + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
                    row -> {
                        groups.computeIfAbsent(row.getString(1), id -> new java.util.ArrayList<>()).add(row.getString(2));
                    }, java.util.stream.Stream.concat(java.util.stream.Stream.of(IdentityLinkType.CANDIDATE), chunk.stream()).toArray());
        }
        groups.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        return groups;
    }

    private List<WorkItem> describe(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> groups = candidateGroups(tasks);
        Set<String> instanceIds = tasks.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, String> businessKeys = runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).list()
                .stream().collect(Collectors.toMap(ProcessInstance::getId, instance -> String.valueOf(instance.getBusinessKey())));
        Map<String, Map<String, Object>> caseFacts = new HashMap<>();
        runtimeService.createVariableInstanceQuery().processInstanceIdIn(instanceIds.toArray(String[]::new))
                .variableNameIn(CALL_REFERENCE.name(), CATEGORY.name()).list()
                .forEach(variable -> caseFacts.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
                        .put(variable.getName(), variable.getValue()));
        return tasks.stream().map(task -> {
            Map<String, Object> facts = caseFacts.getOrDefault(task.getProcessInstanceId(), Map.of());
            Date due = task.getDueDate();
            return new WorkItem(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                    businessKeys.get(task.getProcessInstanceId()), (String) facts.get(CALL_REFERENCE.name()),
                    (String) facts.get(CATEGORY.name()), groups.getOrDefault(task.getId(), List.of()), task.getAssignee(),
                    task.getCreateTime(), due);
        }).sorted(BY_DUE).toList();
    }
}
