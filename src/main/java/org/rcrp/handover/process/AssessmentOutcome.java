package org.rcrp.handover.process;

/** How the Mental Health Act assessment of an s136 detention ended; the detention ends with it. */
public enum AssessmentOutcome {
    ADMITTED_INFORMALLY, DETAINED_UNDER_MHA, DISCHARGED_WITH_FOLLOW_UP, DISCHARGED
}
