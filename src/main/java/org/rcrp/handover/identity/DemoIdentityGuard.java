package org.rcrp.handover.identity;

import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo identity (the demo users, every password = its user name) belongs to the zero-setup run on the
 * embedded H2 database. On any other database — a real deployment, or a shared test system — the application
 * refuses to start with it, unless {@code rcrp.identity.demo-on-any-database} ({@code RCRP_DEMO_IDENTITY=true})
 * says so, and then it says loudly what it is doing. Checked before any other bean is made, so a refused start
 * has not touched the database. The keycloak profile is not affected.
 */
@Component
class DemoIdentityGuard implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final Logger LOG = LoggerFactory.getLogger(DemoIdentityGuard.class);

    static final String SWITCH = "rcrp.identity.demo-on-any-database";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment.getProperty("rcrp.identity.mode"), environment.getProperty("spring.datasource.url"),
                environment.getProperty(SWITCH, Boolean.class, false))
                .ifPresent(LOG::warn);
    }

    /**
     * Empty when the start is fine as it is; the warning to log when the switch allows the demo identity on
     * another database; an {@link IllegalStateException} naming the switch when it does not.
     */
    static Optional<String> check(String mode, String datasourceUrl, boolean onAnyDatabase) {
        if (mode != null && !mode.equalsIgnoreCase(IdentityProperties.Mode.DEMO.name())) {
            return Optional.empty();
        }
        if (datasourceUrl == null || isEmbeddedH2(datasourceUrl)) {
            return Optional.empty();
        }
        String kind = kind(datasourceUrl);
        if (!onAnyDatabase) {
            throw new IllegalStateException("The demo identity (rcrp.identity.mode=demo: the demo users, every password = "
                    + "its user name) runs on the embedded H2 database only, and this database is " + kind + ". Sign in "
                    + "through Keycloak (SPRING_PROFILES_ACTIVE=postgres,keycloak), or, for a test system that nobody "
                    + "outside may reach, set RCRP_DEMO_IDENTITY=true (" + SWITCH + "=true).");
        }
        return Optional.of("""

                ********************************************************************************************
                  DEMO IDENTITY ON {KIND} (RCRP_DEMO_IDENTITY=true)
                  Anyone who can reach this server can sign in as any demo user: password = user name,
                  including admin1 (Camunda administrator) and manager1. Never on real cases.
                ********************************************************************************************"""
                .replace("{KIND}", kind));
    }

    /** H2 in this JVM (mem:, file:, or a plain path); not an H2 server over the network (tcp:, ssl:). */
    static boolean isEmbeddedH2(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:tcp:") && !lower.startsWith("jdbc:h2:ssl:");
    }

    /** The kind of database only ({@code jdbc:postgresql}), never its host, name or credentials. */
    private static String kind(String url) {
        String[] parts = url.split(":", 4);
        String kind = parts.length >= 3 && parts[0].equalsIgnoreCase("jdbc") && parts[1].equalsIgnoreCase("h2")
                ? parts[0] + ":" + parts[1] + ":" + parts[2]
                : parts.length >= 2 ? parts[0] + ":" + parts[1] : "an unknown database";
        return kind.replaceAll("[^A-Za-z0-9:._-]", "");
    }
}
