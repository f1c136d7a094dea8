package org.rcrp.handover.intake;

/** No case with that id (or none the user may see): 404. */
public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(String caseId) {
        super("No case " + caseId);
    }
}
