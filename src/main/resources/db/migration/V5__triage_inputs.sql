-- What triage and the routing need to know beyond the first questions: the call's walk-out and AWOL details, the
-- triage answers kept with their journal entry.

-- How a patient detained under the Mental Health Act came to be absent (AwolKind), for an AWOL call.
ALTER TABLE rcrp_call ADD COLUMN awol_kind VARCHAR(20);
-- A walk-out from a healthcare setting: the kind of setting (WalkoutSetting), the setting's answers, how the person
-- looks (a person's words, sized from TextLimits.WALKOUT_DESCRIPTION) and when they were last seen.
ALTER TABLE rcrp_call ADD COLUMN walkout_setting VARCHAR(32);
ALTER TABLE rcrp_call ADD COLUMN walkout_detained BOOLEAN;
ALTER TABLE rcrp_call ADD COLUMN walkout_risk_assessment_given BOOLEAN;
ALTER TABLE rcrp_call ADD COLUMN walkout_description VARCHAR(1000);
ALTER TABLE rcrp_call ADD COLUMN walkout_last_seen TIMESTAMP WITH TIME ZONE;
ALTER TABLE rcrp_call ADD COLUMN walkout_capacity_concern BOOLEAN;

-- The answers given with a journal entry (the triage questions: whereabouts, entry, last seen, what the caller did,
-- THRIVE), one row per question answered, named by its JSON path (thrive.harm). They may hold a person's own words, so
-- like the entry's note they are kept here only, never in the engine; sized from TextLimits.JOURNAL_ANSWER.
CREATE TABLE rcrp_case_event_answer (
    event_id BIGINT        NOT NULL REFERENCES rcrp_case_event (id),
    question VARCHAR(40)   NOT NULL,
    answer   VARCHAR(1000) NOT NULL,
    CONSTRAINT pk_rcrp_case_event_answer PRIMARY KEY (event_id, question)
);
