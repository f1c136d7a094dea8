-- What triage and the routing need to know beyond the first questions (README, the triage answers).

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
