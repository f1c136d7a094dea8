package org.rcrp.handover.process;

/** Who last could not find the person: a CHASE sends the lead partner again, or police for the others. */
public enum NotLocatedBy {
    POLICE, LEAD_PARTNER, SUPPORT_PARTNER
}
