package org.rcrp.handover.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** A signed JSON POST to the agency's webhook; anything but a 2xx answer is a failure (and retried). */
@Component
class WebhookChannel {

    private final NotificationProperties properties;
    private final ObjectMapper objectMapper;
    private final HttpClient http;

    WebhookChannel(NotificationProperties properties, ObjectMapper objectMapper) {
        this.properties = properties;
        this.objectMapper = objectMapper;
        this.http = HttpClient.newBuilder().connectTimeout(properties.notifications().webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void send(Notice notice, NotificationProperties.Contact contact) {
        Instant now = Instant.now();
        String body;
        try {
            body = objectMapper.writeValueAsString(NoticeMessage.fields(notice, properties.caseLink(notice.caseId()), now));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        long timestamp = now.getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(contact.webhookUrl())
                .timeout(properties.notifications().webhookTimeout())
                .header("Content-Type", "application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(contact.webhookSecret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (notice.id() != null) {
            request.header(WebhookSignature.DELIVERY_HEADER, notice.id());
        }
        HttpResponse<Void> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException failed) {
            throw new NotificationFailedException("webhook of " + notice.agency() + " unreachable: " + failed, failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new NotificationFailedException("webhook of " + notice.agency() + " interrupted", interrupted);
        }
        if (response.statusCode() / 100 != 2) {
            throw new NotificationFailedException("webhook of " + notice.agency() + " answered " + response.statusCode());
        }
    }
}
