package org.rcrp.handover.process;

import java.util.EnumSet;
import java.util.Set;

/**
 * Why a police supervisor is asked to review a case, and what the supervisor may do about it.
 * Overdue clocks that run beside work still in hand (triage, attendance, partner outcome, handover)
 * can only be chased: the work stays with whoever holds it.
 */
public enum ReviewReason {
    TRIAGE_OVERDUE(EnumSet.of(SupervisorAction.CHASE)),
    ATTENDANCE_OVERDUE(EnumSet.of(SupervisorAction.CHASE)),
    NO_RESPONSE(EnumSet.of(SupervisorAction.CHASE, SupervisorAction.REROUTE, SupervisorAction.POLICE_ATTEND, SupervisorAction.CLOSE)),
    REJECTED(EnumSet.of(SupervisorAction.CHASE, SupervisorAction.REROUTE, SupervisorAction.POLICE_ATTEND, SupervisorAction.CLOSE)),
    OUTCOME_OVERDUE(EnumSet.of(SupervisorAction.CHASE)),
    /**
     * Past the s136 hour (or the time agreed): chase the hospital; withdraw (police leave after a recorded risk
     * assessment); or escalate to the hospital's on-call manager.
     */
    HANDOVER_OVERDUE(EnumSet.of(SupervisorAction.CHASE, SupervisorAction.WITHDRAW, SupervisorAction.ESCALATE)),
    DETENTION_LIMIT(EnumSet.of(SupervisorAction.CHASE)),
    /**
     * A notice to the agency (referral made, reminder, escalation) did not go out after every retry.
     * CHASE sends a failed referral notice again with a new clock, or records that the supervisor chased
     * the agency by other means when the failed notice was a reminder or escalation; REROUTE or
     * POLICE_ATTEND take the person elsewhere. CLOSE is not offered: an undelivered notice is no reason
     * to close a case.
     */
    NOTIFICATION_FAILED(EnumSet.of(SupervisorAction.CHASE, SupervisorAction.REROUTE, SupervisorAction.POLICE_ATTEND)),
    /**
     * The person was not found: a partner's NO_CONTACT or a police NO_TRACE. Whereabouts unknown is a missing-person
     * matter: the supervisor opens a missing-person risk assessment, sends police, has the same agency try again
     * (CHASE), or closes with a recorded whereabouts ({@link Whereabouts}); never a reroute that would lose the person.
     */
    NOT_LOCATED(EnumSet.of(SupervisorAction.MISSING_PERSON, SupervisorAction.POLICE_ATTEND, SupervisorAction.CHASE,
            SupervisorAction.CLOSE)),
    /** The missing-person risk assessment is overdue: the supervisor chases; the task stays with police. */
    MISSING_PERSON_OVERDUE(EnumSet.of(SupervisorAction.CHASE));

    private final Set<SupervisorAction> allowedActions;

    ReviewReason(Set<SupervisorAction> allowedActions) {
        this.allowedActions = allowedActions;
    }

    public Set<SupervisorAction> allowedActions() {
        return EnumSet.copyOf(allowedActions);
    }

    public boolean allows(SupervisorAction action) {
        return allowedActions.contains(action);
    }
}
