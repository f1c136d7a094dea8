package org.rcrp.handover.inbox;

import java.util.List;
import org.rcrp.handover.process.FieldError;

/** Why a task operation was refused; the web layer maps each kind to its HTTP status. */
public class TaskProblem extends RuntimeException {

    public enum Kind {
        /**
         * No such open task for the user's groups (404): one answer whether the task is not there or belongs to
         * another agency, so a caller cannot learn which tasks exist elsewhere.
         */
        NOT_FOUND,
        /** Someone else holds the task, or the caller does not hold it (409). */
        CONFLICT,
        /** The body does not fit the task (400), see {@link #errors()}. */
        INVALID,
        /**
         * New information reached the case after what the decision was based on (409): the message says what and when,
         * nothing changed, and the person reviews it and submits again.
         */
        STALE,
        /** The user may hold the task but not take this decision, e.g. a second-person check (403): the message says why. */
        FORBIDDEN
    }

    private final Kind kind;
    private final transient List<FieldError> errors;

    public TaskProblem(Kind kind, String message) {
        this(kind, message, List.of());
    }

    public TaskProblem(Kind kind, String message, List<FieldError> errors) {
        super(message);
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
