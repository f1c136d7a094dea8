package org.rcrp.handover.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Throttling of failed sign-ins (demo identity: HTTP Basic and the sign-in form), see {@link SignInThrottle}.
 * A user is locked after {@code maxFailuresPerUser} failures within {@code window}; a client address after
 * {@code maxFailuresPerAddress} (higher: a control room may sit behind one address). Counts live on each node.
 */
@ConfigurationProperties("rcrp.sign-in")
public record SignInProperties(int maxFailuresPerUser, int maxFailuresPerAddress, Duration window, Duration lockDuration,
                               int maxTracked) {

    public SignInProperties {
        maxFailuresPerUser = maxFailuresPerUser <= 0 ? 10 : maxFailuresPerUser;
        maxFailuresPerAddress = maxFailuresPerAddress <= 0 ? 50 : maxFailuresPerAddress;
        window = window == null || window.isNegative() || window.isZero() ? Duration.ofMinutes(15) : window;
        lockDuration = lockDuration == null || lockDuration.isNegative() || lockDuration.isZero() ? Duration.ofMinutes(15) : lockDuration;
        maxTracked = maxTracked <= 0 ? 10_000 : maxTracked;
    }
}
