package org.rcrp.handover.casefile;

import static org.rcrp.handover.process.TaskCompletion.maxLength;
import static org.rcrp.handover.process.TaskCompletion.require;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.inbox.TaskProblem;
import org.rcrp.handover.intake.CallRepository;
import org.rcrp.handover.intake.CaseNotFoundException;
import org.rcrp.handover.journal.CaseJournal;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.Groups;
import org.rcrp.handover.process.InvalidInputException;
import org.rcrp.handover.process.S136HandoverProcess;
import org.rcrp.handover.process.TextLimits;
import org.rcrp.handover.s136.S136Records;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The responsible clinician's 12-hour extension of an s136 detention, recorded by a hospital liaison user: once, before
 * the limit, while the detention lasts (the assessment has not ended). The clinician is named; the reason goes to the
 * journal; the handover's detention-limit timer moves ({@code service_extend_detention}).
 */
@Service
public class S136Extensions {

    static final String HOSPITAL_LIAISON = Groups.HOSPITAL_LIAISON;

    private final CallRepository calls;
    private final CaseQueries queries;
    private final S136Records records;
    private final CaseJournal journal;
    private final RuntimeService runtimeService;

    private final Clock clock;

    public S136Extensions(CallRepository calls, CaseQueries queries, S136Records records, CaseJournal journal,
                          RuntimeService runtimeService, Clock clock) {
        this.clock = clock;
        this.calls = calls;
        this.queries = queries;
        this.records = records;
        this.journal = journal;
        this.runtimeService = runtimeService;
    }

    public record Extension(String clinician, String reason) {
    }

    /** Records the extension and returns the new limit; 400 for a bad body, 403 outside the hospital, 409 when not allowed now. */
    @Transactional
    public Instant extend(String caseId, Extension body, Actor actor) {
        if (!actor.isIn(HOSPITAL_LIAISON)) {
            throw new AccessDeniedException("Only the hospital records the responsible clinician's extension");
        }
        List<FieldError> errors = new ArrayList<>();
        require(errors, body == null ? null : body.clinician(), "clinician");
        require(errors, body == null ? null : body.reason(), "reason");
        if (body != null) {
            maxLength(errors, body.clinician(), "clinician", TextLimits.NAME);
            maxLength(errors, body.reason(), "reason", TextLimits.S136_REASON);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        calls.findById(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        calls.lockForChange(caseId);
        ProcessInstance handover = runtimeService.createProcessInstanceQuery().processDefinitionKey(S136HandoverProcess.KEY)
                .processInstanceBusinessKey(caseId).active().list().stream().findFirst()
                .orElseThrow(() -> new TaskProblem(TaskProblem.Kind.CONFLICT, "Case " + caseId + " has no s136 detention in progress"));
        CaseView.S136 s136 = queries.s136(caseId);
        Instant now = clock.instant();
        if (s136 == null || s136.arrivedAt() == null) {
            throw new TaskProblem(TaskProblem.Kind.CONFLICT, "The arrival at the place of safety is not recorded yet");
        }
        if (s136.extendedAt() != null) {
            throw new TaskProblem(TaskProblem.Kind.CONFLICT, "The detention was already extended, at " + s136.extendedAt());
        }
        if (s136.assessmentEndedAt() != null) {
            throw new TaskProblem(TaskProblem.Kind.CONFLICT, "The assessment has ended: the detention is over");
        }
        if (!now.isBefore(s136.detentionLimit())) {
            throw new TaskProblem(TaskProblem.Kind.CONFLICT, "The detention limit passed at " + s136.detentionLimit()
                    + ": it can be extended only before it");
        }
        records.extended(caseId, actor.userId(), body.clinician().strip(), now);
        Instant limit = queries.s136(caseId).detentionLimit();
        journal.record(caseId, CaseJournal.About.CASE, "S136_EXTENDED", actor.userId(), HOSPITAL_LIAISON,
                "Detention extended by 12 h to " + limit + " by the responsible clinician " + body.clinician().strip(),
                body.reason().strip());
        runtimeService.createMessageCorrelation(S136HandoverProcess.Messages.DETENTION_EXTENDED)
                .processInstanceId(handover.getId()).correlateWithResult();
        return limit;
    }
}
