package org.rcrp.handover.process;

/**
 * Where a missing-person risk assessment takes the case (gateway_missing_person_outcome): it closes only when the person
 * is located and no risk is apparent or it is low; medium or high risk sends police; a person still not located at low
 * or no apparent risk goes back to the supervisor's NOT_LOCATED review, so the case stays open.
 */
public enum MissingPersonNext {
    LOCATED, ATTEND, REVIEW;

    public static MissingPersonNext of(MissingPersonRisk risk, boolean located) {
        if (risk.needsPolice()) {
            return ATTEND;
        }
        return located ? LOCATED : REVIEW;
    }
}
