package org.rcrp.handover.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Task;
import org.rcrp.handover.casefile.ReferralQueries;
import org.rcrp.handover.casefile.ReferralView;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.inbox.TaskProblem;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.ReferralDecision;
import org.rcrp.handover.process.RejectionReason;
import org.rcrp.handover.referral.AcceptReferral;
import org.springframework.stereotype.Component;

/**
 * FHIR Task = one referral to one agency. Search (owner, status), read, and update of the status to
 * accepted or rejected (with statusReason); a partner system sees only its own agency's Tasks, and
 * another agency's Task is answered as if it did not exist (404).
 */
@Component
class TaskResourceProvider implements IResourceProvider {

    private static final int SEARCH_LIMIT = 100;

    private final ReferralQueries referrals;
    private final FhirReferralActions actions;
    private final Actors actors;

    TaskResourceProvider(ReferralQueries referrals, FhirReferralActions actions, Actors actors) {
        this.referrals = referrals;
        this.actions = actions;
        this.actors = actors;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Task.class;
    }

    @Read
    public Task read(@IdParam IdType id) {
        return referrals.referral(id.getIdPart(), actors.current()).map(ReferralTasks::toTask)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<Task> search(@OptionalParam(name = Task.SP_OWNER) ReferenceParam owner,
                             @OptionalParam(name = Task.SP_STATUS) TokenOrListParam status) {
        Actor actor = actors.current();
        List<Agency> agencies = ReferralQueries.agenciesOf(actor);
        if (owner != null) {
            if (owner.getResourceType() != null && !"Organization".equals(owner.getResourceType())) {
                throw new InvalidRequestException("owner must be an Organization, e.g. owner=Organization/mental-health");
            }
            Optional<Agency> agency = FhirCodes.agencyOfOrganization(owner.getIdPart());
            agencies = agency.filter(agencies::contains).map(List::of).orElse(List.of());
        }
        List<String> statuses = status == null ? List.of()
                : status.getValuesAsQueryTokens().stream().map(TokenParam::getValue).toList();
        statuses.forEach(TaskResourceProvider::requireKnownStatus);
        return referrals.referrals(actor, agencies, SEARCH_LIMIT).stream().map(ReferralTasks::toTask)
                .filter(task -> statuses.isEmpty() || statuses.contains(task.getStatus().toCode()))
                .toList();
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Task task) {
        if (id == null || !id.hasIdPart()) {
            // A conditional update (PUT /Task?…) is not offered: a referral is decided by its own id.
            throw new ca.uhn.fhir.rest.server.exceptions.InvalidRequestException("PUT a Task by its id: /fhir/Task/{id}");
        }
        Actor actor = actors.current();
        ReferralView current = referrals.referral(id.getIdPart(), actor).orElseThrow(() -> new ResourceNotFoundException(id));
        AcceptReferral decision = decisionIn(task);
        Task before = ReferralTasks.toTask(current);
        if (before.getStatus() == task.getStatus()) {
            // PUT is idempotent: asking again for the status the Task already has changes nothing.
            return new MethodOutcome(id.withResourceType("Task").withVersion(null), false).setResource(before);
        }
        try {
            actions.decide(id.getIdPart(), actor, decision);
        } catch (TaskProblem problem) {
            throw fhirError(problem);
        }
        Task after = read(id);
        return new MethodOutcome(new IdType("Task", id.getIdPart()), false).setResource(after);
    }

    /** accepted or rejected (with statusReason) are the only changes a partner makes here; the rest follow the case. */
    private static AcceptReferral decisionIn(Task task) {
        if (task.getStatus() == Task.TaskStatus.ACCEPTED) {
            return new AcceptReferral(ReferralDecision.ACCEPT, null, firstNote(task));
        }
        if (task.getStatus() == Task.TaskStatus.REJECTED) {
            String code = task.getStatusReason().getCoding().stream()
                    .filter(coding -> FhirCodes.REJECTION_REASON.equals(coding.getSystem())).map(Coding::getCode)
                    .findFirst().orElse(null);
            RejectionReason reason = null;
            if (code != null) {
                reason = Arrays.stream(RejectionReason.values()).filter(value -> value.name().equals(code)).findFirst()
                        .orElseThrow(() -> invalid("Task.statusReason.coding", "code must be one of "
                                + Arrays.toString(RejectionReason.values()) + " in " + FhirCodes.REJECTION_REASON));
            }
            String text = task.getStatusReason().getText();
            return new AcceptReferral(ReferralDecision.REJECT, reason, text == null || text.equals(code) ? firstNote(task) : text);
        }
        throw new UnprocessableEntityException("A partner system sets status to accepted or rejected (with statusReason); "
                + "was " + (task.getStatus() == null ? "missing" : task.getStatus().toCode()));
    }

    private static String firstNote(Task task) {
        return task.getNote().stream().map(Annotation::getText).filter(text -> text != null && !text.isBlank()).findFirst().orElse(null);
    }

    private static void requireKnownStatus(String code) {
        try {
            Task.TaskStatus.fromCode(code);
        } catch (org.hl7.fhir.exceptions.FHIRException unknown) {
            throw new InvalidRequestException("Unknown Task status '" + code + "'");
        }
    }

    private static BaseServerResponseException fhirError(TaskProblem problem) {
        return switch (problem.kind()) {
            case NOT_FOUND -> new ResourceNotFoundException(problem.getMessage());
            case CONFLICT, STALE -> new ResourceVersionConflictException(problem.getMessage());
            case FORBIDDEN -> new ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException(problem.getMessage());
            case INVALID -> {
                OperationOutcome outcome = new OperationOutcome();
                for (FieldError error : problem.errors()) {
                    outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.INVALID)
                            .setDiagnostics(error.field() + " " + error.message()).addExpression(expressionOf(error.field()));
                }
                yield new InvalidRequestException(problem.getMessage(), outcome);
            }
        };
    }

    private static InvalidRequestException invalid(String expression, String message) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.INVALID)
                .setDiagnostics(message).addExpression(expression);
        return new InvalidRequestException(message, outcome);
    }

    /** Where in the Task a field of the API's body lives. */
    private static String expressionOf(String field) {
        return switch (field) {
            case "decision" -> "Task.status";
            case "reasonCode" -> "Task.statusReason.coding";
            case "note" -> "Task.statusReason.text";
            default -> "Task";
        };
    }
}
