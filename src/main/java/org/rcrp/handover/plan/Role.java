package org.rcrp.handover.plan;

/** An agency's part in a response plan. */
public enum Role {
    /** Owns the response: police, or the partner whose acceptance makes the person theirs. */
    LEAD,
    /** Acts beside the lead with its own referral, clocks and escalation; never owns the case. */
    SUPPORT,
    /** Is told, with no task: e.g. the crisis team when police lead for someone known to it. */
    INFORMED
}
