package org.rcrp.handover.process;

/** One reason a submitted value was refused: the field (JSON path) and a message for people. */
public record FieldError(String field, String message) {
}
