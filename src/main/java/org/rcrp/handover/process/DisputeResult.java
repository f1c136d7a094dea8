package org.rcrp.handover.process;

/** How one tier of a dispute ended: both sides agreed, it goes up a tier, or the top tier ended without agreement. */
public enum DisputeResult {
    AGREED,
    ESCALATED,
    UNRESOLVED
}
