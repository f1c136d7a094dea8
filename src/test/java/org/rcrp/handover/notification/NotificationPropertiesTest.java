package org.rcrp.handover.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.process.Agency;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Agencies' addresses come from the environment as operators write it; a half-configured webhook refuses to start. */
class NotificationPropertiesTest {

    private static NotificationProperties bind(Map<String, Object> environment) {
        StandardEnvironment spring = new StandardEnvironment();
        // Named like the real one: Spring maps RCRP_AGENCIES_… to rcrp.agencies.… only for a "systemEnvironment" source.
        spring.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        return new Binder(ConfigurationPropertySources.get(spring)).bindOrCreate("rcrp", NotificationProperties.class);
    }

    @Test
    void environmentVariablesNameTheAgency() {
        NotificationProperties properties = bind(Map.of(
                "RCRP_PUBLICURL", "https://rcrp.example.police.uk/",
                "RCRP_AGENCIES_MENTALHEALTH_EMAIL", "crisis@mh.example.nhs.uk",
                "RCRP_AGENCIES_MENTALHEALTH_WEBHOOKURL", "https://mh.example.nhs.uk/rcrp",
                "RCRP_AGENCIES_MENTALHEALTH_WEBHOOKSECRET", "s".repeat(32)));

        assertThat(properties.agencies()).containsOnlyKeys(Agency.MENTAL_HEALTH);
        assertThat(properties.contactOf("MENTAL_HEALTH").email()).isEqualTo("crisis@mh.example.nhs.uk");
        assertThat(properties.contactOf("MENTAL_HEALTH").webhookUrl()).isEqualTo(URI.create("https://mh.example.nhs.uk/rcrp"));
        assertThat(properties.contactOf("AMBULANCE").hasEmail()).isFalse();
        assertThat(properties.caseLink("c1")).isEqualTo("https://rcrp.example.police.uk/cases/c1");
    }

    @Test
    void aWebhookNeedsALongEnoughSecret() {
        assertThatThrownBy(() -> bind(Map.of("RCRP_AGENCIES_AMBULANCE_WEBHOOKURL", "https://amb.example.nhs.uk/rcrp")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("webhook-secret");
        assertThatThrownBy(() -> bind(Map.of("RCRP_AGENCIES_AMBULANCE_WEBHOOKURL", "https://amb.example.nhs.uk/rcrp",
                "RCRP_AGENCIES_AMBULANCE_WEBHOOKSECRET", "short")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("at least 32");
        assertThatThrownBy(() -> bind(Map.of("RCRP_AGENCIES_AMBULANCE_WEBHOOKURL", "ftp://amb.example.nhs.uk/rcrp",
                "RCRP_AGENCIES_AMBULANCE_WEBHOOKSECRET", "s".repeat(32))))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("http(s)");
    }

    @Test
    void theSignatureIsHmacSha256OverTimestampDotBody() {
        // Known answer computed independently: printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'secret'
        assertThat(WebhookSignature.sign("secret", 1_700_000_000L, "{\"a\":1}"))
                .isEqualTo("sha256=" + OPENSSL_ANSWER);
        assertThat(WebhookSignature.verify("secret", "1700000000", "sha256=" + OPENSSL_ANSWER, "{\"a\":1}", 1_700_000_100L, 300)).isTrue();
        assertThat(WebhookSignature.verify("secret", "1700000000", "sha256=" + OPENSSL_ANSWER, "{\"a\":2}", 1_700_000_100L, 300)).isFalse();
        assertThat(WebhookSignature.verify("secret", "1700000000", "sha256=" + OPENSSL_ANSWER, "{\"a\":1}", 1_700_000_400L, 300))
                .as("a replay older than the tolerance").isFalse();
    }

    private static final String OPENSSL_ANSWER = "49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686";

    @Test
    void theRetryCycleMustBeARepeatingInterval() {
        assertThat(new NotificationRetry("R3/PT1S").attempts()).isEqualTo(3);
        assertThatThrownBy(() -> new NotificationRetry("PT1S")).hasMessageContaining("R5/PT1M");
        assertThatThrownBy(() -> new NotificationRetry("R0/PT1S")).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new NotificationRetry("R3/soon")).isInstanceOf(RuntimeException.class);
    }
}
