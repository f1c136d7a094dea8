package org.rcrp.handover.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The demo identity (every password = its user name) starts on the embedded H2 database only; anywhere
 * else only when RCRP_DEMO_IDENTITY=true says so, and then with a loud warning.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoIdentityGuardTest {

    private static final String POSTGRES = "jdbc:postgresql://db.example.org:5432/rcrp?user=rcrp&password=s3cret";

    private final ApplicationContextRunner app = new ApplicationContextRunner().withUserConfiguration(DemoIdentityGuard.class);

    @Test
    void theEmbeddedH2DatabaseStartsQuietly(CapturedOutput output) {
        for (String url : new String[] {"jdbc:h2:file:./data/rcrp;DB_CLOSE_ON_EXIT=FALSE", "jdbc:h2:mem:test", "jdbc:h2:./data/x",
                "JDBC:H2:MEM:upper"}) {
            app.withPropertyValues("spring.datasource.url=" + url).run(context -> assertThat(context).hasNotFailed());
        }
        app.run(context -> assertThat(context).as("no URL: Spring Boot's embedded database").hasNotFailed());
        assertThat(output).doesNotContain("DEMO IDENTITY");
    }

    @Test
    void postgresqlWithoutTheSwitchRefusesToStartAndNamesTheSetting() {
        app.withPropertyValues("spring.datasource.url=" + POSTGRES).run(context -> {
            assertThat(context).hasFailed();
            assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure())).message()
                    .contains("demo identity").contains("jdbc:postgresql").contains("RCRP_DEMO_IDENTITY=true")
                    .contains("rcrp.identity.demo-on-any-database").contains("keycloak")
                    .doesNotContain("s3cret").doesNotContain("db.example.org");
        });
        app.withPropertyValues("spring.datasource.url=" + POSTGRES, "rcrp.identity.mode=demo",
                "rcrp.identity.demo-on-any-database=false").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void anH2ServerOverTheNetworkIsNoEmbeddedDatabase() {
        app.withPropertyValues("spring.datasource.url=jdbc:h2:tcp://db.example.org/rcrp").run(context -> {
            assertThat(context).hasFailed();
            assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure())).message().contains("jdbc:h2:tcp").doesNotContain("db.example.org");
        });
    }

    @Test
    void postgresqlWithTheSwitchStartsWithALoudWarning(CapturedOutput output) {
        app.withPropertyValues("spring.datasource.url=" + POSTGRES, "rcrp.identity.demo-on-any-database=true")
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(output).contains("WARN").contains("DEMO IDENTITY").contains("password = user name").contains("jdbc:postgresql")
                .doesNotContain("s3cret");
    }

    @Test
    void keycloakIdentityStartsOnAnyDatabase(CapturedOutput output) {
        app.withPropertyValues("spring.datasource.url=" + POSTGRES, "rcrp.identity.mode=keycloak")
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(output).doesNotContain("DEMO IDENTITY");
    }
}
