package org.rcrp.handover.intake;

/** The case is closed (or never existed), so it cannot take new information. Its text names no case. */
public class CaseNotOpenException extends RuntimeException {

    public CaseNotOpenException(String caseId) {
        super("The case is closed");
    }
}
