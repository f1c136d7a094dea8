package org.rcrp.handover.process;

/** How the caller was told who will help (user_inform_caller). */
public enum InformMethod {
    PHONE, SMS, NOT_REACHABLE;

    public boolean informed() {
        return this != NOT_REACHABLE;
    }
}
