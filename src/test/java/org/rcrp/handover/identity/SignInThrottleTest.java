package org.rcrp.handover.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.support.MutableClock;
import org.springframework.mock.web.MockHttpServletRequest;

/** The counting, locking and forgetting of failed sign-ins, on a clock the test moves. */
class SignInThrottleTest {

    private static final String HOME = "192.0.2.10";
    private static final String AWAY = "192.0.2.20";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(new SignInProperties(10, 50, Duration.ofMinutes(15),
            Duration.ofMinutes(15), 1000), clock);

    @Test
    void nineFailuresLockNothingAndTheTenthLocksTheUserForFifteenMinutes() {
        fail("handler1", HOME, 9);
        assertThat(throttle.lockedFor("handler1", HOME)).isEmpty();

        fail("handler1", HOME, 1);
        assertThat(throttle.lockedFor("handler1", HOME)).contains(Duration.ofMinutes(15));
        assertThat(throttle.lockedFor("handler1", AWAY)).as("the user, from anywhere").contains(Duration.ofMinutes(15));
        assertThat(throttle.lockedFor("handler2", HOME)).as("not the address: 10 < 50").isEmpty();

        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(throttle.lockedFor("handler1", HOME)).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.lockedFor("handler1", HOME)).isEmpty();
    }

    @Test
    void userNamesAreCaseInsensitiveLikeTheDemoUsers() {
        fail("Handler1", HOME, 5);
        fail("HANDLER1", AWAY, 5);
        assertThat(throttle.lockedFor("handler1", "192.0.2.30")).isPresent();
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        fail("handler1", HOME, 9);
        clock.advance(Duration.ofMinutes(15));
        fail("handler1", HOME, 9);
        assertThat(throttle.lockedFor("handler1", HOME)).isEmpty();
        fail("handler1", HOME, 1);
        assertThat(throttle.lockedFor("handler1", HOME)).isPresent();
    }

    @Test
    void afterALockTheCountStartsAgain() {
        fail("handler1", HOME, 10);
        clock.advance(Duration.ofMinutes(15));
        fail("handler1", HOME, 9);
        assertThat(throttle.lockedFor("handler1", HOME)).isEmpty();
    }

    @Test
    void aSuccessClearsTheUsersCountButNotALockNorTheAddresssCount() {
        fail("handler1", HOME, 9);
        throttle.succeeded("handler1");
        fail("handler1", HOME, 9);
        assertThat(throttle.lockedFor("handler1", HOME)).isEmpty();

        fail("handler1", HOME, 1);
        throttle.succeeded("handler1");
        assertThat(throttle.lockedFor("handler1", HOME)).as("a success does not lift a lock").isPresent();

        fail("user-a", "192.0.2.99", 49);
        throttle.succeeded("user-a");
        fail("user-b", "192.0.2.99", 1);
        assertThat(throttle.lockedFor("anyone", "192.0.2.99")).as("the address counted on through a success").isPresent();
    }

    @Test
    void anAddressSprayingUserNamesIsLockedForEveryUser() {
        for (int i = 0; i < 49; i++) {
            throttle.failed("user" + i, HOME);
        }
        assertThat(throttle.lockedFor("handler1", HOME)).isEmpty();
        throttle.failed("user49", HOME);
        assertThat(throttle.lockedFor("handler1", HOME)).contains(Duration.ofMinutes(15));
        assertThat(throttle.lockedFor("handler1", AWAY)).isEmpty();
    }

    @Test
    void sprayingRandomNamesNeverGrowsMemoryPastTheBound() {
        for (int i = 0; i < 100_000; i++) {
            throttle.failed("random-" + i, "198.51.100." + (i % 250));
            assertThat(throttle.trackedUsers()).isLessThanOrEqualTo(1000);
        }
        assertThat(throttle.trackedAddresses()).isLessThanOrEqualTo(1000);
    }

    @Test
    void whenTheTableIsFullLocksOutliveUnlockedEntries() {
        fail("handler1", HOME, 10);
        for (int i = 0; i < 5_000; i++) {
            clock.advance(Duration.ofMillis(1));
            throttle.failed("random-" + i, null);
        }
        assertThat(throttle.lockedFor("handler1", AWAY)).as("a flood of new names does not flush a lock").isPresent();
    }

    @Test
    void finishedEntriesAreForgottenBeforeOlderOnesStillCounting() {
        SignInThrottle shortLocks = new SignInThrottle(new SignInProperties(10, 1_000_000, Duration.ofMinutes(15),
                Duration.ofMinutes(5), 1000), clock);
        for (int i = 0; i < 9; i++) {
            shortLocks.failed("handler1", HOME);
        }
        clock.advance(Duration.ofMinutes(1));
        for (int user = 0; user < 700; user++) {
            for (int i = 0; i < 10; i++) {
                shortLocks.failed("locked-" + user, HOME);
            }
        }
        clock.advance(Duration.ofMinutes(6));
        for (int i = 0; i < 301; i++) {
            shortLocks.failed("new-" + i, HOME);
        }
        assertThat(shortLocks.trackedUsers()).isLessThanOrEqualTo(1000);
        shortLocks.failed("handler1", HOME);
        assertThat(shortLocks.lockedFor("handler1", AWAY)).as("its nine older failures were kept: the finished locks went first")
                .isPresent();
    }

    @Test
    void aHugeUserNameIsKeptAsItsHash() {
        String huge = "x".repeat(10_000);
        assertThat(SignInThrottle.userKey(huge)).hasSize("sha256:".length() + 64);
        assertThat(SignInThrottle.userKey(huge)).isEqualTo(SignInThrottle.userKey(huge.toUpperCase()));
        fail(huge, HOME, 10);
        assertThat(throttle.lockedFor(huge, AWAY)).isPresent();
        assertThat(SignInThrottle.printable("a\r\nb\u0000")).isEqualTo("a??b?");
    }

    @Test
    void theUserNameIsReadFromHttpBasicOrTheSignInFormOnly() {
        MockHttpServletRequest basic = new MockHttpServletRequest("GET", "/api/tasks");
        basic.addHeader("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("handler1:a:b".getBytes()));
        assertThat(SignInThrottling.attemptedUser(basic)).isEqualTo("handler1");

        MockHttpServletRequest form = new MockHttpServletRequest("POST", "/login");
        form.setParameter("username", " social1 ");
        assertThat(SignInThrottling.attemptedUser(form)).isEqualTo("social1");
        MockHttpServletRequest emptyForm = new MockHttpServletRequest("POST", "/login");
        assertThat(SignInThrottling.attemptedUser(emptyForm)).isEmpty();

        MockHttpServletRequest otherForm = new MockHttpServletRequest("POST", "/calls");
        otherForm.setParameter("username", "social1");
        assertThat(SignInThrottling.attemptedUser(otherForm)).isNull();
        MockHttpServletRequest bearer = new MockHttpServletRequest("GET", "/api/tasks");
        bearer.addHeader("Authorization", "Bearer abc");
        assertThat(SignInThrottling.attemptedUser(bearer)).isNull();
        MockHttpServletRequest garbage = new MockHttpServletRequest("GET", "/api/tasks");
        garbage.addHeader("Authorization", "Basic %%%");
        assertThat(SignInThrottling.attemptedUser(garbage)).isNull();
    }

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }
}
