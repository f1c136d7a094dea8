package org.rcrp.handover.operations;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's {@link Clock}: the engine's ({@link EngineClock}), so pages, queries and timers agree on "now". */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    public Clock clock() {
        return EngineClock.INSTANCE;
    }
}
