package org.rcrp.handover.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/** Keycloak access tokens: how they are checked, and how their groups become {@code GROUP_} authorities. */
final class KeycloakTokens {

    static final String GROUPS_CLAIM = "groups";
    static final String USERNAME_CLAIM = "preferred_username";

    private KeycloakTokens() {
    }

    /** Checks signature (keys fetched lazily from the JWK set), expiry, issuer and audience. */
    static JwtDecoder decoder(IdentityProperties.Keycloak keycloak) {
        return checking(NimbusJwtDecoder.withJwkSetUri(keycloak.jwkSetUri()).build(), keycloak);
    }

    /** The decoder with our checks: expiry (with the default minute of clock skew), issuer, audience. */
    static NimbusJwtDecoder checking(NimbusJwtDecoder decoder, IdentityProperties.Keycloak keycloak) {
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(keycloak.issuerUri()), audience(keycloak.audience())));
        return decoder;
    }

    /** ID tokens of the web sign-in: the OIDC checks plus our issuer (no discovery, so Spring cannot know it). */
    static JwtDecoderFactory<ClientRegistration> idTokenDecoders(IdentityProperties.Keycloak keycloak) {
        OidcIdTokenDecoderFactory factory = new OidcIdTokenDecoderFactory();
        factory.setJwtValidatorFactory(registration -> new DelegatingOAuth2TokenValidator<>(
                new OidcIdTokenValidator(registration), new JwtIssuerValidator(keycloak.issuerUri())));
        return factory;
    }

    static Converter<Jwt, AbstractAuthenticationToken> authentication() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName(USERNAME_CLAIM);
        converter.setJwtGrantedAuthoritiesConverter(KeycloakTokens::groups);
        return converter;
    }

    static Collection<GrantedAuthority> groups(Jwt jwt) {
        List<String> groups = jwt.hasClaim(GROUPS_CLAIM) ? jwt.getClaimAsStringList(GROUPS_CLAIM) : List.of();
        return groups.stream()
                .map(group -> group.startsWith("/") ? group.substring(1) : group)
                .map(group -> (GrantedAuthority) new SimpleGrantedAuthority(Actors.GROUP_PREFIX + group))
                .toList();
    }

    /** The web sign-in: groups from the ID token (or user info) become the same {@code GROUP_} authorities. */
    static Collection<? extends GrantedAuthority> webAuthorities(Collection<? extends GrantedAuthority> granted) {
        return granted.stream()
                .filter(authority -> authority instanceof OidcUserAuthority)
                .map(authority -> (OidcUserAuthority) authority)
                .flatMap(oidc -> {
                    Object groups = oidc.getIdToken().getClaims().getOrDefault(GROUPS_CLAIM,
                            oidc.getUserInfo() == null ? List.of() : oidc.getUserInfo().getClaims().getOrDefault(GROUPS_CLAIM, List.of()));
                    return groups instanceof Collection<?> names ? names.stream().map(String::valueOf) : java.util.stream.Stream.<String>empty();
                })
                .map(group -> group.startsWith("/") ? group.substring(1) : group)
                .distinct()
                .map(group -> (GrantedAuthority) new SimpleGrantedAuthority(Actors.GROUP_PREFIX + group))
                .toList();
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token is not meant for " + audience, null));
    }
}
