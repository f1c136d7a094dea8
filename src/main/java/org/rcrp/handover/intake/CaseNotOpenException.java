package org.rcrp.handover.intake;

/** The case is closed (or never existed), so it cannot take new information. */
public class CaseNotOpenException extends RuntimeException {

    public CaseNotOpenException(String caseId) {
        super("Case " + caseId + " is not open");
    }
}
