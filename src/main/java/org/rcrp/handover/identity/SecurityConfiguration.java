package org.rcrp.handover.identity;

import java.util.List;
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
 * Who may call what. Zero-setup (demo) identity: the demo users over HTTP Basic. Whatever signs a user
 * in, their groups become {@code GROUP_<group>} authorities and {@link Actors} turns them into an Actor,
 * so Keycloak plugs in here by adding an authentication mechanism, not by changing the API.
 */
@Configuration
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemResponses problems) throws Exception {
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasAnyAuthority("GROUP_admins", "GROUP_managers")
                        // Cockpit, Tasklist and Admin sign users in themselves against the engine's identity service.
                        .requestMatchers("/camunda/**").permitAll()
                        .requestMatchers("/engine-rest/**").hasAuthority("GROUP_admins")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless HTTP Basic clients send no cookies to forge; the Camunda webapps run their own CSRF filter.
                .csrf(csrf -> csrf.disable())
                .headers(Customizer.withDefaults());
        return http.build();
    }

    /** The demo users; passwords equal user names, so hashing them would protect nothing (demo only). */
    @Bean
    UserDetailsService demoUsers() {
        List<org.springframework.security.core.userdetails.UserDetails> users = DemoUsers.ALL.stream()
                .map(user -> User.withUsername(user.id()).password("{noop}" + user.id())
                        .authorities(user.groups().stream().map(group -> Actors.GROUP_PREFIX + group).toArray(String[]::new))
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }
}
