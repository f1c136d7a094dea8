package org.rcrp.handover.process;

/** The triage outcome: who deals with the call. */
public enum Route {
    POLICE_ATTEND, REFER, ADVICE_AND_CLOSE
}
