package org.rcrp.handover.process;

/** Where a call came from. */
public enum Source {
    PUBLIC_999, PUBLIC_101, PARTNER, NHS111
}
