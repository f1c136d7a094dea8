package org.rcrp.handover.dispute;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.journal.CaseJournal;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.InvalidInputException;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.process.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The joint review queue (README, Disputes): managers see settled disputes with their tier, both positions, outcome
 * and who stated them, and record the partnership's learning once it has reviewed one.
 */
@RestController
@RequestMapping("/api/disputes")
@Validated
@Tag(name = "Disputes", description = "Inter-agency disputes and their joint review")
class DisputeController {

    static final String REVIEWED = "DISPUTE_REVIEWED";

    private final JdbcDisputeRecords disputes;
    private final CaseJournal journal;
    private final Actors actors;

    DisputeController(JdbcDisputeRecords disputes, CaseJournal journal, Actors actors) {
        this.disputes = disputes;
        this.journal = journal;
        this.actors = actors;
    }

    record Review(String learningNote) {
    }

    @GetMapping
    @Operation(summary = "Disputes in a state, oldest first (managers)", description = "AWAITING_REVIEW is the joint review queue")
    List<DisputeView> list(@RequestParam(defaultValue = "AWAITING_REVIEW") JdbcDisputeRecords.State state,
                           @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        requireManager(actors.current());
        return disputes.inState(state, limit);
    }

    @PostMapping("/{id}/review")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Record the joint review's learning note (managers)",
            description = "400 without a learning note; 404 for no such dispute; 409 unless it awaits review")
    @Transactional
    void review(@PathVariable String id, @RequestBody(required = false) Review body) {
        Actor actor = actors.current();
        requireManager(actor);
        String note = body == null ? null : body.learningNote();
        List<FieldError> errors = new ArrayList<>();
        TaskCompletion.require(errors, note, "learningNote");
        TaskCompletion.maxLength(errors, note, "learningNote", TextLimits.NOTE);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        DisputeView dispute = disputes.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No dispute " + id));
        if (!disputes.reviewed(id, note.strip(), actor.userId(), ClockUtil.getCurrentTime().toInstant())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Dispute " + id + " is " + dispute.state() + ", not awaiting review");
        }
        journal.record(dispute.caseId(), CaseJournal.About.process(id), REVIEWED, actor.userId(), actor.role(),
                "Joint review of the dispute with " + dispute.agency(), note.strip());
    }

    private static void requireManager(Actor actor) {
        if (!actor.isIn("managers") && !actor.isIn("admins")) {
            throw new AccessDeniedException("The joint review is for managers");
        }
    }
}
