package org.rcrp.handover.s136;

import static org.rcrp.handover.process.TaskCompletion.maxLength;
import static org.rcrp.handover.process.TaskCompletion.require;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rcrp.handover.operations.EngineClock;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.HandoverDecision;
import org.rcrp.handover.process.S136HandoverProcess;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.process.TextLimits;

/**
 * Body of user_accept_handover. ACCEPT (also a body without a decision, as older clients send): health takes the
 * detained person over. AGREE_DELAY: the hospital and police agree the handover for a later time ({@code until}, before
 * the detention limit); the hour's deadline moves there and the task opens again. Both sides are recorded: the hospital
 * user who completes the task, and the police officer or supervisor they agreed it with ({@code agreedWithPolice}), named
 * in the journal with the note. Naming them in the one step, rather than asking police to confirm in a task of their own,
 * keeps the agreement from being held up while the person waits; the police side can see and dispute it in the journal.
 */
public record AcceptHandover(HandoverDecision decision, OffsetDateTime until, String agreedWithPolice, String note)
        implements TaskCompletion {

    /** Accepts, with a note (the body older clients send). */
    public AcceptHandover(String note) {
        this(null, null, null, note);
    }

    public HandoverDecision effectiveDecision() {
        return decision == null ? HandoverDecision.ACCEPT : decision;
    }

    @Override
    public String taskKey() {
        return S136HandoverProcess.Elements.USER_ACCEPT_HANDOVER;
    }

    @Override
    public List<FieldError> validate(Map<String, Object> taskVariables) {
        List<FieldError> errors = new ArrayList<>();
        maxLength(errors, note, "note", TextLimits.NOTE);
        maxLength(errors, agreedWithPolice, "agreedWithPolice", TextLimits.NAME);
        if (effectiveDecision() == HandoverDecision.AGREE_DELAY) {
            require(errors, until, "until");
            require(errors, agreedWithPolice, "agreedWithPolice");
            require(errors, note, "note");
            if (until != null && !until.toInstant().isAfter(EngineClock.INSTANCE.instant())) {
                errors.add(new FieldError("until", "must be in the future"));
            }
            Date detentionLimit = S136HandoverProcess.Variables.TASK_DETENTION_LIMIT_AT.from(taskVariables);
            if (until != null && detentionLimit != null && !until.toInstant().isBefore(detentionLimit.toInstant())) {
                errors.add(new FieldError("until", "must be before the detention limit (" + detentionLimit.toInstant() + ")"));
            }
        }
        return errors;
    }

    @Override
    public String summary() {
        return effectiveDecision() == HandoverDecision.AGREE_DELAY
                ? "Handover delay agreed until " + until.toInstant() + " with " + agreedWithPolice.strip() + " (police)"
                : "Handover accepted";
    }

    @Override
    public Map<String, String> answers() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("decision", effectiveDecision().name());
        if (until != null) {
            answers.put("until", until.toInstant().toString());
        }
        if (agreedWithPolice != null && !agreedWithPolice.isBlank()) {
            answers.put("agreedWithPolice", agreedWithPolice.strip());
        }
        return answers;
    }

    /** The decision, and for a delay the agreed time (the note and the police name are the journal's). */
    @Override
    public Map<String, Object> variables(Map<String, Object> taskVariables) {
        Map<String, Object> variables = new HashMap<>();
        S136HandoverProcess.Variables.HANDOVER_DECISION.putInto(variables, effectiveDecision());
        if (effectiveDecision() == HandoverDecision.AGREE_DELAY) {
            S136HandoverProcess.Variables.DELAY_UNTIL.putInto(variables, Date.from(until.toInstant()));
        }
        return variables;
    }
}
