package org.rcrp.handover.process;

/** What new information about a case does to the work in progress. */
public enum RiskAction {
    /** Recorded on the timeline; the work in hand goes on. */
    NONE,
    /** Triage re-opens at once (a crime is reported). */
    RETRIAGE,
    /** Police are sent at once, graded immediate (risk to life or of serious harm). */
    SEND_POLICE
}
