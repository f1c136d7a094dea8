-- Previous contacts at triage: the other calls about the same person (README, "Previous contacts").
-- A call's keys, kept beside it when it is logged (intake/PreviousContacts): the subject's normalised name (PersonKey)
-- with the age given, and the caller's normalised number (PhoneKey); null where the call has none. A call with neither
-- has no row: it can never be matched. Each key is read as one index range, newest first, whatever the number of cases.
CREATE TABLE rcrp_contact_key (
    case_id      VARCHAR(36)  NOT NULL PRIMARY KEY REFERENCES rcrp_call (id),
    logged_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    subject_key  VARCHAR(200),
    subject_age  INTEGER,
    phone_key    VARCHAR(40)
);
CREATE INDEX ix_contact_key_subject ON rcrp_contact_key (subject_key, logged_at, case_id);
CREATE INDEX ix_contact_key_phone ON rcrp_contact_key (phone_key, logged_at, case_id);

-- Bounced callers: a call about the same person within 24 h of an earlier one (intake/RepeatContacts), shown on the
-- supervisors' escalations page until one of them marks it seen (who and when, journalled on the case too).
CREATE TABLE rcrp_repeat_contact (
    case_id          VARCHAR(36)  NOT NULL PRIMARY KEY REFERENCES rcrp_call (id),
    earlier_case_id  VARCHAR(36)  NOT NULL REFERENCES rcrp_call (id),
    matched_by       VARCHAR(16)  NOT NULL,
    raised_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_by          VARCHAR(100),
    seen_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_repeat_contact_unseen ON rcrp_repeat_contact (seen_at, raised_at);
