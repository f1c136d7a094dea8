package org.rcrp.handover.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How people sign in. {@code demo} (the zero-setup run): the demo users over HTTP Basic.
 * {@code keycloak} (profile {@code keycloak}): bearer tokens from the realm, checked for issuer,
 * audience and expiry; signing keys are fetched on first use, so the app starts while Keycloak is down.
 */
@ConfigurationProperties("rcrp.identity")
public record IdentityProperties(Mode mode, Keycloak keycloak) {

    public enum Mode { DEMO, KEYCLOAK }

    public record Keycloak(String issuerUri, String jwkSetUri, String audience) {
    }

    public IdentityProperties {
        mode = mode == null ? Mode.DEMO : mode;
        if (mode == Mode.KEYCLOAK && (keycloak == null || keycloak.issuerUri() == null || keycloak.jwkSetUri() == null
                || keycloak.audience() == null)) {
            throw new IllegalArgumentException("rcrp.identity.keycloak.issuer-uri, jwk-set-uri and audience are required in keycloak mode");
        }
    }
}
