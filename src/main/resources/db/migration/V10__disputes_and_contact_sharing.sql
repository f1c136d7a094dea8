-- Inter-agency disputes (dispute/): police contested a partner's rejection. One row per dispute (its process instance
-- id), the tier it reached, the last tier's positions and who stated them, how it ended, and the joint review's learning.
CREATE TABLE rcrp_dispute (
    id                  VARCHAR(64)  PRIMARY KEY,
    case_id             VARCHAR(36)  NOT NULL REFERENCES rcrp_call (id),
    agency              VARCHAR(32)  NOT NULL,
    referral_id         VARCHAR(64),
    state               VARCHAR(16)  NOT NULL,
    tier                INTEGER      NOT NULL,
    police_position     VARCHAR(32),
    partner_position    VARCHAR(32),
    police_decided_by   VARCHAR(255),
    partner_decided_by  VARCHAR(255),
    result              VARCHAR(16),
    outcome             VARCHAR(32),
    opened_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    settled_at          TIMESTAMP WITH TIME ZONE,
    learning_note       VARCHAR(4000),
    reviewed_by         VARCHAR(255),
    reviewed_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_dispute_state ON rcrp_dispute (state, settled_at);
CREATE INDEX ix_dispute_case ON rcrp_dispute (case_id);

-- A family member or friend to contact, beside the caller (optional on POST /api/calls).
ALTER TABLE rcrp_call ADD COLUMN family_name VARCHAR(200);
ALTER TABLE rcrp_call ADD COLUMN family_phone VARCHAR(40);
ALTER TABLE rcrp_call ADD COLUMN family_relationship VARCHAR(100);

-- Contact details a partner asked for and what police decided (casefile/ContactSharing); with whom = the partner's group: who asked, for what, who
-- granted or refused, what was shared with whom, on which lawful basis and information-sharing agreement, when.
CREATE TABLE rcrp_contact_share (
    id                  VARCHAR(36)  PRIMARY KEY,
    case_id             VARCHAR(36)  NOT NULL REFERENCES rcrp_call (id),
    partner_group       VARCHAR(64)  NOT NULL,
    whose               VARCHAR(16)  NOT NULL,
    purpose             VARCHAR(1000) NOT NULL,
    requested_by        VARCHAR(255) NOT NULL,
    requested_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    state               VARCHAR(16)  NOT NULL,
    decided_by          VARCHAR(255),
    decided_at          TIMESTAMP WITH TIME ZONE,
    lawful_basis        VARCHAR(500),
    sharing_agreement   VARCHAR(500),
    shared              VARCHAR(200)
);
CREATE INDEX ix_contact_share_case ON rcrp_contact_share (case_id, partner_group);
CREATE INDEX ix_contact_share_decided ON rcrp_contact_share (decided_at);
