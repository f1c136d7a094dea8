package org.rcrp.handover.process;

/** What one side of an inter-agency dispute says should happen (interagency-dispute: each side records one). */
public enum DisputePosition {
    POLICE_SHOULD_ATTEND,
    PARTNER_SHOULD_ACCEPT,
    JOINT_RESPONSE,
    NO_FURTHER_ACTION
}
