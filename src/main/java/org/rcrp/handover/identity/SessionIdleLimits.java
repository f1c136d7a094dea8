package org.rcrp.handover.identity;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The session's idle limit ({@link SessionIdleLimit}), checked before Spring Security reads the session. */
@Configuration(proxyBeanMethods = false)
class SessionIdleLimits {

    @Bean
    SessionIdleLimit sessionIdleLimit(@Value("${server.servlet.session.timeout:30m}") Duration timeout, ObjectProvider<Clock> clock) {
        return new SessionIdleLimit(timeout, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    FilterRegistrationBean<SessionIdleLimit> sessionIdleLimitFilter(SessionIdleLimit limit) {
        FilterRegistrationBean<SessionIdleLimit> registration = new FilterRegistrationBean<>(limit);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 2);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
