package org.rcrp.handover.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rcrp.handover.process.Agency;

/** Each agency is an Organization partner systems can name: its id and display name. */
class FhirCodesTest {

    @Test
    void childrensSocialCareIsAnOrganizationOfItsOwn() {
        assertThat(FhirCodes.organizationId(Agency.CHILDRENS_SOCIAL_CARE)).isEqualTo("childrens-social-care");
        assertThat(FhirCodes.name(Agency.CHILDRENS_SOCIAL_CARE)).isEqualTo("Children's social care");
        assertThat(FhirCodes.agencyOfOrganization("childrens-social-care")).contains(Agency.CHILDRENS_SOCIAL_CARE);
        assertThat(FhirCodes.agencyOfOrganization("social-care")).contains(Agency.SOCIAL_CARE);
    }

    @Test
    void fireAndRescueIsAnOrganization() {
        assertThat(FhirCodes.organizationId(Agency.FIRE)).isEqualTo("fire");
        assertThat(FhirCodes.name(Agency.FIRE)).isEqualTo("Fire and rescue");
    }

    @Test
    void everyAgencyIsFoundByItsOrganizationIdAndHasAName() {
        for (Agency agency : Agency.values()) {
            assertThat(FhirCodes.agencyOfOrganization(FhirCodes.organizationId(agency))).as(agency.name()).contains(agency);
            assertThat(FhirCodes.name(agency)).as(agency.name()).isNotBlank();
        }
    }
}
