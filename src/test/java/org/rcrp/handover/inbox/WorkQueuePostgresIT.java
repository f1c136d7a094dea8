package org.rcrp.handover.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.intake.CallIntake;
import org.rcrp.handover.intake.NewCall;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.support.TestDatabase;
import org.rcrp.handover.triage.AssessThreshold;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The work queues' read model on PostgreSQL: every change the engine makes to a task, through our facade or through
 * the engine's own API (as {@code /engine-rest}, Tasklist and Cockpit make them), leaves {@code rcrp_work_item}
 * exactly as the engine's tables say; the start-up check repairs a read model that was changed behind its back.
 */
@SpringBootTest(properties = {TestDatabase.DB_URL, "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
@DirtiesContext
class WorkQueuePostgresIT {

    private static final Actor HANDLER = new Actor("handler1", Set.of("call-handlers"));
    private static final Actor OTHER_HANDLER = new Actor("handler2", Set.of("call-handlers"));
    private static final Actor SUPERVISOR = new Actor("supervisor1", Set.of("police-supervisors"));
    private static final Actor BOTH = new Actor("duty1", Set.of("call-handlers", "police-supervisors"));
    /** What the engine's own tables say the read model should hold, in its columns. */
    private static final String ENGINE_VIEW = "SELECT t.id_, l.group_id_, t.task_def_key_, t.name_, e.business_key_, t.assignee_,"
            + " t.create_time_, t.due_date_ FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_"
            + " JOIN act_ru_identitylink l ON l.task_id_ = t.id_ AND l.type_ = 'candidate' AND l.group_id_ IS NOT NULL"
            + " WHERE e.business_key_ = ?";
    private static final String READ_MODEL = "SELECT task_id, group_id, task_key, name, case_id, assignee, created, due"
            + " FROM rcrp_work_item WHERE case_id = ?";

    @Autowired
    CallIntake intake;
    @Autowired
    TaskFacade tasks;
    @Autowired
    TaskService taskService;
    @Autowired
    WorkItemRows rows;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void followsEveryChangeToATaskWhoeverMakesIt() {
        String caseId = newCase();
        WorkItem triage = only(tasks.available(HANDLER), caseId);
        assertThat(triage.key()).isEqualTo(RcrpCallProcess.Elements.USER_ASSESS_THRESHOLD);
        assertThat(triage.candidateGroups()).containsExactly("call-handlers");
        assertThat(triage.due()).isNotNull();
        assertInStep(caseId);

        tasks.claim(triage.id(), HANDLER);
        assertInStep(caseId);
        assertThat(ofCase(tasks.available(OTHER_HANDLER), caseId)).isEmpty();
        assertThat(only(tasks.mine(HANDLER), caseId).assignee()).isEqualTo("handler1");

        tasks.unclaim(triage.id(), HANDLER);
        assertInStep(caseId);
        assertThat(ofCase(tasks.mine(HANDLER), caseId)).isEmpty();
        assertThat(only(tasks.available(OTHER_HANDLER), caseId).assignee()).isNull();

        // Changes made through the engine's own API, as /engine-rest and Tasklist make them.
        taskService.addCandidateGroup(triage.id(), "police-supervisors");
        assertInStep(caseId);
        assertThat(only(tasks.available(SUPERVISOR), caseId).candidateGroups()).containsExactly("call-handlers", "police-supervisors");
        assertThat(only(tasks.available(BOTH), caseId).id()).as("once, though offered to both its groups").isEqualTo(triage.id());

        taskService.deleteCandidateGroup(triage.id(), "police-supervisors");
        assertInStep(caseId);
        assertThat(ofCase(tasks.available(SUPERVISOR), caseId)).isEmpty();

        Date later = new Date(triage.due().getTime() + Duration.ofHours(1).toMillis());
        Task task = taskService.createTaskQuery().taskId(triage.id()).singleResult();
        task.setDueDate(later);
        taskService.saveTask(task);
        assertInStep(caseId);
        assertThat(only(tasks.available(HANDLER), caseId).due()).isEqualTo(later);

        taskService.claim(triage.id(), "handler2");
        assertInStep(caseId);
        assertThat(only(tasks.mine(OTHER_HANDLER), caseId).id()).isEqualTo(triage.id());
        taskService.setAssignee(triage.id(), "handler1");
        tasks.complete(triage.id(), HANDLER, AssessThreshold.answers(true, false, false, false, false, false,
                "Threat to life: police attend"));
        assertInStep(caseId);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rcrp_work_item WHERE task_id = ?", Integer.class, triage.id())).isZero();
    }

    @Test
    void aQueueIsMostUrgentFirstThenSoonestDueAndOnlyTheUsersGroups() {
        String first = newCase();
        String second = newCase();
        WorkItem sooner = only(tasks.available(HANDLER), second);
        Task task = taskService.createTaskQuery().taskId(sooner.id()).singleResult();
        task.setDueDate(new Date(System.currentTimeMillis() - Duration.ofDays(3650).toMillis()));
        taskService.saveTask(task);

        List<WorkItem> queue = tasks.available(HANDLER);
        // Two 101 calls, both ungraded: the same urgency, so the sooner clock first.
        assertThat(queue.stream().map(WorkItem::id).toList().indexOf(sooner.id()))
                .isLessThan(queue.stream().map(WorkItem::callId).toList().indexOf(first));
        assertThat(queue).isSortedAccordingTo(WorkItem.MOST_URGENT_FIRST);
        String urgent = intake.log(new NewCall("CAD-WQ-" + UUID.randomUUID(), Source.PUBLIC_999, Category.CONCERN_FOR_WELFARE,
                "Screaming, sounds of fighting", null, null, null, null), HANDLER).call().id();
        List<WorkItem> withA999Call = tasks.available(HANDLER);
        assertThat(withA999Call.stream().map(WorkItem::callId).toList().indexOf(urgent))
                .as("an ungraded 999 call before 101 calls whose clocks run out sooner")
                .isLessThan(withA999Call.stream().map(WorkItem::id).toList().indexOf(sooner.id()));
        assertThat(only(withA999Call, urgent).source()).isEqualTo(Source.PUBLIC_999);
        assertThat(queue).allSatisfy(item -> assertThat(item.candidateGroups()).contains("call-handlers"));
        assertThat(ofCase(queue, first)).hasSize(1);
        assertThat(ofCase(tasks.available(new Actor("nobody", Set.of())), first)).isEmpty();
        assertThat(ofCase(tasks.available(new Actor("mhcrisis1", Set.of("mental-health"))), first)).isEmpty();
    }

    @Test
    void theStartUpCheckRepairsARowsChangedBehindItsBack() {
        String caseId = newCase();
        WorkItem triage = only(tasks.available(HANDLER), caseId);
        jdbc.update("UPDATE rcrp_work_item SET due = NULL, assignee = 'someone' WHERE task_id = ?", triage.id());
        jdbc.update("INSERT INTO rcrp_work_item (task_id, group_id, task_key, case_id) VALUES (?, 'mental-health', 'stale', ?)",
                triage.id(), caseId);
        jdbc.update("INSERT INTO rcrp_work_item (task_id, group_id, case_id) VALUES ('no-such-task', 'call-handlers', ?)", caseId);
        String other = newCase();
        jdbc.update("DELETE FROM rcrp_work_item WHERE case_id = ?", other);

        rows.reconcile();

        assertInStep(caseId);
        assertInStep(other);
        assertThat(only(tasks.available(HANDLER), other).key()).isEqualTo(RcrpCallProcess.Elements.USER_ASSESS_THRESHOLD);
    }

    private String newCase() {
        return intake.log(new NewCall("CAD-WQ-" + UUID.randomUUID(), Source.PUBLIC_101, Category.CONCERN_FOR_WELFARE,
                "Neighbour worried", null, null, null, null), HANDLER).call().id();
    }

    private void assertInStep(String caseId) {
        List<Map<String, Object>> engine = jdbc.queryForList(ENGINE_VIEW, caseId);
        List<Map<String, Object>> model = jdbc.queryForList(READ_MODEL, caseId);
        assertThat(model.stream().map(row -> new ArrayList<>(row.values())).toList())
                .containsExactlyInAnyOrderElementsOf(engine.stream().map(row -> new ArrayList<>(row.values())).toList());
    }

    private static List<WorkItem> ofCase(List<WorkItem> queue, String caseId) {
        return queue.stream().filter(item -> caseId.equals(item.callId())).toList();
    }

    private static WorkItem only(List<WorkItem> queue, String caseId) {
        List<WorkItem> items = ofCase(queue, caseId);
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
