package org.rcrp.handover.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.support.MutableClock;
import org.rcrp.handover.support.RawHttp;
import org.rcrp.handover.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Signing in over HTTP, on the real server: failed sign-ins lock a user and an address (HTTP Basic and
 * the form alike) — answered 429 problem+json with Retry-After, the right password refused too until the
 * lock ends (the throttle's clock is moved, not waited for); the session cookie's flags; HSTS on HTTPS
 * only; and the client address the throttle counts is the one Tomcat's RemoteIpValve leaves, so only a
 * trusted proxy (here 127.0.0.1 alone) may name another client with X-Forwarded-For. 127.0.0.2 is a
 * client that is no trusted proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestDatabase.DB_URL, "camunda.bpm.job-execution.enabled=false",
        "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1"})
@ActiveProfiles("postgres")
@DirtiesContext
class SignInSafetyIT {

    private static final String PROXY = "127.0.0.1";
    private static final String OUTSIDER = "127.0.0.2";

    @TestConfiguration
    static class TestClock {
        /** Primary over the application's engine clock, so the sign-in throttle runs on the time this test moves. */
        @Bean
        @org.springframework.context.annotation.Primary
        MutableClock signInClock() {
            return new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void everyLockHasRunOut() {
        clock.advance(Duration.ofDays(1));
    }

    // ---- finding 1: throttling failed sign-ins -----------------------------------------------------------

    @Test
    void tenWrongBasicPasswordsLockTheUserAndTheRightOneIsRefusedUntilTheLockEnds() throws Exception {
        for (int attempt = 1; attempt <= 25; attempt++) {
            RawHttp.Response wrong = basic(PROXY, "handler2", "guess" + attempt, Map.of());
            assertThat(wrong.status()).as("attempt %d", attempt).isEqualTo(attempt <= 10 ? 401 : 429);
        }
        RawHttp.Response right = basic(PROXY, "handler2", "handler2", Map.of());
        assertLocked(right);

        clock.advance(Duration.ofMinutes(14));
        assertLocked(basic(PROXY, "handler2", "handler2", Map.of()));
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(basic(PROXY, "handler2", "handler2", Map.of()).status()).as("after the lock").isEqualTo(200);
    }

    @Test
    void aSuccessfulSignInResetsTheUsersCount() throws Exception {
        for (int attempt = 1; attempt <= 9; attempt++) {
            assertThat(basic(PROXY, "officer1", "guess", Map.of()).status()).isEqualTo(401);
        }
        assertThat(basic(PROXY, "officer1", "officer1", Map.of()).status()).isEqualTo(200);
        for (int attempt = 1; attempt <= 9; attempt++) {
            assertThat(basic(PROXY, "officer1", "guess", Map.of()).status()).isEqualTo(401);
        }
        assertThat(basic(PROXY, "officer1", "officer1", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void tenWrongFormPasswordsLockTheUserAndTheRightOneIsRefusedUntilTheLockEnds() throws Exception {
        Form form = signInForm(PROXY);
        for (int attempt = 1; attempt <= 10; attempt++) {
            RawHttp.Response wrong = form.post("social1", "guess" + attempt);
            assertThat(wrong.status()).as("attempt %d", attempt).isEqualTo(302);
            assertThat(wrong.first("Location")).endsWith("/login?error");
        }
        RawHttp.Response right = form.post("social1", "social1");
        assertLocked(right);
        assertThat(right.first("Location")).isNull();

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        RawHttp.Response after = form.post("social1", "social1");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.first("Location")).endsWith("/work");
    }

    @Test
    void anAddressSprayingUserNamesIsLockedForEveryUser() throws Exception {
        for (int attempt = 1; attempt <= 50; attempt++) {
            assertThat(basic(OUTSIDER, "user-" + UUID.randomUUID(), "guess", Map.of()).status()).as("attempt %d", attempt)
                    .isEqualTo(401);
        }
        assertLocked(basic(OUTSIDER, "handler1", "handler1", Map.of()));
        assertThat(basic(PROXY, "handler1", "handler1", Map.of()).status()).as("another address is not locked").isEqualTo(200);
    }

    // ---- finding 3: the address and the scheme behind a proxy -----------------------------------------------

    @Test
    void aTrustedProxyNamesTheClientWhoseFailuresCount() throws Exception {
        Map<String, String> sprayer = Map.of("X-Forwarded-For", "198.51.100.7");
        for (int attempt = 1; attempt <= 50; attempt++) {
            assertThat(basic(PROXY, "user-" + UUID.randomUUID(), "guess", sprayer).status()).as("attempt %d", attempt)
                    .isEqualTo(401);
        }
        assertLocked(basic(PROXY, "handler1", "handler1", sprayer));
        assertThat(basic(PROXY, "handler1", "handler1", Map.of("X-Forwarded-For", "198.51.100.8")).status())
                .as("another client behind the same proxy is not locked").isEqualTo(200);
        assertThat(basic(PROXY, "handler1", "handler1", Map.of()).status()).as("nor is the proxy").isEqualTo(200);
    }

    @Test
    void aClientThatIsNoTrustedProxyCannotChangeItsAddressWithXForwardedFor() throws Exception {
        for (int attempt = 1; attempt <= 50; attempt++) {
            Map<String, String> spoofed = Map.of("X-Forwarded-For", "203.0.113." + attempt);
            assertThat(basic(OUTSIDER, "user-" + UUID.randomUUID(), "guess", spoofed).status()).as("attempt %d", attempt)
                    .isEqualTo(401);
        }
        assertLocked(basic(OUTSIDER, "handler1", "handler1", Map.of("X-Forwarded-For", "203.0.113.99")));
        assertThat(basic(PROXY, "handler1", "handler1", Map.of()).status()).as("the proxy's own address is not locked")
                .isEqualTo(200);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAlwaysAndSecureOverHttps() throws Exception {
        RawHttp.Response plain = raw(PROXY).send("GET", "/login", Map.of(), null);
        assertThat(plain.sessionCookie()).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
        assertThat(plain.first("Strict-Transport-Security")).as("no HSTS over plain HTTP").isNull();

        RawHttp.Response https = raw(PROXY).send("GET", "/login", Map.of("X-Forwarded-Proto", "https"), null);
        assertThat(https.sessionCookie()).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Secure");
        assertThat(https.first("Strict-Transport-Security")).contains("max-age=");
        RawHttp.Response api = basic(PROXY, "handler1", "handler1", Map.of("X-Forwarded-Proto", "https"));
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.first("Strict-Transport-Security")).contains("max-age=");

        RawHttp.Response spoofed = raw(OUTSIDER).send("GET", "/login", Map.of("X-Forwarded-Proto", "https"), null);
        assertThat(spoofed.sessionCookie()).as("HTTPS claimed by a client that is no trusted proxy").doesNotContain("Secure");
        assertThat(spoofed.first("Strict-Transport-Security")).isNull();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private void assertLocked(RawHttp.Response response) throws Exception {
        assertThat(response.status()).isEqualTo(429);
        assertThat(response.first("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(response.first("Retry-After"))).isBetween(1L, 900L);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("detail").asText()).contains("Too many failed sign-ins");
        assertThat(response.all("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
    }

    private RawHttp raw(String from) {
        return new RawHttp(from, port);
    }

    private RawHttp.Response basic(String from, String user, String password, Map<String, String> headers) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Authorization", RawHttp.basic(user, password));
        all.put("Accept", "application/json");
        return raw(from).send("GET", "/api/tasks", all, null);
    }

    private Form signInForm(String from) throws Exception {
        RawHttp.Response page = raw(from).send("GET", "/login", Map.of(), null);
        return new Form(raw(from), page.sessionCookie().split(";")[0], page.csrf());
    }

    private record Form(RawHttp http, String cookie, String csrf) {
        RawHttp.Response post(String user, String password) throws Exception {
            String body = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + csrf;
            return http.send("POST", "/login", Map.of("Cookie", cookie, "Accept", "application/json",
                    "Content-Type", "application/x-www-form-urlencoded"), body);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
