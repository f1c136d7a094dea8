package org.rcrp.handover.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.EngineAsUser;
import org.rcrp.handover.intake.CallRepository;
import org.rcrp.handover.journal.CaseJournal;
import org.rcrp.handover.operations.EngineClock;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.AgencyAvailability;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.s136.S136Records;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's work: list, claim, unclaim and complete tasks of their own groups. A user
 * never sees or touches a task of another group; completing needs the task held and a valid body.
 */
@Service
public class TaskFacade {

    private static final String WORK_ITEM_COLUMNS = "task_id, task_key, name, case_id, assignee, created, due";

    private final TaskService taskService;
    private final EngineAsUser engineAsUser;
    private final CaseJournal journal;
    private final CallRepository calls;
    private final AgencyAvailability agencies;
    private final S136Records s136Records;
    private final ZoneId zone;
    private final JdbcTemplate jdbc;
    private final String identityLinkTable;
    private final String openTaskSql;
    private final int queueLimit;
    private final String caseFactsSql;
    private HistoryService historyService;

    private final Clock clock;

    public TaskFacade(TaskService taskService, EngineAsUser engineAsUser,
                      ManagementService managementService, CaseJournal journal, CallRepository calls, AgencyAvailability agencies,
                      JdbcTemplate jdbc, @Value("${rcrp.queues.limit:200}") int queueLimit,
                      @Value("${rcrp.metrics.zone:Europe/London}") ZoneId zone, S136Records s136Records, Clock clock) {
        this.clock = clock;
        this.s136Records = s136Records;
        this.taskService = taskService;
        this.engineAsUser = engineAsUser;
        this.journal = journal;
        this.calls = calls;
        this.agencies = agencies;
        this.zone = zone;
        this.jdbc = jdbc;
        this.identityLinkTable = managementService.getTableName(IdentityLinkEntity.class);
        this.openTaskSql = "SELECT t.ID_, t.NAME_, t.TASK_DEF_KEY_, t.ASSIGNEE_, e.BUSINESS_KEY_, l.GROUP_ID_, t.PROC_INST_ID_, t.CREATE_TIME_ FROM "
                + managementService.getTableName(TaskEntity.class) + " t LEFT JOIN "
                + managementService.getTableName(ExecutionEntity.class) + " e ON e.ID_ = t.PROC_INST_ID_ LEFT JOIN "
                + identityLinkTable + " l ON l.TASK_ID_ = t.ID_ AND l.TYPE_ = ? AND l.GROUP_ID_ IS NOT NULL WHERE t.ID_ = ?";
        this.queueLimit = queueLimit;
        this.caseFactsSql = "SELECT e.BUSINESS_KEY_, v.NAME_, v.TEXT_ FROM " + managementService.getTableName(ExecutionEntity.class)
                + " e JOIN " + managementService.getTableName(org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity.class)
                + " d ON d.ID_ = e.PROC_DEF_ID_ AND d.KEY_ = ? JOIN "
                + managementService.getTableName(org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity.class)
                + " v ON v.EXECUTION_ID_ = e.ID_ AND v.NAME_ IN (?, ?) WHERE e.ID_ = e.PROC_INST_ID_";
    }

    @org.springframework.beans.factory.annotation.Autowired
    void setHistoryService(HistoryService historyService) {
        this.historyService = historyService;
    }

    /** The key of a task the user holds, so the caller can read the body that fits it (404, 403, 409 otherwise). */
    @Transactional(readOnly = true)
    public String keyOfHeldTask(String taskId, Actor actor) {
        return heldTask(taskId, actor).key();
    }

    /**
     * Unclaimed tasks of the user's groups, soonest due first: at most {@code rcrp.queues.limit} of them, the
     * soonest; a queue longer than that is a control room in trouble, and loading all of it would make it worse.
     */
    @Transactional(readOnly = true)
    public List<WorkItem> available(Actor actor) {
        return workItems(actor.groups().stream().sorted()
                .map(group -> new Rows("group_id = ? AND assignee IS NULL", group)).toList(), actor);
    }

    /** The unclaimed task of this key of one case that the user's groups could take (the triage of a call just logged). */
    @Transactional(readOnly = true)
    public java.util.Optional<String> waitingTask(String caseId, String taskKey, Actor actor) {
        if (actor.groups().isEmpty()) {
            return java.util.Optional.empty();
        }
        List<Object> arguments = new ArrayList<>(List.of(caseId, taskKey));
        arguments.addAll(actor.groups());
        return jdbc.queryForList("SELECT task_id FROM rcrp_work_item WHERE case_id = ? AND task_key = ? AND assignee IS NULL"
                + " AND group_id IN (" + placeholders(actor.groups().size()) + ") ORDER BY created, task_id LIMIT 1",
                String.class, arguments.toArray()).stream().findFirst();
    }

    /** Tasks the user holds, soonest due first (at most {@code rcrp.queues.limit}). */
    @Transactional(readOnly = true)
    public List<WorkItem> mine(Actor actor) {
        if (actor.groups().isEmpty()) {
            return List.of();
        }
        List<Object> arguments = new ArrayList<>(List.of(actor.userId()));
        arguments.addAll(actor.groups());
        return workItems(List.of(new Rows("assignee = ? AND group_id IN (" + placeholders(actor.groups().size()) + ")",
                arguments.toArray())), actor);
    }

    /** Every open task of one key offered to the user's groups, held or not (a supervisor sees who is on each review). */
    @Transactional(readOnly = true)
    public List<WorkItem> open(String taskKey, Actor actor) {
        return workItems(actor.groups().stream().sorted()
                .map(group -> new Rows("group_id = ? AND task_key = ?", group, taskKey)).toList(), actor);
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
        OpenTask task = visibleTask(taskId, actor);
        if (actor.userId().equals(task.assignee())) {
            return;
        }
        if (task.assignee() != null) {
            throw new TaskProblem(TaskProblem.Kind.CONFLICT, "Task " + taskId + " is held by " + task.assignee());
        }
        try {
            taskService.claim(taskId, actor.userId());
        } catch (TaskAlreadyClaimedException | OptimisticLockingException raced) {
            throw new TaskProblem(TaskProblem.Kind.CONFLICT, "Task " + taskId + " was claimed by someone else");
        }
        journal(task, actor, "TASK_CLAIMED", task.name(), null);
    }

    @Transactional
    public void unclaim(String taskId, Actor actor) {
        OpenTask task = visibleTask(taskId, actor);
        if (!actor.userId().equals(task.assignee())) {
            throw new TaskProblem(TaskProblem.Kind.CONFLICT, "Task " + taskId + " is not held by " + actor.userId());
        }
        taskService.setAssignee(taskId, null);
        journal(task, actor, "TASK_UNCLAIMED", task.name(), null);
    }

    /**
     * Completes a held task with a valid body, one that refers the case to no agency this force does not refer to
     * ({@link AgencyAvailability}). The case is locked first ({@link CallRepository#lockForChange}), as new
     * information locks it, so one waits for the other: a decision that must be taken on everything known (triage) is
     * refused when new information reached the case after what the person had seen, and otherwise reads what the new
     * information raised (the task's variables are read after the lock).
     */
    @Transactional
    public void complete(String taskId, Actor actor, TaskCompletion body) {
        OpenTask task = heldTask(taskId, actor);
        if (!task.key().equals(body.taskKey())) {
            throw new TaskProblem(TaskProblem.Kind.INVALID, "Task " + taskId + " is a " + task.key(),
                    List.of(new FieldError("key", "the body is for " + body.taskKey())));
        }
        if (task.caseId() != null) {
            calls.lockForChange(task.caseId());
        }
        Map<String, Object> taskVariables = taskService.getVariables(taskId);
        body.refusalFor(actor.userId(), taskVariables).ifPresent(refusal -> {
            throw new TaskProblem(TaskProblem.Kind.FORBIDDEN, refusal);
        });
        List<FieldError> errors = new ArrayList<>(body.validate(taskVariables));
        errors.addAll(agencies.refusals(body.referredTo()));
        if (!errors.isEmpty()) {
            throw new TaskProblem(TaskProblem.Kind.INVALID, "Invalid body for " + body.taskKey(), errors);
        }
        if (body.decidesOnEverythingKnown() && task.caseId() != null) {
            NewInformationCheck.refusal(journal.entries(task.caseId()), body.seenUpdates(),
                    entry -> "TASK_CLAIMED".equals(entry.type()) && actor.userId().equals(entry.actor())
                            && task.key().equals(entry.taskKey()) && task.processInstanceId().equals(entry.processInstanceId()),
                    task.createdAt(), zone)
                    .ifPresent(refusal -> {
                        throw new TaskProblem(TaskProblem.Kind.STALE, refusal);
                    });
        }
        journal(task, actor, "TASK_COMPLETED", task.name() + ": " + body.summary(), body.note(), body.answers());
        s136Records.completed(task.caseId(), actor.userId(), body, clock.instant());
        // The engine knows who completes: its user operation log and the delegates' decision log record them.
        engineAsUser.run(actor, () -> taskService.complete(taskId, body.variables(taskVariables)));
    }

    /** An open task's name and clock as its page shows them: when it was created and when it is due (null: no clock). */
    public record TaskClock(String name, Instant created, Date due) {
    }

    /** The name and clock of an open task of the user's groups. */
    @Transactional(readOnly = true)
    public TaskClock clockOf(String taskId, Actor actor) {
        OpenTask task = visibleTask(taskId, actor);
        org.camunda.bpm.engine.task.Task engineTask = taskService.createTaskQuery().taskId(taskId).singleResult();
        return new TaskClock(task.name(), task.createdAt(), engineTask == null ? null : engineTask.getDueDate());
    }

    /** The case (the business key) an open task of the user's groups belongs to. */
    @Transactional(readOnly = true)
    public String caseOf(String taskId, Actor actor) {
        return visibleTask(taskId, actor).caseId();
    }

    /** The entry is about the task (its process instance and key); what the person wrote is its note, never the engine's. */
    private void journal(OpenTask task, Actor actor, String type, String detail, String note) {
        journal(task, actor, type, detail, note, Map.of());
    }

    private void journal(OpenTask task, Actor actor, String type, String detail, String note, Map<String, String> answers) {
        String role = task.candidateGroups().stream().filter(actor::isIn).collect(Collectors.joining(","));
        journal.record(task.caseId(), CaseJournal.About.task(task.processInstanceId(), task.key()), type, actor.userId(),
                role, detail, note == null ? null : note.strip(), answers);
    }

    private OpenTask heldTask(String taskId, Actor actor) {
        OpenTask task = visibleTask(taskId, actor);
        if (!actor.userId().equals(task.assignee())) {
            throw new TaskProblem(TaskProblem.Kind.CONFLICT, "Claim task " + taskId + " before completing it");
        }
        return task;
    }

    private OpenTask visibleTask(String taskId, Actor actor) {
        OpenTask task = openTask(taskId);
        if (task == null || task.candidateGroups().stream().noneMatch(actor::isIn)) {
            throw new TaskProblem(TaskProblem.Kind.NOT_FOUND, "No open task " + taskId + " for your groups");
        }
        return task;
    }

    /**
     * The task, its case and its candidate groups in one query: each claim and completion checks them, and four
     * engine queries for it cost more than the engine's own claim (docs/PERFORMANCE-TUNING.md).
     */
    private OpenTask openTask(String taskId) {
        List<OpenTask> rows = jdbc.query(openTaskSql, (row, number) -> new OpenTask(row.getString(1), row.getString(2),
                row.getString(3), row.getString(4), row.getString(5), row.getString(6) == null ? List.of() : List.of(row.getString(6)),
                row.getString(7), row.getTimestamp(8).toInstant()), IdentityLinkType.CANDIDATE, taskId);
        if (rows.isEmpty()) {
            return null;
        }
        OpenTask first = rows.get(0);
        List<String> groups = rows.stream().flatMap(row -> row.candidateGroups().stream()).distinct().sorted().toList();
        return new OpenTask(first.id(), first.name(), first.key(), first.assignee(), first.caseId(), groups,
                first.processInstanceId(), first.createdAt());
    }

    private record OpenTask(String id, String name, String key, String assignee, String caseId, List<String> candidateGroups,
                            String processInstanceId, Instant createdAt) {
    }

    /** What a history-based answer counts as the same moment: one transaction's work, stamped a little apart. */
    private static final long SAME_MOMENT_MILLIS = 2000;

    /**
     * What became of a task the user can no longer complete, when it is (or was) offered to one of their groups: who
     * completed it, or what ended it (its clock, an event, the end of its process) and what was opened next in its own
     * process; or who holds it now. Empty for a task that never was theirs to see.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<TaskFate> fate(String taskId, Actor actor) {
        OpenTask open = openTask(taskId);
        if (open != null) {
            if (open.candidateGroups().stream().noneMatch(actor::isIn)) {
                return java.util.Optional.empty();
            }
            String holder = open.assignee() == null ? "Nobody holds it now: it is back in your team's queue, and you can claim it again."
                    : actor.userId().equals(open.assignee()) ? "You hold it." : open.assignee() + " holds it now.";
            return java.util.Optional.of(new TaskFate(open.name(), open.key(), open.caseId(), reference(open.caseId()), true,
                    List.of("It is still open, but it is not yours to complete. " + holder)));
        }
        HistoricTaskInstance task = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (task == null || task.getEndTime() == null || loggedCandidateGroups(taskId).stream().noneMatch(actor::isIn)) {
            return java.util.Optional.empty();
        }
        HistoricProcessInstance process = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        String caseId = process == null ? null : process.getBusinessKey();
        Instant ended = task.getEndTime().toInstant();
        List<String> happened = new ArrayList<>();
        if ("completed".equals(task.getDeleteReason())) {
            happened.add((actor.userId().equals(task.getAssignee()) ? "You" : task.getAssignee() == null ? "Someone" : task.getAssignee())
                    + " completed it at " + when(ended) + ".");
        } else {
            happened.add(whatEnded(task, process, ended));
        }
        historyService.createHistoricTaskInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .startedAfter(Date.from(ended.minusMillis(SAME_MOMENT_MILLIS))).list().stream()
                .filter(next -> !next.getId().equals(taskId) && !next.getStartTime().toInstant().isBefore(ended.minusMillis(SAME_MOMENT_MILLIS)))
                .sorted(Comparator.comparing(HistoricTaskInstance::getStartTime)).limit(3)
                .forEach(next -> happened.add("“" + next.getName() + "” was opened" + forGroups(loggedCandidateGroups(next.getId()))
                        + " at " + when(next.getStartTime().toInstant()) + "."));
        return java.util.Optional.of(new TaskFate(task.getName(), task.getTaskDefinitionKey(), caseId, reference(caseId), false,
                happened));
    }

    /** The boundary event that ended the task at that moment, or the end of its process, in words. */
    private String whatEnded(HistoricTaskInstance task, HistoricProcessInstance process, Instant ended) {
        for (HistoricActivityInstance event : historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).startedAfter(Date.from(ended.minusMillis(SAME_MOMENT_MILLIS))).list()) {
            boolean sameMoment = Math.abs(event.getStartTime().toInstant().toEpochMilli() - ended.toEpochMilli()) <= SAME_MOMENT_MILLIS;
            if (!sameMoment || event.getActivityType() == null || !event.getActivityType().startsWith("boundary")) {
                continue;
            }
            String name = event.getActivityName() == null ? "" : " (“" + event.getActivityName() + "”)";
            return "boundaryTimer".equals(event.getActivityType())
                    ? "Its clock ran out at " + when(ended) + name + "."
                    : "It was ended at " + when(ended) + name + ".";
        }
        String reason = process != null && process.getEndTime() != null ? process.getDeleteReason() : task.getDeleteReason();
        boolean readable = reason != null && reason.contains(" ");
        return "It was ended at " + when(ended) + (readable ? ": " + reason.strip() : ".");
    }

    /** The groups a task (open or ended) was offered to, as the history logged them. */
    private List<String> loggedCandidateGroups(String taskId) {
        return historyService.createHistoricIdentityLinkLogQuery().taskId(taskId).type(IdentityLinkType.CANDIDATE).list().stream()
                .map(HistoricIdentityLinkLog::getGroupId).filter(java.util.Objects::nonNull).distinct().sorted().toList();
    }

    private static String forGroups(List<String> groups) {
        return groups.isEmpty() ? "" : " for " + groups.stream().map(group -> group.replace('-', ' ')).collect(Collectors.joining(", "));
    }

    private String reference(String caseId) {
        return caseId == null ? null : calls.findById(caseId).map(org.rcrp.handover.intake.CallRecord::reference).orElse(null);
    }

    private String when(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm 'on' d MMMM yyyy", java.util.Locale.UK).withZone(zone).format(at);
    }

    /** The groups a task is offered to (its candidate groups), sorted. */
    public List<String> candidateGroups(String taskId) {
        return jdbc.queryForList("SELECT DISTINCT GROUP_ID_ FROM " + identityLinkTable
                + " WHERE TYPE_ = ? AND GROUP_ID_ IS NOT NULL AND TASK_ID_ = ? ORDER BY GROUP_ID_", String.class,
                IdentityLinkType.CANDIDATE, taskId);
    }

    /** Rows of the work-item read model: a condition on {@code rcrp_work_item} and its arguments. */
    private record Rows(String condition, Object... arguments) {
    }

    /**
     * One page of tasks, soonest due first, with their case's reference and category (from {@code rcrp_call}), then
     * the page's candidate groups in one more query: two queries for a page, whatever its length. Each source is its
     * own range of the read model's queue index, cut at the page's length before they are merged; a task offered to
     * two of the user's groups is in two sources (or two rows of one) and on the page once.
     */
    private List<WorkItem> workItems(List<Rows> sources, Actor actor) {
        if (sources.isEmpty()) {
            return List.of();
        }
        List<Object> arguments = new ArrayList<>();
        List<String> selects = new ArrayList<>();
        for (Rows source : sources) {
            selects.add("SELECT * FROM (SELECT " + WORK_ITEM_COLUMNS + " FROM rcrp_work_item WHERE " + source.condition()
                    + " ORDER BY " + soonestDue("") + " LIMIT ?) s" + selects.size());
            arguments.addAll(List.of(source.arguments()));
            arguments.add(queueLimit);
        }
        arguments.add(queueLimit);
        String sql = "SELECT w.task_id, w.task_key, w.name, w.case_id, c.reference, c.category, w.assignee, w.created, w.due,"
                + " c.source, c.subject_name, c.location_description, c.summary, c.logged_at FROM ("
                + String.join(" UNION ", selects) + ") w LEFT JOIN rcrp_call c ON c.id = w.case_id ORDER BY "
                + soonestDue("w.") + " LIMIT ?";
        List<WorkItem> page = jdbc.query(sql, (row, number) -> new WorkItem(row.getString(1), row.getString(2),
                row.getString(3), row.getString(4), row.getString(5), row.getString(6), List.of(), row.getString(7),
                dateOf(row.getTimestamp(8)), dateOf(row.getTimestamp(9)),
                // Where a call came from is police's: a partner never sees it (docs/api.md, What a partner sees).
                actor.isPolice() ? enumOf(Source.class, row.getString(10)) : null, null, null,
                row.getString(11), row.getString(12), row.getString(13), dateOf(row.getTimestamp(14))), arguments.toArray());
        if (page.isEmpty()) {
            return page;
        }
        page = page.stream().distinct().toList();
        Map<String, List<String>> groups = new HashMap<>();
        jdbc.query("SELECT task_id, group_id FROM rcrp_work_item WHERE task_id IN (" + placeholders(page.size()) + ")",
                row -> {
                    groups.computeIfAbsent(row.getString(1), id -> new ArrayList<>()).add(row.getString(2));
                }, page.stream().map(WorkItem::id).toArray());
        groups.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        Map<String, Map<String, String>> cases = caseFacts(page.stream().map(WorkItem::callId).filter(java.util.Objects::nonNull)
                .distinct().toList());
        return page.stream().map(item -> item.offeredTo(groups.getOrDefault(item.id(), List.of())))
                .map(item -> {
                    Map<String, String> facts = cases.getOrDefault(item.callId(), Map.of());
                    return item.graded(enumOf(Grade.class, facts.get(RcrpCallProcess.Variables.GRADE.name())),
                            enumOf(Agency.class, facts.get(RcrpCallProcess.Variables.AGENCY.name())));
                })
                .sorted(WorkItem.MOST_URGENT_FIRST).toList();
    }

    /**
     * The grade and lead agency of these cases as their call process keeps them now (one query for a page): a grade
     * raised by new information shows at once.
     */
    private Map<String, Map<String, String>> caseFacts(List<String> caseIds) {
        Map<String, Map<String, String>> facts = new HashMap<>();
        if (caseIds.isEmpty()) {
            return facts;
        }
        List<Object> arguments = new ArrayList<>(List.of(RcrpCallProcess.KEY, RcrpCallProcess.Variables.GRADE.name(),
                RcrpCallProcess.Variables.AGENCY.name()));
        arguments.addAll(caseIds);
        jdbc.query(caseFactsSql + " AND e.BUSINESS_KEY_ IN (" + placeholders(caseIds.size()) + ")", row -> {
            facts.computeIfAbsent(row.getString(1), id -> new HashMap<>()).put(row.getString(2), row.getString(3));
        }, arguments.toArray());
        return facts;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String code) {
        if (code == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, code);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /**
     * The user's queues narrowed by what they chose (docs/api.md, Work queues): a category, an agency (the case's
     * lead agency), only tasks past their clock. The queue's order stays most urgent first.
     */
    public record QueueFilter(Category category, Agency agency, boolean overdue) {

        public static final QueueFilter NONE = new QueueFilter(null, null, false);

        public List<WorkItem> apply(List<WorkItem> items) {
            Date now = Date.from(EngineClock.INSTANCE.instant());
            return items.stream()
                    .filter(item -> category == null || category.name().equals(item.category()))
                    .filter(item -> agency == null || agency == item.agency())
                    .filter(item -> !overdue || item.overdueAt(now))
                    .toList();
        }

        public boolean any() {
            return category != null || agency != null || overdue;
        }
    }

    private static Date dateOf(Timestamp timestamp) {
        return timestamp == null ? null : new Date(timestamp.getTime());
    }

    /** The read model's queue order; its index ({@code ix_work_item_queue}) is in this order after the group. */
    private static String soonestDue(String alias) {
        return alias + "due ASC NULLS LAST, " + alias + "created ASC, " + alias + "task_id";
    }

    private static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }
}
