package org.rcrp.handover.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in session ends after {@code server.servlet.session.timeout} without the person doing anything. The pages' own
 * refreshes (queues, the case, a task's Latest, sent with {@code X-Requested-With: fetch}) are not the person: without
 * this, an open page that refreshes itself would keep a session alive for ever, and the pages' timeout warning would be
 * wrong. A request after the limit finds the session gone (signing in again; a form sent then is kept, KeptForms).
 */
public final class SessionIdleLimit extends OncePerRequestFilter {

    private static final String LAST_ACTIVE = SessionIdleLimit.class.getName() + ".lastActive";

    private final Duration limit;
    private final Clock clock;

    public SessionIdleLimit(Duration limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** How long the session has left before it ends for want of anything the person did; the whole limit for a fresh one. */
    public Duration left(HttpSession session) {
        Object last = session == null ? null : session.getAttribute(LAST_ACTIVE);
        if (!(last instanceof Long since)) {
            return limit;
        }
        Duration left = limit.minusMillis(clock.millis() - since);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public Duration limit() {
        return limit;
    }

    /** A page's own background refresh: not something the person did. */
    static boolean background(HttpServletRequest request) {
        return "fetch".equals(request.getHeader("X-Requested-With"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                Object last = session.getAttribute(LAST_ACTIVE);
                long now = clock.millis();
                if (last instanceof Long since && now - since >= limit.toMillis()) {
                    session.invalidate();
                } else if (!(last instanceof Long) || !background(request)) {
                    if (!(last instanceof Long)) {
                        // The container's own expiry counts in whole minutes from the configured value; to the second here.
                        session.setMaxInactiveInterval((int) Math.max(1, limit.toSeconds()));
                    }
                    session.setAttribute(LAST_ACTIVE, now);
                }
            } catch (IllegalStateException alreadyInvalidated) {
                // ended by the container or another request in the meantime: nothing to do
            }
        }
        chain.doFilter(request, response);
    }
}
