-- What people write about a case (a note with a task, new information, an override's reason) is kept here only,
-- never in the engine's variables, whose history is kept for years and shown in Cockpit (README, "where notes are
-- kept"). The sizes are TextLimits' (org.rcrp.handover.process), checked against these columns by the tests.

-- The person's own words, apart from the detail (the system's words: task, decision, codes), so a reader can be
-- given one without the other (a partner sees that police added information, not what they wrote).
ALTER TABLE rcrp_case_event ADD COLUMN note VARCHAR(4000);
-- The detail holds at most one rationale or summary, whole, with the system's words around it.
ALTER TABLE rcrp_case_event ALTER COLUMN detail SET DATA TYPE VARCHAR(4500);
-- What the entry is about beyond its case: the process instance (the case's own, a referral, an s136 handover) and,
-- for a task's entry, the task's key. Null on rows written before, and on entries about the case as a whole.
ALTER TABLE rcrp_case_event ADD COLUMN process_instance_id VARCHAR(64);
ALTER TABLE rcrp_case_event ADD COLUMN task_key VARCHAR(255);
