package org.rcrp.handover.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.rcrp.handover.support.FilterRefusals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles password sign-ins of the demo identity — HTTP Basic on the API and FHIR, and the sign-in form
 * ({@code POST /login}) — per user name and per client address ({@link SignInThrottle}). A filter ahead of
 * Spring Security's refuses a locked user or address with 429 (problem+json; an OperationOutcome under
 * {@code /fhir}) and {@code Retry-After}, before any password is checked; Spring Security's own events
 * count the failures (an unknown user name is a failure too) and successes. The client address is
 * {@code getRemoteAddr()}, which Tomcat's RemoteIpValve has already replaced with the forwarded one only
 * when the request came through a trusted proxy ({@code server.tomcat.remoteip.internal-proxies}).
 * In the keycloak profile no password reaches this application: Keycloak's realm throttles its own sign-ins.
 */
@Configuration
@ConditionalOnProperty(name = "rcrp.identity.mode", havingValue = "demo", matchIfMissing = true)
@EnableConfigurationProperties(SignInProperties.class)
class SignInThrottling {

    static final String FORM_SIGN_IN = "/login";

    private final SignInThrottle throttle;

    SignInThrottling(SignInProperties properties, ObjectProvider<Clock> clock) {
        this.throttle = new SignInThrottle(properties, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    SignInThrottle signInThrottle() {
        return throttle;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> signInThrottleFilter(FilterRefusals refusals) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(throttle, refusals));
        // Just ahead of Spring Security's filter chain (-100), so a locked sign-in never reaches a password check.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        throttle.failed(event.getAuthentication().getName(), address(event.getAuthentication()));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        throttle.succeeded(event.getAuthentication().getName());
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    /** The user name a request signs in with: HTTP Basic's, or the sign-in form's; null when it signs in with none. */
    static String attemptedUser(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = credentials.indexOf(':');
                return colon < 0 ? null : credentials.substring(0, colon);
            } catch (IllegalArgumentException notBase64) {
                return null; // Spring Security refuses it as it is, with no user to count against
            }
        }
        if ("POST".equals(request.getMethod())
                && FORM_SIGN_IN.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
            String user = request.getParameter("username");
            return user == null ? "" : user.trim(); // as UsernamePasswordAuthenticationFilter reads it
        }
        return null;
    }

    static final class Filter extends OncePerRequestFilter {

        private final SignInThrottle throttle;
        private final FilterRefusals refusals;

        Filter(SignInThrottle throttle, FilterRefusals refusals) {
            this.throttle = throttle;
            this.refusals = refusals;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String user = attemptedUser(request);
            Optional<Duration> locked = user == null ? Optional.empty() : throttle.lockedFor(user, request.getRemoteAddr());
            if (locked.isEmpty()) {
                chain.doFilter(request, response);
                return;
            }
            long seconds = Math.max(1, (locked.get().toMillis() + 999) / 1000);
            long minutes = (seconds + 59) / 60;
            response.setHeader("Retry-After", Long.toString(seconds));
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            refusals.refuse(request.getRequestURI().substring(request.getContextPath().length()), response,
                    HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins: try again in " + minutes
                            + (minutes == 1 ? " minute" : " minutes") + ". Nothing was checked or changed.");
        }
    }
}
