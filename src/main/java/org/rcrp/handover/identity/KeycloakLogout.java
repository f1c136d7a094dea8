package org.rcrp.handover.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * After our session ends, ends the Keycloak session too (OIDC RP-initiated logout), then comes back to
 * the application's root. Built from the configured issuer, so it needs no discovery at start-up.
 */
class KeycloakLogout implements LogoutSuccessHandler {

    private final IdentityProperties.Keycloak keycloak;

    KeycloakLogout(IdentityProperties.Keycloak keycloak) {
        this.keycloak = keycloak;
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        String home = ServletUriComponentsBuilder.fromContextPath(request).path("/").build().toUriString();
        StringBuilder logout = new StringBuilder(keycloak.issuerUri()).append("/protocol/openid-connect/logout")
                .append("?post_logout_redirect_uri=").append(URLEncoder.encode(home, StandardCharsets.UTF_8));
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            logout.append("&id_token_hint=").append(user.getIdToken().getTokenValue());
        } else {
            logout.append("&client_id=rcrp-web");
        }
        response.sendRedirect(logout.toString());
    }
}
