package org.rcrp.handover.notification;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The notifier the processes use: every notice goes to the log, then by email to the agency's
 * addresses and by webhook where the agency has one. A failure on any configured channel fails the
 * send, so the engine retries the step (at-least-once: a retry may repeat a channel that had worked;
 * the delivery id lets receivers drop repeats).
 */
@Component
@Primary
class AgencyNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(AgencyNotifier.class);

    private final NotificationProperties properties;
    private final LogNotifier log;
    private final EmailChannel email;
    private final WebhookChannel webhook;

    AgencyNotifier(NotificationProperties properties, LogNotifier log, EmailChannel email, WebhookChannel webhook) {
        this.properties = properties;
        this.log = log;
        this.email = email;
        this.webhook = webhook;
        properties.agencies().forEach((agency, contact) -> LOG.info("Notices to {}: email {}, webhook {}", agency,
                contact.hasEmail() ? contact.email() : "none", contact.hasWebhook() ? contact.webhookUrl() : "none"));
    }

    @Override
    public void send(Notice notice) {
        log.send(notice);
        NotificationProperties.Contact contact = properties.contactOf(notice.agency());
        List<String> failures = new ArrayList<>();
        if (contact.hasEmail()) {
            attempt(failures, () -> email.send(notice, contact));
        }
        if (contact.hasWebhook()) {
            attempt(failures, () -> webhook.send(notice, contact));
        }
        if (!failures.isEmpty()) {
            throw new NotificationFailedException(String.join("; ", failures));
        }
    }

    private static void attempt(List<String> failures, Runnable channel) {
        try {
            channel.run();
        } catch (RuntimeException failed) {
            LOG.warn("Notice not delivered: {}", failed.getMessage());
            failures.add(failed.getMessage());
        }
    }
}
