package org.rcrp.handover.process;

/**
 * Whether a partner referral leads the case (its acceptance makes the person the partner's) or supports another lead
 * (its own clocks, reminders and escalation, but the case's state and responsible agency never move with it).
 */
public enum ReferralRole {
    LEAD, SUPPORT
}
