package org.rcrp.handover.dispute;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.journal.CaseJournal;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.Groups;
import org.rcrp.handover.process.InvalidInputException;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.process.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** The partnership's joint review of disputes, for the API and the page: who may, the queue, the learning note. */
@Service
public class DisputeReviews {

    public static final String REVIEWED = "DISPUTE_REVIEWED";
    static final int PAGE = 200;

    private final JdbcDisputeRecords disputes;
    private final CaseJournal journal;

    private final Clock clock;

    public DisputeReviews(JdbcDisputeRecords disputes, CaseJournal journal, Clock clock) {
        this.clock = clock;
        this.disputes = disputes;
        this.journal = journal;
    }

    public static boolean mayReview(Actor actor) {
        return actor.isIn(Groups.MANAGERS) || actor.isIn(Groups.ADMINS);
    }

    @Transactional(readOnly = true)
    public List<DisputeView> inState(JdbcDisputeRecords.State state) {
        return inState(state, PAGE);
    }

    @Transactional(readOnly = true)
    public List<DisputeView> inState(JdbcDisputeRecords.State state, int limit) {
        return disputes.inState(state, limit);
    }

    /** 400 without a learning note, 404 for no such dispute, 409 unless it awaits review; the note is journalled too. */
    @Transactional
    public void review(String id, String learningNote, Actor actor) {
        if (!mayReview(actor)) {
            throw new AccessDeniedException("The joint review is for managers");
        }
        List<FieldError> errors = new ArrayList<>();
        TaskCompletion.require(errors, learningNote, "learningNote");
        TaskCompletion.maxLength(errors, learningNote, "learningNote", TextLimits.LEARNING_NOTE);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        DisputeView dispute = disputes.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No dispute " + id));
        if (!disputes.reviewed(id, learningNote.strip(), actor.userId(), clock.instant())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Dispute " + id + " is " + dispute.state() + ", not awaiting review");
        }
        journal.record(dispute.caseId(), CaseJournal.About.process(id), REVIEWED, actor.userId(), actor.role(),
                "Joint review of the dispute with " + dispute.agency(), learningNote.strip());
    }
}
