package org.rcrp.handover.plan;

/** Where one agency's part of a plan stands. */
public enum ResponseState {
    REQUESTED, ACCEPTED, REJECTED, ATTENDING, DONE, STOOD_DOWN;

    /** The agency is still expected to act: a change of plan must tell it. */
    public boolean open() {
        return this == REQUESTED || this == ACCEPTED || this == ATTENDING;
    }
}
