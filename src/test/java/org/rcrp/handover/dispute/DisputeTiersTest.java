package org.rcrp.handover.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.identity.DemoUsers;
import org.rcrp.handover.operations.EngineClock;
import org.rcrp.handover.process.Agency;

class DisputeTiersTest {

    private final DisputeTiers tiers = new DisputeTiers(DisputeProperties.defaults(), EngineClock.INSTANCE);

    @Test
    void eachAgencysManagersGroupIsItsReferralGroupWithTheTiersSuffix() {
        assertThat(tiers.partnerGroup("MENTAL_HEALTH", 1)).isEqualTo("mental-health-managers");
        assertThat(tiers.partnerGroup("AMBULANCE", 1)).isEqualTo("ambulance-managers");
        assertThat(tiers.partnerGroup("SOCIAL_CARE", 1)).isEqualTo("social-care-managers");
        assertThat(tiers.partnerGroup("CHILDRENS_SOCIAL_CARE", 1)).isEqualTo("childrens-social-care-managers");
        assertThat(tiers.partnerGroup("HEALTHCARE_SETTING", 1)).isEqualTo("hospital-liaison-managers");
        assertThat(tiers.partnerGroup("FIRE", 2)).isEqualTo("fire-senior-managers");
        assertThat(tiers.policeGroup(1)).isEqualTo("duty-inspectors");
        assertThat(tiers.policeGroup(2)).isEqualTo("police-senior-managers");
        assertThat(tiers.shiftEnd()).isEqualTo("PT8H");
    }

    @Test
    void everyTiersGroupOfEveryAgencyIsADemoGroup() {
        List<String> demoGroups = DemoUsers.GROUPS.stream().map(group -> group.get(0)).toList();
        for (int tier = 1; tier <= tiers.count(); tier++) {
            assertThat(demoGroups).contains(tiers.policeGroup(tier));
            for (Agency agency : Agency.values()) {
                if (agency.takesReferrals()) {
                    assertThat(demoGroups).contains(tiers.partnerGroup(agency.name(), tier));
                }
            }
        }
    }

    @Test
    void tiersAndTheShiftAreConfigurable() {
        DisputeTiers three = new DisputeTiers(new DisputeProperties(Duration.ofHours(12),
                List.of("duty-inspectors", "superintendents", "chief-officers"), List.of("managers", "directors", "chief-executives")), EngineClock.INSTANCE);
        assertThat(three.count()).isEqualTo(3);
        assertThat(three.partnerGroup("MENTAL_HEALTH", 3)).isEqualTo("mental-health-chief-executives");
        assertThat(three.shiftEnd()).isEqualTo("PT12H");
        assertThatThrownBy(() -> three.policeGroup(4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DisputeProperties(null, List.of("a"), List.of("b", "c"))).isInstanceOf(IllegalArgumentException.class);
    }
}
