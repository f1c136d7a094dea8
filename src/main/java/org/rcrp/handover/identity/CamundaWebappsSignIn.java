package org.rcrp.handover.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * In the keycloak profile Cockpit, Tasklist and Admin take the user Spring Security signed in through
 * Keycloak (Camunda's container-based authentication), with the token's groups; members of
 * {@code admins} are Camunda administrators. (Chosen over the unmaintained community Keycloak identity
 * plugin: no admin credentials for Keycloak in the app, and the Admin webapp lists who has signed in.)
 */
@Configuration
@ConditionalOnProperty(name = "rcrp.identity.mode", havingValue = "keycloak")
public class CamundaWebappsSignIn {

    static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaContainerAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.addInitParameter("authentication-provider", SpringSecurityUser.class.getName());
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        // After Spring Security's filter chain, which has signed the user in by then.
        registration.setOrder(101);
        return registration;
    }

    /**
     * Hands Spring Security's signed-in user to the Camunda webapps. The webapps only accept users the
     * engine's identity store knows, so a Keycloak user is provisioned there on first sign-in (name and
     * e-mail from the ID token, an unguessable password nobody uses, memberships as in the token).
     */
    public static class SpringSecurityUser implements AuthenticationProvider {

        private static final Logger LOG = LoggerFactory.getLogger(SpringSecurityUser.class);

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
                return AuthenticationResult.unsuccessful();
            }
            Actor actor = Actors.of(authentication);
            List<String> groups = new ArrayList<>(actor.groups());
            if (actor.isIn("admins")) {
                groups.add(CAMUNDA_ADMIN_GROUP);
            }
            try {
                provision(engine.getIdentityService(), actor.userId(), groups, authentication.getPrincipal());
            } catch (RuntimeException raced) {
                // Two first requests at once: the other one provisioned the user.
                LOG.debug("Provisioning {} raced: {}", actor.userId(), raced.getMessage());
            }
            AuthenticationResult result = AuthenticationResult.successful(actor.userId());
            result.setGroups(groups);
            return result;
        }

        @Override
        public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
            // Spring Security has already sent the user to Keycloak's sign-in page.
        }

        private static void provision(IdentityService identity, String userId, List<String> groups, Object principal) {
            if (identity.createUserQuery().userId(userId).count() == 0) {
                User user = identity.newUser(userId);
                if (principal instanceof OidcUser oidc) {
                    user.setFirstName(oidc.getGivenName());
                    user.setLastName(oidc.getFamilyName());
                    user.setEmail(oidc.getEmail());
                }
                user.setPassword(UUID.randomUUID() + "-" + UUID.randomUUID());
                identity.saveUser(user);
            }
            for (String groupId : groups) {
                if (identity.createGroupQuery().groupId(groupId).count() == 0) {
                    Group group = identity.newGroup(groupId);
                    group.setName(groupId);
                    group.setType(CAMUNDA_ADMIN_GROUP.equals(groupId) ? "SYSTEM" : "WORKFLOW");
                    identity.saveGroup(group);
                }
                if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
                    identity.createMembership(userId, groupId);
                }
            }
            identity.createGroupQuery().groupMember(userId).list().stream()
                    .map(Group::getId).filter(groupId -> !groups.contains(groupId))
                    .forEach(stale -> identity.deleteMembership(userId, stale));
        }
    }
}
