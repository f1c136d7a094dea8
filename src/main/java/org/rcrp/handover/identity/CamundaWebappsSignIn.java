package org.rcrp.handover.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The engine's own web surfaces take the user Spring Security signed in (through Keycloak, or the demo sign-in
 * page), never a password of their own: Cockpit, Tasklist and Admin through Camunda's container-based
 * authentication, {@code /engine-rest} through {@link EngineRestUser}. Spring Security lets only {@code admins}
 * reach them ({@link SecurityConfiguration}); this class hands the engine the same user with {@link EngineGroups},
 * so the engine's own authorization checks apply as well. (Chosen over the unmaintained community Keycloak identity
 * plugin: no admin credentials for Keycloak in the app, and the Admin webapp lists who has signed in.)
 */
@Configuration
public class CamundaWebappsSignIn {

    @Bean
    FilterRegistrationBean<EngineRestUser> engineRestAuthentication(ProcessEngine engine) {
        FilterRegistrationBean<EngineRestUser> registration = new FilterRegistrationBean<>(new EngineRestUser(engine.getIdentityService()));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(101);
        return registration;
    }

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
     * Hands Spring Security's signed-in administrator to the Camunda webapps (anyone else: 401). The webapps only
     * accept users the engine's identity store knows, so the user is provisioned there on first sign-in (name and
     * e-mail from the ID token, an unguessable password nobody uses, memberships as signed in).
     */
    public static class SpringSecurityUser implements AuthenticationProvider {

        private static final Logger LOG = LoggerFactory.getLogger(SpringSecurityUser.class);

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
                return AuthenticationResult.unsuccessful();
            }
            Actor actor = Actors.of(authentication);
            if (!actor.isIn(EngineGroups.ADMINS)) {
                return AuthenticationResult.unsuccessful();
            }
            List<String> groups = EngineGroups.of(actor);
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
            User known = identity.createUserQuery().userId(userId).singleResult();
            if (known == null) {
                User user = identity.newUser(userId);
                name(user, principal);
                user.setPassword(UUID.randomUUID() + "-" + UUID.randomUUID());
                identity.saveUser(user);
            } else if (known.getFirstName() == null && known.getLastName() == null) {
                // Provisioned without a name (the demo sign-in before): the webapps' header read "null null".
                name(known, principal);
                identity.saveUser(known);
            }
            for (String groupId : groups) {
                if (identity.createGroupQuery().groupId(groupId).count() == 0) {
                    Group group = identity.newGroup(groupId);
                    group.setName(groupId);
                    group.setType(EngineGroups.CAMUNDA_ADMIN.equals(groupId) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
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

        /** Name and e-mail from the ID token; a demo user's name from {@link DemoUsers}; else the user id. */
        private static void name(User user, Object principal) {
            if (principal instanceof OidcUser oidc) {
                user.setFirstName(oidc.getGivenName());
                user.setLastName(oidc.getFamilyName());
                user.setEmail(oidc.getEmail());
            } else {
                DemoUsers.ALL.stream().filter(demo -> demo.id().equals(user.getId())).findFirst().ifPresent(demo -> {
                    user.setFirstName(demo.firstName());
                    user.setLastName(demo.lastName());
                });
            }
            if (user.getFirstName() == null && user.getLastName() == null) {
                user.setFirstName(user.getId());
                user.setLastName("");
            }
        }
    }
}
