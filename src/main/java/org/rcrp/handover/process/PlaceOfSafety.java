package org.rcrp.handover.process;

/** The kind of place of safety an s136 detention ends at; a child is never taken to police custody. */
public enum PlaceOfSafety {
    HEALTH_BASED, EMERGENCY_DEPARTMENT, POLICE_CUSTODY
}
