-- The work queues (GET /api/tasks): one row per open task and group it is offered to, written by the inbox
-- package's task listeners in the same transaction as the engine's change to the task, and checked against
-- the engine's tables on every start (WorkItemRows). A queue is then one range of one index, soonest due
-- first, however small the group is against all open tasks (docs/PERFORMANCE-TUNING.md). The engine's own
-- tables stay the authority for who may claim or complete a task.
CREATE TABLE rcrp_work_item (
    task_id   VARCHAR(64)  NOT NULL,
    group_id  VARCHAR(255) NOT NULL,
    task_key  VARCHAR(255),
    name      VARCHAR(255),
    -- the process instance's business key: the case
    case_id   VARCHAR(255),
    assignee  VARCHAR(255),
    -- as the engine keeps them (ACT_RU_TASK.CREATE_TIME_, DUE_DATE_)
    created   TIMESTAMP,
    due       TIMESTAMP,
    CONSTRAINT pk_rcrp_work_item PRIMARY KEY (task_id, group_id)
);
CREATE INDEX ix_work_item_queue ON rcrp_work_item (group_id, due, created, task_id);
CREATE INDEX ix_work_item_assignee ON rcrp_work_item (assignee);
