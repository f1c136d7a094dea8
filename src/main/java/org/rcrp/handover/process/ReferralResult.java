package org.rcrp.handover.process;

/** How one partner referral ended, as the call process sees it. */
public enum ReferralResult {
    /** The partner accepted and recorded its outcome: the case can close. */
    COMPLETED,
    /** The partner accepted, then passed the person back to police: re-triage. */
    PASSED_BACK,
    /** A supervisor sent police. */
    POLICE_ATTEND,
    /** A supervisor referred the case to another agency. */
    REROUTE,
    /** A supervisor closed the case with a note. */
    CLOSED,
    /** The partner accepted but could not find the person (NO_CONTACT): back to police, never closed. */
    NOT_LOCATED
}
