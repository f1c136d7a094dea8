package org.rcrp.handover.process;

import java.util.List;
import java.util.Map;

/**
 * The typed body of completing one kind of user task (CONTRACT.md, task keys). It checks itself
 * against the task it completes and turns into the process variables the model reads.
 */
public interface TaskCompletion {

    /** The task definition key (= BPMN element id) this body completes. */
    String taskKey();

    /** Problems, named by JSON field; empty when the body may complete the task. */
    List<FieldError> validate(Map<String, Object> taskVariables);

    /** One line for the case's journal: what was decided, and why. */
    String summary();

    /** The variables to complete the task with; only called on a valid body. */
    Map<String, Object> variables(Map<String, Object> taskVariables);

    static void require(List<FieldError> errors, Object value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        }
    }

    /** "text" followed by " — note" when there is a note. */
    static String withNote(String text, String note) {
        return note == null || note.isBlank() ? text : text + " — " + note.strip();
    }

    static void maxLength(List<FieldError> errors, String value, String field, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }
}
