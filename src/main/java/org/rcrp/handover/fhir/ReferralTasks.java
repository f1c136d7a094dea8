package org.rcrp.handover.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.rcrp.handover.casefile.ReferralView;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.ReferralDecision;
import org.rcrp.handover.process.ReferralResult;

/**
 * A referral as a FHIR R4 Task (intent order): status from where the referral stands, owner the agency,
 * focus a contained ServiceRequest with the referral's shared details, for the subject by name and age
 * only (display; we hold no NHS number) — both only while the referral is open to the agency. Never the caller.
 */
final class ReferralTasks {

    private ReferralTasks() {
    }

    /**
     * requested: waiting for the agency to accept or reject · accepted: accepted, outcome not yet recorded ·
     * in-progress: accepted and someone at the agency holds the outcome task · completed: outcome recorded ·
     * rejected (statusReason): rejected and not re-opened · failed: passed back to police, or the person not located
     * (NO_CONTACT: back to police as a missing-person matter) · on-hold: not
     * answered in time, with the police supervisor · cancelled: ended by the police (rerouted, police sent, closed).
     */
    static Task.TaskStatus statusOf(ReferralView referral) {
        if (PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL.equals(referral.openTaskKey())) {
            return Task.TaskStatus.REQUESTED;
        }
        if (PartnerReferralProcess.Elements.USER_RECORD_PARTNER_OUTCOME.equals(referral.openTaskKey())) {
            return referral.openTaskAssignee() == null ? Task.TaskStatus.ACCEPTED : Task.TaskStatus.INPROGRESS;
        }
        if (referral.result() == ReferralResult.COMPLETED) {
            return Task.TaskStatus.COMPLETED;
        }
        if (referral.result() == ReferralResult.PASSED_BACK || referral.result() == ReferralResult.NOT_LOCATED) {
            return Task.TaskStatus.FAILED;
        }
        if (referral.decision() == ReferralDecision.REJECT) {
            return Task.TaskStatus.REJECTED;
        }
        return referral.endedAt() == null ? Task.TaskStatus.ONHOLD : Task.TaskStatus.CANCELLED;
    }

    static Task toTask(ReferralView referral) {
        Task task = new Task();
        task.setId(referral.id());
        task.addIdentifier(new Identifier().setSystem(FhirCodes.CASE_ID).setValue(referral.caseId()));
        task.addIdentifier(new Identifier().setSystem(FhirCodes.CALL_REFERENCE).setValue(referral.reference()));
        Task.TaskStatus status = statusOf(referral);
        task.setStatus(status);
        if (status == Task.TaskStatus.REJECTED && referral.reasonCode() != null) {
            CodeableConcept reason = new CodeableConcept().addCoding(
                    new Coding(FhirCodes.REJECTION_REASON, referral.reasonCode().name(), null));
            reason.setText(referral.decisionNote() == null || referral.decisionNote().isBlank()
                    ? referral.reasonCode().name() : referral.decisionNote());
            task.setStatusReason(reason);
        }
        if (status == Task.TaskStatus.ONHOLD) {
            task.setBusinessStatus(new CodeableConcept().setText("Not answered in time: with the police supervisor"));
        }
        if (referral.partnerOutcome() != null) {
            task.addOutput().setType(new CodeableConcept().setText("Partner outcome"))
                    .setValue(new CodeableConcept().addCoding(new Coding(FhirCodes.PARTNER_OUTCOME, referral.partnerOutcome().name(), null)));
        }
        task.setIntent(Task.TaskIntent.ORDER);
        task.setCode(new CodeableConcept().addCoding(
                new Coding("http://hl7.org/fhir/CodeSystem/task-code", "fulfill", "Fulfill the focal request")));
        if (referral.caseShared()) {
            task.setDescription("RCRP referral " + referral.reference() + " (" + referral.category() + ") to " + FhirCodes.name(referral.agency()));
            Reference subject = subject(referral);
            task.setFor(subject);
            task.setFocus(new Reference(serviceRequest(referral, subject, status)));
        } else {
            // The referral has ended: the agency keeps its own decision and outcome, not the case (no subject, no request).
            task.setDescription("RCRP referral " + referral.reference() + " to " + FhirCodes.name(referral.agency()) + " (ended)");
        }
        task.setAuthoredOnElement(new DateTimeType(Date.from(referral.requestedAt())));
        if (referral.endedAt() != null) {
            task.setLastModified(Date.from(referral.endedAt()));
        }
        task.setRequester(police());
        task.setOwner(organizationReference(referral.agency()));
        if (referral.acknowledgeBy() != null && status == Task.TaskStatus.REQUESTED) {
            // When the agency must accept or reject by.
            task.getRestriction().setPeriod(new Period().setEnd(Date.from(referral.acknowledgeBy())));
        }
        return task;
    }

    private static Reference subject(ReferralView referral) {
        String name = referral.subjectName() == null || referral.subjectName().isBlank() ? "Person not named" : referral.subjectName();
        return new Reference().setDisplay(referral.subjectAge() == null ? name : name + ", " + referral.subjectAge() + " years");
    }

    private static ServiceRequest serviceRequest(ReferralView referral, Reference subject, Task.TaskStatus status) {
        ServiceRequest request = new ServiceRequest();
        // Contained in the Task, under a stable local id (focus: #referral).
        request.setId("#referral");
        request.addIdentifier(new Identifier().setSystem(FhirCodes.CALL_REFERENCE).setValue(referral.reference()));
        request.setStatus(switch (status) {
            case COMPLETED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
            case REJECTED, CANCELLED, FAILED -> ServiceRequest.ServiceRequestStatus.REVOKED;
            default -> ServiceRequest.ServiceRequestStatus.ACTIVE;
        });
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.addCategory(new CodeableConcept().addCoding(new Coding(FhirCodes.CATEGORY, referral.category().name(), null)));
        request.setCode(new CodeableConcept().setText("Right Care, Right Person referral: " + referral.category()));
        request.setSubject(subject.copy());
        request.setAuthoredOnElement(new DateTimeType(Date.from(referral.requestedAt())));
        request.setRequester(police());
        request.addPerformer(organizationReference(referral.agency()));
        if (referral.locationDescription() != null && !referral.locationDescription().isBlank()) {
            request.addLocationReference(new Reference().setDisplay(referral.locationDescription()));
        }
        if (referral.summary() != null && !referral.summary().isBlank()) {
            request.addNote().setText(referral.summary());
        }
        return request;
    }

    private static Reference police() {
        return new Reference().setDisplay(FhirCodes.name(Agency.POLICE))
                .setIdentifier(new Identifier().setSystem(FhirCodes.AGENCY).setValue(Agency.POLICE.name()));
    }

    static Reference organizationReference(Agency agency) {
        return new Reference("Organization/" + FhirCodes.organizationId(agency)).setDisplay(FhirCodes.name(agency));
    }

    static Organization toOrganization(Agency agency) {
        Organization organization = new Organization();
        organization.setId(FhirCodes.organizationId(agency));
        organization.addIdentifier(new Identifier().setSystem(FhirCodes.AGENCY).setValue(agency.name()));
        organization.setActive(true);
        organization.setName(FhirCodes.name(agency));
        return organization;
    }
}
