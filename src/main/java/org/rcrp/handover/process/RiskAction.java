package org.rcrp.handover.process;

/** What new information about a case does to the work in progress. */
public enum RiskAction {
    /** Recorded on the timeline; the work in hand goes on. */
    NONE,
    /** Triage re-opens at once (a crime is reported). */
    RETRIAGE,
    /** Police are sent at once, graded immediate (risk to life or of serious harm). */
    SEND_POLICE,
    /**
     * Risk to life or of serious harm while a partner holds the referral: police are added and lead at the immediate
     * grade, and the partner's referral goes on beside them (condition_police_added); nothing of the partner's is cancelled.
     */
    ADD_POLICE
}
