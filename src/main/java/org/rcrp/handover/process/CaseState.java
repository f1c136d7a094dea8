package org.rcrp.handover.process;

/** Where the case stands, as the public API reports it. */
public enum CaseState {
    TRIAGE, POLICE_ATTENDING, REFERRED, HANDOVER, ESCALATED, CLOSED
}
