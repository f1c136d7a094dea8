package org.rcrp.handover.dispute;

import static org.rcrp.handover.process.TaskCompletion.maxLength;
import static org.rcrp.handover.process.TaskCompletion.require;

import java.util.ArrayList;
import java.util.List;
import org.rcrp.handover.process.DisputePosition;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.TextLimits;

/** What both sides' position bodies check: a position, and a note saying why (it goes to the journal). */
final class DisputePositions {

    private DisputePositions() {
    }

    static List<FieldError> validate(DisputePosition position, String note) {
        List<FieldError> errors = new ArrayList<>();
        require(errors, position, "position");
        require(errors, note, "note");
        maxLength(errors, note, "note", TextLimits.NOTE);
        return errors;
    }
}
