package org.rcrp.handover.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rcrp.handover.notification.NotificationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The fire and rescue service takes referrals only in a force that has enabled it; every other agency as it always does. */
class AgencyAvailabilityTest {

    private static final String FIRE_REFUSED = "FIRE takes no referrals here: the force has not enabled it";

    @Nested
    class FireDisabled {

        private final AgencyAvailability availability = new AgencyAvailability(false);

        @Test
        void fireTakesNoReferrals() {
            assertThat(availability.takesReferrals(Agency.FIRE)).isFalse();
            assertThat(availability.referable()).doesNotContain(Agency.FIRE);
        }

        @Test
        void aTriageOverrideOrARerouteToFireIsRefusedOnItsField() {
            assertThat(availability.refusals(Map.of("override.agency", Agency.FIRE)))
                    .containsExactly(new FieldError("override.agency", FIRE_REFUSED));
            assertThat(availability.refusals(Map.of("agency", Agency.FIRE)))
                    .containsExactly(new FieldError("agency", FIRE_REFUSED));
        }

        @ParameterizedTest
        @EnumSource(value = Agency.class, names = "FIRE", mode = EnumSource.Mode.EXCLUDE)
        void everyOtherAgencyIsAsItAlwaysIs(Agency agency) {
            assertThat(availability.takesReferrals(agency)).isEqualTo(agency.takesReferrals());
            assertThat(availability.refusals(Map.of("agency", agency))).as("an agency that never takes referrals is the body's own check")
                    .isEmpty();
        }
    }

    @Nested
    class FireEnabled {

        private final AgencyAvailability availability = new AgencyAvailability(true);

        @Test
        void fireTakesReferrals() {
            assertThat(availability.takesReferrals(Agency.FIRE)).isTrue();
            assertThat(availability.refusals(Map.of("override.agency", Agency.FIRE))).isEmpty();
            assertThat(availability.referable()).containsExactly(Agency.MENTAL_HEALTH, Agency.AMBULANCE, Agency.SOCIAL_CARE,
                    Agency.CHILDRENS_SOCIAL_CARE, Agency.HEALTHCARE_SETTING, Agency.FIRE);
        }

        @ParameterizedTest
        @EnumSource(value = Agency.class, names = "FIRE", mode = EnumSource.Mode.EXCLUDE)
        void everyOtherAgencyIsAsItAlwaysIs(Agency agency) {
            assertThat(availability.takesReferrals(agency)).isEqualTo(agency.takesReferrals());
        }
    }

    @Test
    void nothingReferredNothingRefused() {
        assertThat(new AgencyAvailability(false).refusals(Map.of())).isEmpty();
        assertThat(new AgencyAvailability(false).takesReferrals(null)).isFalse();
    }

    @EnableConfigurationProperties({AgencyAvailability.class, NotificationProperties.class})
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Properties.class);

    @Test
    void fireIsOffUnlessTheForceSwitchesItOn() {
        context.run(started -> assertThat(started.getBean(AgencyAvailability.class).fireEnabled()).isFalse());
        context.withPropertyValues("rcrp.referrals.fire-enabled=true")
                .run(started -> assertThat(started.getBean(AgencyAvailability.class).fireEnabled()).isTrue());
        context.withPropertyValues("rcrp.referrals.fire-enabled=false")
                .run(started -> assertThat(started.getBean(AgencyAvailability.class).fireEnabled()).isFalse());
    }

    @Test
    void theSwitchComesFromTheEnvironmentBesideTheAgenciesAddresses() {
        context.withInitializer(started -> started.getEnvironment().getPropertySources().replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                                "RCRP_REFERRALS_FIREENABLED", "true",
                                "RCRP_AGENCIES_FIRE_EMAIL", "control@fire.example.gov.uk"))))
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(started.getBean(AgencyAvailability.class).fireEnabled()).isTrue();
                    assertThat(started.getBean(NotificationProperties.class).contactOf("FIRE").email())
                            .isEqualTo("control@fire.example.gov.uk");
                });
    }
}
