package org.rcrp.handover.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which agencies take referrals, and the group (= Keycloak group, Camunda candidate group) that works each one's. */
class AgencyTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "MENTAL_HEALTH,         mental-health",
            "AMBULANCE,             ambulance",
            "SOCIAL_CARE,           social-care",
            "CHILDRENS_SOCIAL_CARE, childrens-social-care",
            "HEALTHCARE_SETTING,    hospital-liaison",
            "HOSPITAL,              hospital-liaison",
            "FIRE,                  fire",
    })
    void eachPartnerAgencyIsWorkedByItsGroup(Agency agency, String group) {
        assertThat(agency.candidateGroup()).contains(group);
    }

    @Test
    void policeAndNhs111HaveNoGroupHere() {
        assertThat(Agency.POLICE.candidateGroup()).isEmpty();
        assertThat(Agency.NHS111.candidateGroup()).isEmpty();
    }

    @Test
    void childrensSocialCareIsAnAgencyOfItsOwnBesideAdultSocialCare() {
        assertThat(Agency.CHILDRENS_SOCIAL_CARE.takesReferrals()).isTrue();
        assertThat(Agency.CHILDRENS_SOCIAL_CARE.candidateGroup()).isNotEqualTo(Agency.SOCIAL_CARE.candidateGroup());
        assertThat(Agency.values()[Agency.SOCIAL_CARE.ordinal() + 1]).as("listed right after adult social care")
                .isEqualTo(Agency.CHILDRENS_SOCIAL_CARE);
    }

    @Test
    void theAgenciesThatTakeReferrals() {
        assertThat(Arrays.stream(Agency.values()).filter(Agency::takesReferrals))
                .as("where the force has enabled them: AgencyAvailability")
                .containsExactly(Agency.MENTAL_HEALTH, Agency.AMBULANCE, Agency.SOCIAL_CARE, Agency.CHILDRENS_SOCIAL_CARE,
                        Agency.HEALTHCARE_SETTING, Agency.FIRE);
    }

    @Test
    void fireAndRescueIsListedAfterTheHospital() {
        assertThat(Agency.values()[Agency.HOSPITAL.ordinal() + 1]).isEqualTo(Agency.FIRE);
    }

    @Test
    void eachGroupWorksOneAgencysReferralsOnly() {
        List<String> groups = Arrays.stream(Agency.values()).filter(Agency::takesReferrals)
                .map(agency -> agency.candidateGroup().orElseThrow()).toList();
        assertThat(groups).doesNotHaveDuplicates();
    }

    @Test
    void theModelsGetTheGroupOfAnAgencyThatTakesReferrals() {
        assertThat(new Agencies().candidateGroup("CHILDRENS_SOCIAL_CARE")).isEqualTo("childrens-social-care");
        assertThat(new Agencies().candidateGroup(Agency.SOCIAL_CARE)).isEqualTo("social-care");
    }
}
