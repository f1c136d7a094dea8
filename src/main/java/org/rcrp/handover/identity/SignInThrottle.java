package org.rcrp.handover.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed sign-ins, counted per user name and per client address: {@code max-failures-per-user} (or
 * {@code max-failures-per-address}) failures within {@code window} lock that user (or address) for
 * {@code lock-duration}. A success clears the user's count (not the address's: one good account must not
 * whitewash an address that sprays guesses). What is counted lives in memory on this node only, bounded
 * by {@code max-tracked} entries of each kind: past that, finished entries go first, then the oldest
 * unlocked ones, and a lock only when every entry is a lock.
 */
public final class SignInThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);

    /** User names longer than this are kept as their SHA-256, so a huge name costs no more memory than a short one. */
    static final int LONGEST_KEPT_NAME = 64;

    private final SignInProperties limits;
    private final Clock clock;
    private final Tracker users;
    private final Tracker addresses;

    public SignInThrottle(SignInProperties limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.users = new Tracker("user", limits.maxFailuresPerUser(), limits);
        this.addresses = new Tracker("address", limits.maxFailuresPerAddress(), limits);
    }

    /** How long the user, or the address, is still locked for; empty when a sign-in may be tried. */
    public Optional<Duration> lockedFor(String user, String address) {
        Instant now = clock.instant();
        Duration forUser = users.lockedFor(userKey(user), now);
        Duration forAddress = address == null ? Duration.ZERO : addresses.lockedFor(address, now);
        Duration longer = forUser.compareTo(forAddress) >= 0 ? forUser : forAddress;
        return longer.isZero() ? Optional.empty() : Optional.of(longer);
    }

    public void failed(String user, String address) {
        Instant now = clock.instant();
        users.failed(userKey(user), now);
        if (address != null) {
            addresses.failed(address, now);
        }
    }

    public void succeeded(String user) {
        users.reset(userKey(user), clock.instant());
    }

    int trackedUsers() {
        return users.entries.size();
    }

    int trackedAddresses() {
        return addresses.entries.size();
    }

    /** User names are case-insensitive (as the demo users are); a very long one is kept as its hash. */
    static String userKey(String user) {
        String name = user == null ? "" : user.toLowerCase(Locale.ROOT);
        if (name.length() <= LONGEST_KEPT_NAME) {
            return name;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A printable, short form of what a client typed, for the log. */
    static String printable(String text) {
        String shown = text.length() > LONGEST_KEPT_NAME ? text.substring(0, LONGEST_KEPT_NAME) + "…" : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    /** One failure count in its window, and the lock it led to. */
    record Entry(Instant windowStart, int failures, Instant lockedUntil, Instant lastFailure) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }

        /** Neither counting nor locking any more: the window and any lock are over. */
        boolean finishedAt(Instant now, Duration window) {
            return !lockedAt(now) && (lockedUntil != null || !now.isBefore(windowStart.plus(window)));
        }
    }

    private static final class Tracker {

        private final String kind;
        private final int maxFailures;
        private final Duration window;
        private final Duration lock;
        private final int maxTracked;
        private final Map<String, Entry> entries = new ConcurrentHashMap<>();

        Tracker(String kind, int maxFailures, SignInProperties limits) {
            this.kind = kind;
            this.maxFailures = maxFailures;
            this.window = limits.window();
            this.lock = limits.lockDuration();
            this.maxTracked = limits.maxTracked();
        }

        Duration lockedFor(String key, Instant now) {
            Entry entry = entries.get(key);
            return entry != null && entry.lockedAt(now) ? Duration.between(now, entry.lockedUntil()) : Duration.ZERO;
        }

        void failed(String key, Instant now) {
            Entry counted = entries.compute(key, (k, entry) -> {
                if (entry == null || entry.finishedAt(now, window)) {
                    entry = new Entry(now, 0, null, now);
                }
                if (entry.lockedAt(now)) {
                    return entry; // a request that got past the check while the lock was set: the lock stands
                }
                int failures = entry.failures() + 1;
                return new Entry(entry.windowStart(), failures, failures >= maxFailures ? now.plus(lock) : null, now);
            });
            if (counted.failures() == maxFailures && now.equals(counted.lastFailure())) {
                LOG.warn("Sign-in locked for {} '{}' until {}: {} failed sign-ins since {}", kind, printable(key),
                        counted.lockedUntil(), counted.failures(), counted.windowStart());
            }
            if (entries.size() > maxTracked) {
                evict(now);
            }
        }

        void reset(String key, Instant now) {
            entries.computeIfPresent(key, (k, entry) -> entry.lockedAt(now) ? entry : null);
        }

        /** Down to three quarters of the bound, so a flood of new names sweeps once per quarter of it, not on every failure. */
        private synchronized void evict(Instant now) {
            if (entries.size() <= maxTracked) {
                return;
            }
            entries.values().removeIf(entry -> entry.finishedAt(now, window));
            int target = maxTracked * 3 / 4;
            if (entries.size() > target) {
                Comparator<Map.Entry<String, Entry>> unlockedFirstThenOldest = Comparator
                        .comparing((Map.Entry<String, Entry> e) -> e.getValue().lockedAt(now))
                        .thenComparing(e -> e.getValue().lastFailure());
                entries.entrySet().stream().sorted(unlockedFirstThenOldest).limit(entries.size() - target).map(Map.Entry::getKey)
                        .toList().forEach(entries::remove);
                LOG.warn("Sign-in throttle: more than {} {}s with failed sign-ins; forgot the oldest", maxTracked, kind);
            }
        }
    }
}
