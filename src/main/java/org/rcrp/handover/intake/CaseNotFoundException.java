package org.rcrp.handover.intake;

/**
 * No case with that id, or none the user may see: 404, with one text for both, which names no case (not even
 * the id asked for: a refusal must not confirm or hand out an id the caller could not read).
 */
public class CaseNotFoundException extends RuntimeException {

    public static final String MESSAGE = "There is no such case, or it is not yours to see";

    /** {@code caseId}, the id asked for, is deliberately left out of the message. */
    public CaseNotFoundException(String caseId) {
        super(MESSAGE);
    }
}
