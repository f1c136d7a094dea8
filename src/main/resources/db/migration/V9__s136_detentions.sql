-- The s136 detention of a case as police and the hospital recorded it: the handover hour and the detention limit run
-- from arrived_at; what people wrote beside these facts (notes, reasons, risk assessments) is in the case journal.
CREATE TABLE rcrp_s136 (
    case_id               VARCHAR(36)   NOT NULL PRIMARY KEY REFERENCES rcrp_call (id),
    detained_at           TIMESTAMP WITH TIME ZONE,
    arrived_at            TIMESTAMP WITH TIME ZONE,
    conveyance            VARCHAR(20),
    conveyance_reason     VARCHAR(1000),
    place_of_safety       VARCHAR(30),
    -- AGREE_DELAY: the time agreed, the hospital user who agreed it and the police officer named as agreeing
    delay_until           TIMESTAMP WITH TIME ZONE,
    delay_agreed_by       VARCHAR(100),
    delay_agreed_with     VARCHAR(200),
    accepted_at           TIMESTAMP WITH TIME ZONE,
    accepted_by           VARCHAR(100),
    -- The responsible clinician's +12 h extension, recorded by a hospital user, once
    extended_at           TIMESTAMP WITH TIME ZONE,
    extended_by           VARCHAR(100),
    extension_clinician   VARCHAR(200),
    assessment_ended_at   TIMESTAMP WITH TIME ZONE,
    assessment_outcome    VARCHAR(40),
    withdrawn_at          TIMESTAMP WITH TIME ZONE,
    withdrawn_by          VARCHAR(100)
);

-- Figures: conveyance mode, place of safety, agreed delays, extensions and police withdrawals per handover.
ALTER TABLE rcrp_report_handover ADD COLUMN conveyance VARCHAR(20);
ALTER TABLE rcrp_report_handover ADD COLUMN place_of_safety VARCHAR(30);
ALTER TABLE rcrp_report_handover ADD COLUMN delay_agreed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE rcrp_report_handover ADD COLUMN extended BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE rcrp_report_handover ADD COLUMN police_withdrew BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE rcrp_report_handover ADD COLUMN assessment_ended_at TIMESTAMP WITH TIME ZONE;
