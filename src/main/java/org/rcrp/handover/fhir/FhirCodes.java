package org.rcrp.handover.fhir;

import java.util.Arrays;
import java.util.Optional;
import org.rcrp.handover.process.Agency;

/** The identifiers and code systems our FHIR resources use; the codes are the API's own enum names. */
final class FhirCodes {

    static final String BASE = "https://rcrp.org/fhir";
    /** Task.identifier: the case (GET /api/calls/{id}, /cases/{id}). */
    static final String CASE_ID = BASE + "/sid/case";
    /** Task.identifier, ServiceRequest.identifier: the caller's reference (CAD number). */
    static final String CALL_REFERENCE = BASE + "/sid/call-reference";
    /** Organization.identifier and owner identifiers: the agency (MENTAL_HEALTH …). */
    static final String AGENCY = BASE + "/sid/agency";
    static final String CATEGORY = BASE + "/CodeSystem/category";
    static final String REJECTION_REASON = BASE + "/CodeSystem/rejection-reason";
    static final String PARTNER_OUTCOME = BASE + "/CodeSystem/partner-outcome";

    private FhirCodes() {
    }

    /** The Organization id of an agency: MENTAL_HEALTH → mental-health (FHIR ids allow no underscore). */
    static String organizationId(Agency agency) {
        return agency.name().toLowerCase().replace('_', '-');
    }

    static Optional<Agency> agencyOfOrganization(String id) {
        return Arrays.stream(Agency.values()).filter(agency -> organizationId(agency).equals(id)).findFirst();
    }

    static String name(Agency agency) {
        return switch (agency) {
            case POLICE -> "Police";
            case MENTAL_HEALTH -> "Mental health crisis team";
            case AMBULANCE -> "Ambulance service";
            case SOCIAL_CARE -> "Social care";
            case CHILDRENS_SOCIAL_CARE -> "Children's social care";
            case HEALTHCARE_SETTING -> "Healthcare setting";
            case NHS111 -> "NHS 111";
            case HOSPITAL -> "Hospital (place of safety)";
            case FIRE -> "Fire and rescue";
        };
    }
}
