package org.rcrp.handover.identity;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.config.annotation.ObjectPostProcessor;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Two chains:
 * <ul>
 *   <li>the API ({@code /api}, {@code /fhir}, {@code /engine-rest}, {@code /v3/api-docs}, {@code /actuator}): stateless,
 *       HTTP Basic with the demo users, or Keycloak bearer tokens in the {@code keycloak} profile;</li>
 *   <li>everything else (the web UI, the Camunda webapps): in the {@code keycloak} profile an OIDC sign-in
 *       through Keycloak (authorization code + PKCE) whose logout ends the Keycloak session too; in demo
 *       mode the demo sign-in page.</li>
 * </ul>
 * The engine's own surfaces — {@code /engine-rest}, Cockpit, Tasklist, Admin and their internal API under
 * {@code /camunda/api} (the whole engine API) — are for {@code admins} only, and take no deployments.
 * Either way a user's groups become {@code GROUP_<group>} authorities and {@link Actors} turns them into
 * an Actor: nothing past this class knows how the user signed in.
 */
@Configuration
@EnableConfigurationProperties(IdentityProperties.class)
public class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityRefusals problems, IdentityProperties identity,
                                    @Value("${rcrp.engine.runtime-deployments:false}") boolean runtimeDeployments) throws Exception {
        // Whole-path matchers: /engine-rest is served by Camunda's Jersey servlet, not by Spring MVC.
        http
                .securityMatcher(paths("/api/**", "/fhir/**", "/engine-rest/**", "/v3/api-docs/**", "/actuator/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(runtimeDeployments ? nothing() : ENGINE_DEPLOYMENTS).denyAll()
                        .requestMatchers(paths("/actuator/health", "/actuator/health/**", "/actuator/info")).permitAll()
                        // FHIR clients read the CapabilityStatement before they sign in; it names no case.
                        .requestMatchers(paths("/fhir/metadata")).permitAll()
                        .requestMatchers(paths("/actuator/**")).hasAnyAuthority("GROUP_admins", "GROUP_managers")
                        .requestMatchers(paths("/engine-rest/**")).hasAuthority(ADMINS)
                        .anyRequest().authenticated())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless clients (Basic or Bearer) send no cookies to forge.
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY)));
        if (identity.mode() == IdentityProperties.Mode.KEYCLOAK) {
            http.oauth2ResourceServer(server -> server
                    .jwt(jwt -> jwt.decoder(KeycloakTokens.decoder(identity.keycloak()))
                            .jwtAuthenticationConverter(KeycloakTokens.authentication()))
                    .authenticationEntryPoint(problems)
                    .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                        @Override
                        public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                            filter.setAuthenticationFailureHandler(problems);
                            return filter;
                        }
                    }));
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, SecurityRefusals problems, IdentityProperties identity,
                                    @Value("${rcrp.engine.runtime-deployments:false}") boolean runtimeDeployments) throws Exception {
        // Cockpit, Tasklist and Admin send their own policy (with nonces); Swagger UI needs inline styles.
        http.headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                new NegatedRequestMatcher(paths("/camunda/**", "/swagger-ui/**", "/swagger-ui.html")),
                new StaticHeadersWriter("Content-Security-Policy", pagePolicy(identity)))));
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(runtimeDeployments ? nothing() : WEBAPP_DEPLOYMENTS).denyAll()
                        // Cockpit, Tasklist, Admin and the webapps' internal API (the whole engine API): administrators only.
                        .requestMatchers(paths("/camunda/**")).hasAuthority(ADMINS)
                        .requestMatchers(paths("/error", "/webjars/**", "/assets/**", "/favicon.ico")).permitAll()
                        .anyRequest().authenticated())
                // The webapps' API answers like ours; their pages send the browser to sign in; a form of ours sent after
                // its session expired is kept for after signing in again.
                .exceptionHandling(handling -> handling
                        .defaultAuthenticationEntryPointFor(problems, paths("/camunda/api/**"))
                        .defaultAccessDeniedHandlerFor(problems, paths("/camunda/api/**"))
                        .defaultAccessDeniedHandlerFor(new KeepFormsOnExpiry(), request -> true))
                // The Camunda webapps run their own CSRF protection (X-XSRF-TOKEN); our own pages use Spring's.
                .csrf(csrf -> csrf.ignoringRequestMatchers(paths("/camunda/**")));
        if (identity.mode() == IdentityProperties.Mode.KEYCLOAK) {
            http
                    .oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(KeycloakTokens::webAuthorities)))
                    .logout(logout -> logout.logoutSuccessHandler(new KeycloakLogout(identity.keycloak())));
        } else {
            http
                    // The clearly labelled demo sign-in page of the zero-setup run; the Camunda webapps take this sign-in too.
                    .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/work", false).permitAll())
                    .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"));
        }
        return http.build();
    }

    private static final String ADMINS = Actors.GROUP_PREFIX + EngineGroups.ADMINS;

    /**
     * Where the engine's REST API and the webapps' copy of it take new models; refused to everybody unless
     * {@code rcrp.engine.runtime-deployments} is on (the engine refuses them too: {@link EngineLockdown}).
     */
    private static final RequestMatcher ENGINE_DEPLOYMENTS = paths("/engine-rest/deployment/create",
            "/engine-rest/deployment/*/redeploy", "/engine-rest/engine/*/deployment/create", "/engine-rest/engine/*/deployment/*/redeploy");
    private static final RequestMatcher WEBAPP_DEPLOYMENTS = paths("/camunda/api/engine/engine/*/deployment/create",
            "/camunda/api/engine/engine/*/deployment/*/redeploy");

    /** JSON only: nothing to load, nothing to frame. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /**
     * Our pages load only our own scripts, styles, fonts and images (no inline script or style), post
     * forms only to us (and, signing out, to Keycloak's end-session endpoint), and are never framed.
     */
    static String pagePolicy(IdentityProperties identity) {
        String formAction = "'self'";
        if (identity.mode() == IdentityProperties.Mode.KEYCLOAK) {
            java.net.URI issuer = java.net.URI.create(identity.keycloak().issuerUri());
            formAction += " " + issuer.getScheme() + "://" + issuer.getRawAuthority();
        }
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action " + formAction + "; frame-ancestors 'none'";
    }

    private static RequestMatcher paths(String... patterns) {
        return new OrRequestMatcher(java.util.Arrays.stream(patterns)
                .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern)).toList());
    }

    private static RequestMatcher nothing() {
        return request -> false;
    }

    @Bean
    @ConditionalOnProperty(name = "rcrp.identity.mode", havingValue = "keycloak")
    JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory(IdentityProperties identity) {
        return KeycloakTokens.idTokenDecoders(identity.keycloak());
    }

    /** The demo users; passwords equal user names, so hashing them would protect nothing (demo only). */
    @Bean
    @ConditionalOnProperty(name = "rcrp.identity.mode", havingValue = "demo", matchIfMissing = true)
    UserDetailsService demoUsers() {
        List<UserDetails> users = DemoUsers.ALL.stream()
                .map(user -> User.withUsername(user.id()).password("{noop}" + user.id())
                        .authorities(user.groups().stream().map(group -> Actors.GROUP_PREFIX + group).toArray(String[]::new))
                        .build())
                .toList();
        // Only the look-up: as a UserDetailsPasswordService the manager would have every sign-in re-encode
        // the password with BCrypt and check it that way from then on, about 60 ms of CPU per API request.
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(users);
        return manager::loadUserByUsername;
    }
}
