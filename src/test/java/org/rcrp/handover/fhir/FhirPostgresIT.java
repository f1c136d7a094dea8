package org.rcrp.handover.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.support.ApiCalls;
import org.rcrp.handover.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The FHIR interface as a partner system uses it, through the HAPI FHIR generic client (a client we did
 * not write): search, read, accept, reject with reason, refusals; every resource that comes back passes
 * the HAPI FHIR validator against the R4 base specification.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {TestDatabase.DB_URL})
@ActiveProfiles("postgres")
@DirtiesContext
class FhirPostgresIT {

    private static final FhirContext FHIR = FhirContext.forR4();

    static {
        // HAPI's client gives up after 10 s; on a shared CI machine the first CapabilityStatement can take longer.
        FHIR.getRestfulClientFactory().setSocketTimeout(60_000);
    }
    private static FhirValidator validator;

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;

    @BeforeAll
    static void validatorOnTheR4BaseSpecification() {
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR),
                new InMemoryTerminologyServerValidationSupport(FHIR), new CommonCodeSystemsTerminologyService(FHIR),
                new SnapshotGeneratingValidationSupport(FHIR));
        validator = FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
        // The validator is live: a Task without its required status and intent fails it.
        assertThat(validator.validateWithResult(new Task()).getMessages())
                .anyMatch(message -> message.getSeverity() == ResultSeverityEnum.ERROR && message.getMessage().contains("Task.status"));
    }

    private IGenericClient client(String user) {
        IGenericClient client = FHIR.newRestfulGenericClient("http://localhost:" + port + "/fhir");
        if (user != null) {
            client.registerInterceptor(new BasicAuthInterceptor(user, user));
        }
        return client;
    }

    private ApiCalls api() {
        return new ApiCalls(http);
    }

    /** A case referred to mental health, its partner task open: returns the case id. */
    private String referralToMentalHealth(String reference) {
        String caseId = api().logCall(ApiCalls.welfareKnownTo(reference, "MENTAL_HEALTH"));
        api().triageToReferral(caseId, null);
        api().awaitTask("mhcrisis1", caseId, "user_accept_referral");
        return caseId;
    }

    private Task taskOfCase(IGenericClient client, String caseId, String status) {
        Bundle bundle = client.search().forResource(Task.class)
                .where(Task.OWNER.hasId("Organization/mental-health"))
                .and(Task.STATUS.exactly().code(status))
                .returnBundle(Bundle.class).execute();
        valid(bundle);
        return bundle.getEntry().stream().map(entry -> (Task) entry.getResource())
                .filter(task -> task.getIdentifier().stream().anyMatch(id -> id.getSystem().equals(FhirCodes.CASE_ID) && id.getValue().equals(caseId)))
                .findFirst().orElseThrow(() -> new AssertionError("No " + status + " Task for case " + caseId));
    }

    private static <T extends IBaseResource> T valid(T resource) {
        ValidationResult result = validator.validateWithResult(resource);
        List<SingleValidationMessage> errors = new ArrayList<>();
        for (SingleValidationMessage message : result.getMessages()) {
            if (message.getSeverity() == ResultSeverityEnum.ERROR || message.getSeverity() == ResultSeverityEnum.FATAL) {
                errors.add(message);
            }
        }
        assertThat(errors).as("R4 validation of %s", FHIR.newJsonParser().encodeResourceToString(resource)).isEmpty();
        return resource;
    }

    /** What the interface returned, for the README and the issue note (target/fhir-samples/). */
    private static void writeSample(String name, IBaseResource resource) {
        try {
            java.nio.file.Path directory = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "fhir-samples"));
            java.nio.file.Files.writeString(directory.resolve(name), FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static OperationOutcome outcomeOf(BaseServerResponseException refused) {
        IBaseOperationOutcome outcome = refused.getOperationOutcome();
        assertThat(outcome).as("an OperationOutcome comes back").isInstanceOf(OperationOutcome.class);
        return valid((OperationOutcome) outcome);
    }

    @Test
    void theCapabilityStatementIsOpenAndNamesTask() {
        CapabilityStatement capabilities = client(null).capabilities().ofType(CapabilityStatement.class).execute();

        valid(capabilities);
        assertThat(capabilities.getFhirVersion().toCode()).isEqualTo("4.0.1");
        CapabilityStatement.CapabilityStatementRestResourceComponent task = capabilities.getRestFirstRep().getResource().stream()
                .filter(resource -> resource.getType().equals("Task")).findFirst().orElseThrow();
        assertThat(task.getInteraction()).extracting(interaction -> interaction.getCode().toCode())
                .contains("read", "search-type", "update");
        assertThat(task.getSearchParam()).extracting(CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent::getName)
                .contains("owner", "status");
    }

    @Test
    void aPartnerSystemSearchesReadsAndAcceptsItsReferralThroughTheSameProcessActionAsAPerson() {
        String reference = ApiCalls.reference();
        String caseId = referralToMentalHealth(reference);
        IGenericClient mentalHealth = client("mhcrisis1");

        Task found = taskOfCase(mentalHealth, caseId, "requested");
        Task task = valid(mentalHealth.read().resource(Task.class).withId(found.getIdElement().getIdPart()).execute());
        writeSample("fhir-task-requested.json", task);

        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(task.getIntent()).isEqualTo(Task.TaskIntent.ORDER);
        assertThat(task.getOwner().getReference()).isEqualTo("Organization/mental-health");
        assertThat(task.getIdentifier()).extracting(Identifier::getValue).contains(caseId, reference);
        assertThat(task.getFor().getDisplay()).isEqualTo("Jane Smithson, 41 years");
        assertThat(task.getRestriction().getPeriod().getEnd()).isInTheFuture();
        ServiceRequest request = (ServiceRequest) task.getFocus().getResource();
        assertThat(request.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.ORDER);
        assertThat(request.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("CONCERN_FOR_WELFARE");
        assertThat(request.getNoteFirstRep().getText()).isEqualTo("Neighbour worried: not seen for two days");
        String json = FHIR.newJsonParser().encodeResourceToString(task);
        assertThat(json).as("never the caller").doesNotContain("Alan", ApiCalls.CALLER_PHONE, ApiCalls.CALLER_PHONE_DIGITS);
        Organization owner = valid(mentalHealth.read().resource(Organization.class).withId("mental-health").execute());
        assertThat(owner.getIdentifierFirstRep().getValue()).isEqualTo("MENTAL_HEALTH");

        task.setStatus(Task.TaskStatus.ACCEPTED);
        task.addNote().setText("Crisis team visiting within the hour");
        Task accepted = (Task) mentalHealth.update().resource(task).execute().getResource();

        valid(accepted);
        writeSample("fhir-task-accepted.json", accepted);
        assertThat(accepted.getStatus()).isEqualTo(Task.TaskStatus.ACCEPTED);
        JsonNode view = api().view("supervisor1", caseId);
        assertThat(view.get("responsibleAgency").asText()).isEqualTo("MENTAL_HEALTH");
        List<String> journal = new ArrayList<>();
        view.get("timeline").forEach(entry -> journal.add(entry.get("type").asText() + " " + entry.get("actor").asText()
                + " " + entry.get("detail").asText()));
        assertThat(journal).anyMatch(line -> line.startsWith("TASK_CLAIMED mhcrisis1"))
                .anyMatch(line -> line.startsWith("TASK_COMPLETED mhcrisis1") && line.contains("Referral accepted")
                        && line.contains("Crisis team visiting within the hour"));
        assertThat(journal).as("shared once with this user, however often it is searched and read")
                .filteredOn(line -> line.startsWith("REFERRAL_READ mhcrisis1")).hasSize(1);
        api().awaitTask("mhcrisis1", caseId, "user_record_partner_outcome");

        // The same PUT again changes nothing; a reject now is refused: the Task is no longer requested.
        assertThat(((Task) mentalHealth.update().resource(accepted).execute().getResource()).getStatus()).isEqualTo(Task.TaskStatus.ACCEPTED);
        accepted.setStatus(Task.TaskStatus.REJECTED);
        accepted.setStatusReason(new CodeableConcept().addCoding(new Coding(FhirCodes.REJECTION_REASON, "NO_CAPACITY", null)));
        assertThatThrownBy(() -> mentalHealth.update().resource(accepted).execute())
                .isInstanceOfSatisfying(ResourceVersionConflictException.class, refused -> outcomeOf(refused));
    }

    @Test
    void aPartnerSystemRejectsWithACodedReasonAndABadRejectChangesNothing() {
        String caseId = referralToMentalHealth(ApiCalls.reference());
        IGenericClient mentalHealth = client("mhcrisis1");
        Task task = taskOfCase(mentalHealth, caseId, "requested");

        task.setStatus(Task.TaskStatus.REJECTED);
        assertThatThrownBy(() -> mentalHealth.update().resource(task).execute())
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> assertThat(outcomeOf(refused).getIssueFirstRep()
                        .getExpression().get(0).getValue()).isEqualTo("Task.statusReason.coding"));
        task.setStatusReason(new CodeableConcept().addCoding(new Coding(FhirCodes.REJECTION_REASON, "BUSY", null)));
        assertThatThrownBy(() -> mentalHealth.update().resource(task).execute()).isInstanceOf(InvalidRequestException.class);
        task.setStatus(Task.TaskStatus.COMPLETED);
        assertThatThrownBy(() -> mentalHealth.update().resource(task).execute())
                .isInstanceOfSatisfying(UnprocessableEntityException.class, refused -> outcomeOf(refused));
        assertThat(api().taskOf("mhcrisis1", caseId, "user_accept_referral")).as("still unclaimed, nothing changed").isPresent();
        assertThat(taskOfCase(mentalHealth, caseId, "requested").getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);

        task.setStatus(Task.TaskStatus.REJECTED);
        task.setStatusReason(new CodeableConcept().addCoding(new Coding(FhirCodes.REJECTION_REASON, "NO_CAPACITY", null))
                .setText("No crisis team capacity tonight"));
        Task rejected = valid((Task) mentalHealth.update().resource(task).execute().getResource());

        assertThat(rejected.getStatus()).isEqualTo(Task.TaskStatus.REJECTED);
        assertThat(rejected.getStatusReason().getCodingFirstRep().getCode()).isEqualTo("NO_CAPACITY");
        assertThat(rejected.getStatusReason().getText()).isEqualTo("No crisis team capacity tonight");
        api().awaitTask("supervisor1", caseId, "user_supervisor_review");
        assertThat(api().view("supervisor1", caseId).get("state").asText()).isEqualTo("ESCALATED");
    }

    @Test
    void anotherAgencyNeitherSeesNorDecidesTheTaskAndNobodyUnsignedGetsIn() {
        String caseId = referralToMentalHealth(ApiCalls.reference());
        Task task = taskOfCase(client("mhcrisis1"), caseId, "requested");
        String id = task.getIdElement().getIdPart();
        IGenericClient ambulance = client("ambulance1");

        assertThatThrownBy(() -> ambulance.read().resource(Task.class).withId(id).execute())
                .isInstanceOfSatisfying(ResourceNotFoundException.class, refused -> outcomeOf(refused));
        Bundle theirs = ambulance.search().forResource(Task.class).where(Task.OWNER.hasId("Organization/mental-health"))
                .returnBundle(Bundle.class).execute();
        assertThat(valid(theirs).getEntry()).isEmpty();
        task.setStatus(Task.TaskStatus.ACCEPTED);
        assertThatThrownBy(() -> ambulance.update().resource(task).execute()).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client(null).read().resource(Task.class).withId(id).execute())
                .isInstanceOfSatisfying(AuthenticationException.class, refused -> outcomeOf(refused));

        assertThat(api().taskOf("mhcrisis1", caseId, "user_accept_referral")).as("nothing changed").isPresent();
        assertThat(api().view("supervisor1", caseId).get("responsibleAgency").asText()).isEqualTo("POLICE");
    }
}
