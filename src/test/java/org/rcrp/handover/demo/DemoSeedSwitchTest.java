package org.rcrp.handover.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code rcrp.demo.seed} as the application's own configuration files set it: on in the zero-setup run (no profile, H2),
 * off under the postgres profile (a real database, and every integration test) and the keycloak profile; and the
 * runner is not even made when it is off.
 */
class DemoSeedSwitchTest {

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer());

    @Test
    void theZeroSetupRunSeeds() {
        application.run(context -> assertThat(context.getEnvironment().getProperty("rcrp.demo.seed", Boolean.class)).isTrue());
    }

    @Test
    void thePostgresProfileDoesNotSeedUnlessToldTo() {
        application.withPropertyValues("spring.profiles.active=postgres").withUserConfiguration(DemoShiftRunner.class)
                .run(context -> {
                    assertThat(context.getEnvironment().getProperty("rcrp.demo.seed", Boolean.class)).isFalse();
                    assertThat(context).doesNotHaveBean(DemoShiftRunner.class);
                });
        application.withPropertyValues("spring.profiles.active=postgres,keycloak")
                .run(context -> assertThat(context.getEnvironment().getProperty("rcrp.demo.seed", Boolean.class)).isFalse());
    }
}
