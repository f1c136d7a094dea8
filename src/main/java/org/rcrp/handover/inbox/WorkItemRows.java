package org.rcrp.handover.inbox;

import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.rcrp.handover.process.InteragencyDisputeProcess;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.S136HandoverProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The work queues' read model ({@code rcrp_work_item}, V3): one row per open task of the three processes and group
 * it is offered to. {@link WorkItemListeners} keeps it in the engine's transaction; on start it is checked against
 * the engine's own tables and corrected: the first start after an upgrade fills it with the tasks already open, and
 * a change the listeners did not see (a task moved by process instance migration) lasts only until the next start.
 */
@Component
public class WorkItemRows {

    /** The processes whose tasks the queues show; any other process deployed to the engine is not RCRP work. */
    static final Set<String> PROCESSES = Set.of(RcrpCallProcess.KEY, PartnerReferralProcess.KEY, S136HandoverProcess.KEY,
            org.rcrp.handover.process.QualityReviewProcess.KEY,
            InteragencyDisputeProcess.KEY);

    private static final Logger LOG = LoggerFactory.getLogger(WorkItemRows.class);
    private static final String COLUMNS = "task_id, group_id, task_key, name, case_id, assignee, created, due";
    private static final String INSERT = "INSERT INTO rcrp_work_item (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final ManagementService managementService;

    public WorkItemRows(JdbcTemplate jdbc, @Lazy ManagementService managementService) {
        this.jdbc = jdbc;
        this.managementService = managementService;
    }

    /** A new task: a row for each group it is offered to. */
    void created(TaskEntity task, String caseId) {
        insert(task, caseId, candidateGroups(task));
    }

    /**
     * The task changed (assignee, due date, name, candidate groups): its rows updated in place, not deleted and
     * inserted again, so a second claim racing the first waits on the first's row and then loses on the engine's own
     * optimistic lock, as it would without the read model.
     */
    void changed(TaskEntity task, String caseId) {
        List<String> groups = candidateGroups(task);
        if (groups.isEmpty()) {
            withdrawn(task.getId());
            return;
        }
        List<Object> arguments = new ArrayList<>(List.of(task.getTaskDefinitionKey(), nullable(task.getName()), nullable(caseId),
                nullable(task.getAssignee()), nullable(timestamp(task.getCreateTime())), nullable(timestamp(task.getDueDate())),
                task.getId()));
        arguments.addAll(groups);
        String inGroups = "group_id IN (" + String.join(",", Collections.nCopies(groups.size(), "?")) + ")";
        int updated = jdbc.update("UPDATE rcrp_work_item SET task_key = ?, name = ?, case_id = ?, assignee = ?, created = ?, due = ?"
                + " WHERE task_id = ? AND " + inGroups, arguments.toArray());
        jdbc.update("DELETE FROM rcrp_work_item WHERE task_id = ? AND NOT " + inGroups,
                Stream.concat(Stream.of(task.getId()), groups.stream()).toArray());
        if (updated < groups.size()) {
            List<String> present = jdbc.queryForList("SELECT group_id FROM rcrp_work_item WHERE task_id = ?", String.class, task.getId());
            insert(task, caseId, groups.stream().filter(group -> !present.contains(group)).toList());
        }
    }

    private void insert(TaskEntity task, String caseId, List<String> groups) {
        List<Object[]> rows = groups.stream().map(group -> new Object[]{task.getId(), group, task.getTaskDefinitionKey(),
                task.getName(), caseId, task.getAssignee(), timestamp(task.getCreateTime()), timestamp(task.getDueDate())}).toList();
        if (rows.isEmpty()) {
            return;
        }
        try {
            jdbc.batchUpdate(INSERT, rows);
        } catch (DuplicateKeyException raced) {
            // Another transaction offered the task to the same group a moment ago: the engine's answer to such a race.
            throw new OptimisticLockingException("Task " + task.getId() + " was changed by another transaction");
        }
    }

    /** A typed null where the value is null: PostgreSQL cannot infer the type of an untyped null parameter in SET. */
    private static Object nullable(Object value) {
        return value == null ? new SqlParameterValue(Types.VARCHAR, null) : value;
    }

    /** The task is completed or deleted. */
    void withdrawn(String taskId) {
        jdbc.update("DELETE FROM rcrp_work_item WHERE task_id = ?", taskId);
    }

    /**
     * The task's candidate groups as they stand in this command. The engine removes a deleted link from the database
     * at the end of the command but leaves it in the task's list, marked deleted.
     */
    static List<String> candidateGroups(TaskEntity task) {
        DbEntityManager entities = Context.getCommandContext().getDbEntityManager();
        return task.getIdentityLinks().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .filter(link -> !entities.isDeleted(link))
                .map(IdentityLinkEntity::getGroupId)
                .distinct()
                .toList();
    }

    private static Timestamp timestamp(Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }

    /**
     * Makes the read model match the engine: removes every row that no open task's candidate group matches in every
     * column, then adds what is missing. Two statements; each sees one consistent snapshot, and since the listeners
     * write in the engine's transaction, on a database they have always kept both find nothing to do.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void reconcile() {
        String engineRows = "SELECT t.ID_ AS task_id, l.GROUP_ID_ AS group_id, t.TASK_DEF_KEY_ AS task_key, t.NAME_ AS name,"
                + " e.BUSINESS_KEY_ AS case_id, t.ASSIGNEE_ AS assignee, t.CREATE_TIME_ AS created, t.DUE_DATE_ AS due FROM "
                + table(TaskEntity.class) + " t JOIN " + table(ExecutionEntity.class) + " e ON e.ID_ = t.PROC_INST_ID_ JOIN "
                + table(ProcessDefinitionEntity.class) + " d ON d.ID_ = t.PROC_DEF_ID_ AND d.KEY_ IN ('"
                + String.join("', '", PROCESSES.stream().sorted().toList()) + "') JOIN " + table(IdentityLinkEntity.class)
                + " l ON l.TASK_ID_ = t.ID_ AND l.TYPE_ = '" + IdentityLinkType.CANDIDATE + "' AND l.GROUP_ID_ IS NOT NULL";
        String same = "s.task_id = w.task_id AND s.group_id = w.group_id AND s.task_key IS NOT DISTINCT FROM w.task_key"
                + " AND s.name IS NOT DISTINCT FROM w.name AND s.case_id IS NOT DISTINCT FROM w.case_id"
                + " AND s.assignee IS NOT DISTINCT FROM w.assignee AND s.created IS NOT DISTINCT FROM w.created"
                + " AND s.due IS NOT DISTINCT FROM w.due";
        try {
            int removed = jdbc.update("DELETE FROM rcrp_work_item w WHERE NOT EXISTS (SELECT 1 FROM (" + engineRows + ") s WHERE "
                    + same + ")");
            int added = jdbc.update("INSERT INTO rcrp_work_item (" + COLUMNS + ") SELECT " + COLUMNS + " FROM (" + engineRows
                    + ") s WHERE NOT EXISTS (SELECT 1 FROM rcrp_work_item w WHERE " + same + ")");
            if (removed + added > 0) {
                LOG.warn("Work queues were out of step with the engine: removed {} rows, added {}", removed, added);
            }
        } catch (DataAccessException raced) {
            // Another node starting at the same moment may insert the same rows; what it corrected is corrected.
            LOG.warn("Could not check the work queues against the engine (another node may be doing it): {}", raced.getMessage());
        }
    }

    private String table(Class<?> entity) {
        return managementService.getTableName(entity);
    }
}
