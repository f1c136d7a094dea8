package org.rcrp.handover.process;

/**
 * The risk grading of a missing-person risk assessment (user_missing_person_assessment), in the College of Policing's
 * missing-persons APP terms: no apparent risk, low, medium, high.
 */
public enum MissingPersonRisk {
    NO_APPARENT_RISK, LOW, MEDIUM, HIGH;

    /** Medium and high risk need police deployed; the grade they attend at. */
    public boolean needsPolice() {
        return this == MEDIUM || this == HIGH;
    }

    public Grade attendanceGrade() {
        return this == HIGH ? Grade.IMMEDIATE : Grade.PRIORITY;
    }
}
