-- Response plans: every agency on a case's plan (the lead, supporting and informed agencies), with its role, grade, the
-- table's reasons and where its part stands (plan/ResponseLedger). One row per case and agency; a new plan updates it.
CREATE TABLE rcrp_response (
    case_id     VARCHAR(36)  NOT NULL REFERENCES rcrp_call (id),
    agency      VARCHAR(32)  NOT NULL,
    role        VARCHAR(16)  NOT NULL,
    grade       VARCHAR(16),
    reason      VARCHAR(2000),
    state       VARCHAR(16)  NOT NULL,
    planned_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_id, agency)
);
