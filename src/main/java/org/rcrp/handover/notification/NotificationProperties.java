package org.rcrp.handover.notification;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.rcrp.handover.process.Agency;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where notices go: each agency's email address and (optionally) webhook, the public address links
 * point at, and the channels' settings. Everything comes from configuration, secrets from the
 * environment ({@code RCRP_AGENCIES_MENTALHEALTH_WEBHOOKSECRET}); nothing of it lives in the repository.
 */
@ConfigurationProperties("rcrp")
public record NotificationProperties(String publicUrl, Map<Agency, Contact> agencies, Channels notifications) {

    /** Shortest webhook secret accepted: 32 characters (HMAC-SHA256 keys shorter than the hash weaken it). */
    public static final int MIN_SECRET_LENGTH = 32;

    public NotificationProperties {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
        agencies = agencies == null ? Map.of() : Map.copyOf(agencies);
        notifications = notifications == null ? new Channels(null, null) : notifications;
        agencies.forEach((agency, contact) -> contact.check(agency));
    }

    public Contact contactOf(String agency) {
        try {
            return agencies.getOrDefault(Agency.valueOf(agency), Contact.NONE);
        } catch (IllegalArgumentException unknown) {
            return Contact.NONE;
        }
    }

    /** The case page a notice links to. */
    public String caseLink(String caseId) {
        return publicUrl + "/cases/" + caseId;
    }

    /** One agency's addresses: email (any number, comma-separated), webhook URL and its signing secret; the duty phone number people ring (shown to supervisors, never called by the system). */
    public record Contact(String email, URI webhookUrl, String webhookSecret, String phone) {

        static final Contact NONE = new Contact(null, null, null, null);

        public boolean hasEmail() {
            return email != null && !email.isBlank();
        }

        public boolean hasWebhook() {
            return webhookUrl != null;
        }

        void check(Agency agency) {
            if (hasWebhook()) {
                String scheme = webhookUrl.getScheme();
                if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
                    throw new IllegalArgumentException("rcrp.agencies." + agency + ".webhook-url must be an http(s) URL, was " + webhookUrl);
                }
                if (webhookSecret == null || webhookSecret.length() < MIN_SECRET_LENGTH) {
                    throw new IllegalArgumentException("rcrp.agencies." + agency + ".webhook-secret must be set, at least "
                            + MIN_SECRET_LENGTH + " characters, when a webhook-url is");
                }
            }
        }
    }

    /** From address of the emails; how long a webhook may take to answer. */
    public record Channels(String emailFrom, Duration webhookTimeout) {

        public Channels {
            emailFrom = emailFrom == null || emailFrom.isBlank() ? "rcrp-handover@localhost" : emailFrom;
            webhookTimeout = webhookTimeout == null ? Duration.ofSeconds(10) : webhookTimeout;
        }
    }
}
