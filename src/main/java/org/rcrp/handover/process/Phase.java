package org.rcrp.handover.process;

/**
 * The phase the case is in; {@code gateway_phase} in {@code rcrp-call} routes on it and the
 * update policy uses it to decide whether new information interrupts the work in hand.
 */
public enum Phase {
    TRIAGE, ATTEND, REFER, ADVICE, HANDOVER,
    /** The person was not located: with a police supervisor (review, missing-person assessment). */
    NOT_LOCATED
}
