package org.rcrp.handover.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.support.ApiCalls;
import org.rcrp.handover.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notices reach agencies through real channels started in the test: a GreenMail SMTP server and JDK
 * HTTP servers as partner webhooks on free loopback ports. Mental health's webhook fails twice then
 * answers; the ambulance service's always fails (a supervisor must hear of it); social care has email
 * only and hears of the referral, its reminder and its escalation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestDatabase.DB_URL,
        "rcrp.notifications.retry-cycle=R3/PT1S",
        "rcrp.sla.partner-reminder=PT4S",
        "rcrp.sla.partner-acknowledgement=PT8S",
        "rcrp.public-url=https://rcrp.example.police.uk",
        "rcrp.agencies.MENTAL_HEALTH.email=crisis-team@mh.example.nhs.uk",
        "rcrp.agencies.AMBULANCE.email=control@ambulance.example.nhs.uk",
        "rcrp.agencies.SOCIAL_CARE.email=duty@social.example.gov.uk, emergency-duty@social.example.gov.uk"})
@ActiveProfiles("postgres")
@DirtiesContext
class NotificationsPostgresIT {

    private static final String MH_SECRET = "mental-health-webhook-secret-0123456789";
    private static final String AMBULANCE_SECRET = "ambulance-webhook-secret-0123456789abcdef";

    private static final GreenMail SMTP;
    private static final HttpServer PARTNERS;
    private static final Receiver MENTAL_HEALTH = new Receiver(MH_SECRET, 2);
    private static final Receiver AMBULANCE = new Receiver(AMBULANCE_SECRET, Integer.MAX_VALUE);

    static {
        SMTP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        SMTP.start();
        try {
            PARTNERS = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PARTNERS.createContext("/mental-health/rcrp", MENTAL_HEALTH::handle);
        PARTNERS.createContext("/ambulance/rcrp", AMBULANCE::handle);
        PARTNERS.start();
    }

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        String base = "http://127.0.0.1:" + PARTNERS.getAddress().getPort();
        registry.add("rcrp.agencies.MENTAL_HEALTH.webhook-url", () -> base + "/mental-health/rcrp");
        registry.add("rcrp.agencies.MENTAL_HEALTH.webhook-secret", () -> MH_SECRET);
        registry.add("rcrp.agencies.AMBULANCE.webhook-url", () -> base + "/ambulance/rcrp");
        registry.add("rcrp.agencies.AMBULANCE.webhook-secret", () -> AMBULANCE_SECRET);
    }

    @AfterAll
    static void stopChannels() {
        PARTNERS.stop(0);
        SMTP.stop();
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private ApiCalls api() {
        return new ApiCalls(http);
    }

    @Test
    void aWebhookThatFailsTwiceGetsTheSignedReferralOnTheThirdAttemptAndTheEmailCarriesTheLink() throws Exception {
        String reference = ApiCalls.reference();
        String caseId = api().logCall(ApiCalls.welfareKnownTo(reference, "MENTAL_HEALTH"));
        api().triageToReferral(caseId, null);

        api().awaitTask("mhcrisis1", caseId, "user_accept_referral");
        List<Delivery> deliveries = await().atMost(Duration.ofSeconds(60))
                .until(() -> MENTAL_HEALTH.deliveriesOf(caseId, "REFERRAL_MADE"), list -> list.size() == 3);

        assertThat(deliveries).extracting(Delivery::answered).containsExactly(500, 500, 204);
        assertThat(deliveries).allSatisfy(delivery -> {
            assertThat(delivery.signatureValid()).as("signature over timestamp.body").isTrue();
            assertThat(Math.abs(Instant.now().getEpochSecond() - delivery.timestamp())).isLessThan(300);
        });
        assertThat(deliveries).extracting(Delivery::deliveryId).as("one delivery id over all retries").containsOnly(deliveries.get(0).deliveryId());
        JsonNode body = json.readTree(deliveries.get(2).body());
        java.nio.file.Files.writeString(java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "fhir-samples"))
                .resolve("webhook-body.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(body));
        assertThat(body.get("id").asText()).isEqualTo(deliveries.get(2).deliveryId());
        assertThat(body.get("reference").asText()).isEqualTo(reference);
        assertThat(body.get("category").asText()).isEqualTo("CONCERN_FOR_WELFARE");
        assertThat(body.get("agency").asText()).isEqualTo("MENTAL_HEALTH");
        assertThat(body.get("link").asText()).isEqualTo("https://rcrp.example.police.uk/cases/" + caseId);
        assertThat(Instant.parse(body.get("due").asText())).isAfter(Instant.now().minusSeconds(60));
        assertMinimumData(deliveries.get(2).body());

        List<MimeMessage> emails = emailsTo("crisis-team@mh.example.nhs.uk", reference);
        assertThat(emails).isNotEmpty();
        MimeMessage email = emails.get(0);
        assertThat(email.getSubject()).isEqualTo("[RCRP] Referral for your agency " + reference);
        String text = GreenMailUtil.getBody(email);
        assertThat(text).contains("https://rcrp.example.police.uk/cases/" + caseId, "Concern for welfare", "Referral for your agency")
                .doesNotContainPattern("\\b[A-Z]+_[A-Z_]+\\b");
        assertMinimumData(text);
        assertThat(incidents()).isZero();
    }

    @Test
    void aWebhookThatAlwaysFailsRaisesASupervisorReviewNotAnIncident() throws Exception {
        String reference = ApiCalls.reference();
        // Known to adult social care, whose endpoint is not the crisis team's: this test's failures stay the ambulance's.
        String caseId = api().logCall(ApiCalls.welfareKnownTo(reference, "SOCIAL_CARE"));
        api().triageToReferral(caseId, "AMBULANCE");

        String review = api().awaitTask("supervisor1", caseId, "user_supervisor_review");

        assertThat(AMBULANCE.deliveriesOf(caseId, "REFERRAL_MADE")).hasSize(3).allSatisfy(delivery -> {
            assertThat(delivery.signatureValid()).isTrue();
            assertThat(delivery.answered()).isEqualTo(503);
        });
        assertThat(api().taskOf("ambulance1", caseId, "user_accept_referral")).isEmpty();
        JsonNode view = api().view("supervisor1", caseId);
        assertThat(view.get("state").asText()).isEqualTo("ESCALATED");
        assertThat(view.get("responsibleAgency").asText()).isEqualTo("POLICE");
        assertThat(incidents()).isZero();
        // The email did go out, each attempt (at-least-once); the webhook is what failed.
        assertThat(emailsTo("control@ambulance.example.nhs.uk", reference)).hasSize(3);

        // The supervisor sees why, and may not close a case over an undelivered notice.
        var claimed = api().call("supervisor1", org.springframework.http.HttpMethod.POST, "/api/tasks/" + review + "/claim", null);
        assertThat(claimed.getStatusCode().value()).isEqualTo(204);
        var closing = api().call("supervisor1", org.springframework.http.HttpMethod.POST, "/api/tasks/" + review + "/complete",
                Map.of("action", "CLOSE", "note", "close"));
        assertThat(closing.getStatusCode().value()).isEqualTo(400);
        assertThat(closing.getBody().get("errors").get(0).get("field").asText()).isEqualTo("action");
        assertThat(closing.getBody().get("errors").get(0).get("message").asText()).contains("NOTIFICATION_FAILED");
        var police = api().call("supervisor1", org.springframework.http.HttpMethod.POST, "/api/tasks/" + review + "/complete",
                Map.of("action", "POLICE_ATTEND", "note", "Ambulance control unreachable: police attend"));
        assertThat(police.getStatusCode().value()).isEqualTo(204);
        api().awaitTask("officer1", caseId, "user_attend");
    }

    @Test
    void anAgencyWithEmailOnlyHearsOfTheReferralItsReminderAndItsEscalation() throws Exception {
        String reference = ApiCalls.reference();
        String caseId = api().logCall(ApiCalls.welfareKnownTo(reference, "SOCIAL_CARE"));
        api().triageToReferral(caseId, null);

        api().awaitTask("supervisor1", caseId, "user_supervisor_review");
        List<MimeMessage> emails = await().atMost(Duration.ofSeconds(60))
                .until(() -> emailsTo("duty@social.example.gov.uk", reference), list -> list.size() == 3);

        assertThat(emails).extracting(MimeMessage::getSubject).containsExactly(
                "[RCRP] Referral for your agency " + reference,
                "[RCRP] Reminder: referral waiting " + reference,
                "[RCRP] Escalated: referral not answered in time " + reference);
        for (MimeMessage email : emails) {
            assertThat(email.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                    .containsExactly("duty@social.example.gov.uk", "emergency-duty@social.example.gov.uk");
            assertMinimumData(GreenMailUtil.getBody(email));
        }
        assertThat(api().view("supervisor1", caseId).get("state").asText()).isEqualTo("ESCALATED");
    }

    // ---- helpers ----

    private static void assertMinimumData(String message) {
        assertThat(message).doesNotContain("Jane", "Smithson", "Alan", "Neighbour", ApiCalls.CALLER_PHONE, ApiCalls.CALLER_PHONE_DIGITS, "12 High Street");
    }

    private long incidents() {
        return jdbc.queryForObject("select count(*) from act_ru_incident", Long.class);
    }

    /** Emails about the reference addressed to the address, once each (GreenMail keeps a copy per recipient). */
    private static List<MimeMessage> emailsTo(String address, String reference) throws Exception {
        Map<String, MimeMessage> found = new java.util.LinkedHashMap<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            boolean toAddress = java.util.Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equals(address));
            if (toAddress && message.getSubject().endsWith(reference)) {
                found.putIfAbsent(message.getMessageID(), message);
            }
        }
        return List.copyOf(found.values());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Delivery(String caseId, String kind, String deliveryId, long timestamp, String body, boolean signatureValid, int answered) {
    }

    /** A partner's webhook endpoint: verifies the signature itself (its own HMAC, not our code), fails the first N requests. */
    static final class Receiver {

        private final String secret;
        private final AtomicInteger failuresLeft;
        private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        private final ObjectMapper json = new ObjectMapper();

        Receiver(String secret, int failures) {
            this.secret = secret;
            this.failuresLeft = new AtomicInteger(failures);
        }

        void handle(HttpExchange exchange) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst("X-RCRP-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-RCRP-Signature");
            boolean valid = signature != null && signature.equals("sha256=" + hmacHex(timestamp + "." + body));
            JsonNode notice = json.readTree(body);
            int status = !valid ? 401 : failuresLeft.getAndDecrement() > 0 ? (secret.equals(MH_SECRET) ? 500 : 503) : 204;
            deliveries.add(new Delivery(notice.get("caseId").asText(), notice.get("kind").asText(),
                    exchange.getRequestHeaders().getFirst("X-RCRP-Delivery"), Long.parseLong(timestamp), body, valid, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        }

        List<Delivery> deliveriesOf(String caseId, String kind) {
            return deliveries.stream().filter(d -> d.caseId().equals(caseId) && d.kind().equals(kind)).toList();
        }

        private String hmacHex(String signed) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
