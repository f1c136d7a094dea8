package org.rcrp.handover.process;

import java.util.List;
import java.util.Map;

/**
 * The typed body of completing one kind of user task (docs/processes.md; docs/api.md). It checks itself
 * against the task it completes and turns into the process variables the model reads: ids, codes and decisions
 * only. What the person wrote ({@link #note()}) goes to the case's journal with the task's entry, never to the engine.
 */
public interface TaskCompletion {

    /** The task definition key (= BPMN element id) this body completes. */
    String taskKey();

    /** Problems, named by JSON field; empty when the body may complete the task. */
    List<FieldError> validate(Map<String, Object> taskVariables);

    /** One line for the case's journal: what was decided, in the system's words (the person's own are {@link #note()}). */
    String summary();

    /** What the person wrote with the decision, for the journal beside the summary; null when nothing. */
    String note();

    /**
     * The person's answers to the task's questions, by JSON path ({@code thrive.harm}), as text, for the journal beside the
     * entry (they may hold what the person wrote); only the questions answered. Empty for a task without such questions.
     */
    default Map<String, String> answers() {
        return Map.of();
    }

    /**
     * Whether this decision must be taken on everything the case knows (triage): it is then refused, and nothing changes,
     * when new information reached the case after what the person had seen ({@link #seenUpdates()}) — or, when the body
     * does not say, after they claimed the task.
     */
    default boolean decidesOnEverythingKnown() {
        return false;
    }

    /** How many pieces of new information the case had when the person read it; null when the body does not say. */
    default Integer seenUpdates() {
        return null;
    }

    /**
     * The agency this decision refers the case to, by the JSON field that names it; empty when it refers it nowhere.
     * Whether the force refers to that agency at all is asked of {@link AgencyAvailability} beside {@link #validate}.
     */
    default Map<String, Agency> referredTo() {
        return Map.of();
    }

    /**
     * Why this user may not take this decision although the task is theirs to hold, e.g. a second-person check: the
     * person who made a decision never reviews it (403). Empty when they may.
     */
    default java.util.Optional<String> refusalFor(String userId, Map<String, Object> taskVariables) {
        return java.util.Optional.empty();
    }

    /** The variables to complete the task with; only called on a valid body. */
    Map<String, Object> variables(Map<String, Object> taskVariables);

    static void require(List<FieldError> errors, Object value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        }
    }

    static void maxLength(List<FieldError> errors, String value, String field, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, TextLimits.tooLong(max)));
        }
    }
}
