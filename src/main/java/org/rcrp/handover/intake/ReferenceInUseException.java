package org.rcrp.handover.intake;

/**
 * A call's reference that is already a case the caller may not read (409): the caller learns that the
 * reference is taken, which logging it twice must tell, and nothing else — not the case's id, not its data.
 */
public class ReferenceInUseException extends RuntimeException {

    public static final String MESSAGE = "This reference is already in use";

    public ReferenceInUseException() {
        super(MESSAGE);
    }
}
