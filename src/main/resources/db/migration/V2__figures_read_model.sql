-- The figures managers report (issue 7): a small read model of our own, written by the metrics package's
-- engine listeners in the same transaction as the step that changes it. Aggregated in the database with
-- plain GROUP BY and PERCENTILE_CONT (PostgreSQL and H2 2.x both have it), never by loading cases.
-- Every row carries logged_day: the day (in rcrp.metrics.zone) the call was logged. A period's figures are
-- about the calls logged in it, so a referral or escalation counts with its call, even past midnight.
-- Durations are whole seconds, computed when written, so no query needs interval arithmetic.

-- One row per case.
CREATE TABLE rcrp_report_case (
    case_id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    logged_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    logged_day       DATE         NOT NULL,
    category         VARCHAR(32)  NOT NULL,
    source           VARCHAR(16)  NOT NULL,
    -- the person key (normalised subject name) and age, for re-contacts about the same person
    subject_key      VARCHAR(200),
    subject_age      INTEGER,
    -- the earlier case about the same person within the re-contact window, if any
    recontact_of     VARCHAR(36),
    first_route      VARCHAR(20),
    route            VARCHAR(20),
    grade            VARCHAR(12),
    agency           VARCHAR(24),
    triaged          BOOLEAN      DEFAULT FALSE NOT NULL,
    overridden       BOOLEAN      DEFAULT FALSE NOT NULL,
    police_attended  BOOLEAN      DEFAULT FALSE NOT NULL,
    inform_required  BOOLEAN      DEFAULT FALSE NOT NULL,
    caller_informed  BOOLEAN      DEFAULT FALSE NOT NULL,
    closed_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_report_case_day ON rcrp_report_case (logged_day);
CREATE INDEX ix_report_case_subject ON rcrp_report_case (subject_key, logged_at);

-- One row per referral to one agency (one partner-referral process instance).
CREATE TABLE rcrp_report_referral (
    referral_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
    case_id           VARCHAR(36)  NOT NULL,
    logged_day        DATE         NOT NULL,
    agency            VARCHAR(24)  NOT NULL,
    sent_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the partner's first answer (accept or reject), and the seconds from sending to it
    acknowledged_at   TIMESTAMP WITH TIME ZONE,
    ack_seconds       BIGINT,
    accepted          BOOLEAN      DEFAULT FALSE NOT NULL,
    accepted_at       TIMESTAMP WITH TIME ZONE,
    rejected          BOOLEAN      DEFAULT FALSE NOT NULL,
    reject_reason     VARCHAR(32),
    outcome           VARCHAR(20),
    outcome_at        TIMESTAMP WITH TIME ZONE,
    -- seconds from acceptance to the recorded outcome
    outcome_seconds   BIGINT,
    ack_breaches      INTEGER      DEFAULT 0 NOT NULL,
    outcome_breaches  INTEGER      DEFAULT 0 NOT NULL,
    result            VARCHAR(20),
    ended_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_report_referral_day ON rcrp_report_referral (logged_day, agency);
CREATE INDEX ix_report_referral_case ON rcrp_report_referral (case_id);

-- One row per supervisor review (escalation), in any of the three processes.
CREATE TABLE rcrp_report_escalation (
    escalation_id  VARCHAR(64)  NOT NULL PRIMARY KEY,
    case_id        VARCHAR(36)  NOT NULL,
    referral_id    VARCHAR(64),
    logged_day     DATE         NOT NULL,
    agency         VARCHAR(24)  NOT NULL,
    reason         VARCHAR(24)  NOT NULL,
    raised_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the supervisor's action (CHASE, REROUTE, POLICE_ATTEND, CLOSE), or CANCELLED when the case moved on first
    resolution     VARCHAR(20),
    resolved_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_report_escalation_day ON rcrp_report_escalation (logged_day);
CREATE INDEX ix_report_escalation_open ON rcrp_report_escalation (resolution);

-- One row per s136 place-of-safety handover.
CREATE TABLE rcrp_report_handover (
    handover_id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    case_id                  VARCHAR(36)  NOT NULL,
    logged_day               DATE         NOT NULL,
    arrived_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    handed_over_at           TIMESTAMP WITH TIME ZONE,
    handover_seconds         BIGINT,
    over_the_hour            BOOLEAN      DEFAULT FALSE NOT NULL,
    detention_limit_reached  BOOLEAN      DEFAULT FALSE NOT NULL,
    ended_at                 TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_report_handover_day ON rcrp_report_handover (logged_day);
CREATE INDEX ix_report_handover_open ON rcrp_report_handover (ended_at);
