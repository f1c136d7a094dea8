package org.rcrp.handover.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.support.MutableClock;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/** A session ends after its idle limit of nothing the person did; the pages' own refreshes do not count as doing something. */
class SessionIdleLimitTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T14:00:00Z"));
    private final SessionIdleLimit limit = new SessionIdleLimit(Duration.ofMinutes(30), clock);
    private final MockHttpSession session = new MockHttpSession();

    @Test
    void aPageThatRefreshesItselfDoesNotKeepTheSessionAlive() throws Exception {
        send(false);
        for (int minute = 0; minute < 29; minute++) {
            clock.advance(Duration.ofMinutes(1));
            send(true);
        }
        assertThat(limit.left(session)).isEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        send(true);
        assertThat(session.isInvalid()).as("ended after 30 minutes of nothing but refreshes").isTrue();
    }

    @Test
    void whatThePersonDoesStartsTheFullTimeAgain() throws Exception {
        send(false);
        assertThat(session.getMaxInactiveInterval()).as("the container's expiry, to the second").isEqualTo(1800);
        clock.advance(Duration.ofMinutes(28));
        assertThat(limit.left(session)).isEqualTo(Duration.ofMinutes(2));
        send(false); // "Stay signed in", or any page
        assertThat(limit.left(session)).isEqualTo(Duration.ofMinutes(30));
        clock.advance(Duration.ofMinutes(29));
        send(true);
        assertThat(session.isInvalid()).isFalse();
    }

    private void send(boolean background) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/work");
        request.setSession((HttpSession) session);
        if (background) {
            request.addHeader("X-Requested-With", "fetch");
        }
        limit.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
    }
}
