package org.rcrp.handover.process;

/**
 * Why a closed case went to a quality review, weightiest first: a case with several reasons is recorded under the
 * first that applies (a not-located closure that was also overridden is NOT_LOCATED).
 */
public enum SampleReason {
    /** The person was not located when the case closed: always reviewed. */
    NOT_LOCATED,
    /** The handler overrode the threshold table's recommendation: always reviewed. */
    OVERRIDE,
    /** Drawn at random from the closed non-police decisions (risk-weighted: rcrp.assurance.*). */
    RANDOM
}
