package org.rcrp.handover.process;

/** What the hospital decides on user_accept_handover: take the person now, or agree with police a later time. */
public enum HandoverDecision {
    ACCEPT, AGREE_DELAY
}
