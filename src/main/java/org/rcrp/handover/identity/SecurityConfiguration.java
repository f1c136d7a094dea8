package org.rcrp.handover.identity;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Demo identity (zero setup): the demo users over HTTP Basic. Keycloak identity:
 * bearer tokens of realm rcrp. Either way a user's groups become {@code GROUP_<group>} authorities and
 * {@link Actors} turns them into an Actor: the API does not know which one signed the user in.
 */
@Configuration
@EnableConfigurationProperties(IdentityProperties.class)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemResponses problems, IdentityProperties identity)
            throws Exception {
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasAnyAuthority("GROUP_admins", "GROUP_managers")
                        // Cockpit, Tasklist and Admin sign users in themselves against the engine's identity service.
                        .requestMatchers("/camunda/**").permitAll()
                        .requestMatchers("/engine-rest/**").hasAuthority("GROUP_admins")
                        .anyRequest().authenticated())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless HTTP Basic clients send no cookies to forge; the Camunda webapps run their own CSRF filter.
                .csrf(csrf -> csrf.disable())
                .headers(Customizer.withDefaults());
        if (identity.mode() == IdentityProperties.Mode.KEYCLOAK) {
            http.oauth2ResourceServer(server -> server
                    .jwt(jwt -> jwt.decoder(KeycloakTokens.decoder(identity.keycloak()))
                            .jwtAuthenticationConverter(KeycloakTokens.authentication()))
                    .authenticationEntryPoint(problems));
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
        }
        return http.build();
    }

    /** The demo users; passwords equal user names, so hashing them would protect nothing (demo only). */
    @Bean
    @ConditionalOnProperty(name = "rcrp.identity.mode", havingValue = "demo", matchIfMissing = true)
    UserDetailsService demoUsers() {
        List<org.springframework.security.core.userdetails.UserDetails> users = DemoUsers.ALL.stream()
                .map(user -> User.withUsername(user.id()).password("{noop}" + user.id())
                        .authorities(user.groups().stream().map(group -> Actors.GROUP_PREFIX + group).toArray(String[]::new))
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }
}
