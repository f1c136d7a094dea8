package org.rcrp.handover.process;

import java.util.List;

/** A request the rules refuse (400): each problem names its JSON field. Nothing was changed. */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("Invalid input: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
