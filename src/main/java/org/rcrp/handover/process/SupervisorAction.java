package org.rcrp.handover.process;

/** What a police supervisor decides on review (docs/domain.md, Supervisor reviews). */
public enum SupervisorAction {
    /** Chase the agency or officer; for a silent or rejected referral, re-open it with a new clock. */
    CHASE,
    /** Refer to another agency. */
    REROUTE,
    /** Send police. */
    POLICE_ATTEND,
    /** Close the case with a recorded note (for a NOT_LOCATED review also the person's whereabouts). */
    CLOSE,
    /** A person not located: open a police missing-person risk assessment (NOT_LOCATED reviews only). */
    MISSING_PERSON,
    /** s136 past the hour: police leave the place of safety after a recorded risk assessment; the person is health's. */
    WITHDRAW,
    /** s136 past the hour: tell the hospital's on-call manager. */
    ESCALATE
}
