package org.rcrp.handover.process;

/** How a police attendance ended (user_attend). */
public enum AttendOutcome {
    RESOLVED, S136_DETENTION, REFER_PARTNER, NO_TRACE
}
