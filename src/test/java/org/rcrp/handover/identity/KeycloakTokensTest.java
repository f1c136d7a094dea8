package org.rcrp.handover.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Keycloak tokens without a Keycloak: tokens are signed with a locally generated RSA key pair and
 * decoded by {@link KeycloakTokens#checking} with that key pair's public key.
 */
class KeycloakTokensTest {

    private static final String ISSUER = "http://localhost:8081/realms/rcrp";
    private static final String AUDIENCE = "rcrp-api";

    private static KeyPair realmKeys;
    private static JwtEncoder realm;
    private static JwtEncoder impostor;
    private static JwtDecoder decoder;

    @BeforeAll
    static void keys() throws Exception {
        realmKeys = rsaKeyPair();
        realm = encoder(realmKeys);
        impostor = encoder(rsaKeyPair());
        decoder = KeycloakTokens.checking(NimbusJwtDecoder.withPublicKey((RSAPublicKey) realmKeys.getPublic()).build(),
                new IdentityProperties.Keycloak(ISSUER, "unused", AUDIENCE));
    }

    // --- accepted tokens -------------------------------------------------------------------------

    @Test
    @DisplayName("audience as a single string: decodes, name = preferred_username, groups become GROUP_ authorities")
    void audienceAsString() {
        String token = sign(realm, claims(b -> b.claim("aud", AUDIENCE)
                .claim("groups", List.of("call-handlers", "police-supervisors"))));
        assertThat(payload(token)).contains("\"aud\":\"rcrp-api\"");

        Jwt jwt = decoder.decode(token);
        assertThat(jwt.getAudience()).containsExactly(AUDIENCE);
        assertThat(jwt.getIssuer()).hasToString(ISSUER);

        AbstractAuthenticationToken authentication = KeycloakTokens.authentication().convert(jwt);
        assertThat(authentication.getName()).isEqualTo("chloe.handler");
        assertThat(authorities(authentication)).containsExactlyInAnyOrder("GROUP_call-handlers", "GROUP_police-supervisors");

        Actor actor = Actors.of(authentication);
        assertThat(actor.userId()).isEqualTo("chloe.handler");
        assertThat(actor.groups()).containsExactlyInAnyOrder("call-handlers", "police-supervisors");
        assertThat(actor.isPolice()).isTrue();
    }

    @Test
    @DisplayName("audience as a list (Keycloak's usual shape, with 'account'): decodes")
    void audienceAsList() {
        String token = sign(realm, claims(b -> b.audience(List.of("account", AUDIENCE))
                .claim("groups", List.of("call-handlers"))));
        assertThat(payload(token)).contains("\"aud\":[\"account\",\"rcrp-api\"]");

        Jwt jwt = decoder.decode(token);
        assertThat(jwt.getAudience()).containsExactly("account", AUDIENCE);
        assertThat(authorities(KeycloakTokens.authentication().convert(jwt))).containsExactly("GROUP_call-handlers");
    }

    @Test
    @DisplayName("full-path groups (\"/mental-health\") lose the leading slash")
    void fullPathGroups() {
        Jwt jwt = decoder.decode(sign(realm, claims(b -> b.claim("aud", AUDIENCE)
                .claim("preferred_username", "mo.nurse")
                .claim("groups", List.of("/mental-health", "ambulance")))));

        AbstractAuthenticationToken authentication = KeycloakTokens.authentication().convert(jwt);
        assertThat(authorities(authentication)).containsExactlyInAnyOrder("GROUP_mental-health", "GROUP_ambulance");

        Actor actor = Actors.of(authentication);
        assertThat(actor.userId()).isEqualTo("mo.nurse");
        assertThat(actor.groups()).containsExactlyInAnyOrder("mental-health", "ambulance");
        assertThat(actor.isPolice()).isFalse();
    }

    @Test
    @DisplayName("no groups claim: no authorities, an Actor with no groups")
    void noGroupsClaim() {
        Jwt jwt = decoder.decode(sign(realm, claims(b -> b.claim("aud", AUDIENCE))));
        assertThat(jwt.hasClaim("groups")).isFalse();

        AbstractAuthenticationToken authentication = KeycloakTokens.authentication().convert(jwt);
        assertThat(authentication.getName()).isEqualTo("chloe.handler");
        assertThat(authentication.getAuthorities()).isEmpty();
        assertThat(Actors.of(authentication).groups()).isEmpty();
    }

    @Test
    @DisplayName("an empty groups list: no authorities")
    void emptyGroups() {
        Jwt jwt = decoder.decode(sign(realm, claims(b -> b.claim("aud", AUDIENCE).claim("groups", List.of()))));
        assertThat(KeycloakTokens.groups(jwt)).isEmpty();
    }

    // --- refused tokens --------------------------------------------------------------------------

    @Test
    @DisplayName("expired two minutes ago (beyond the 60 s skew): refused")
    void expired() {
        Instant now = Instant.now();
        String token = sign(realm, claims(b -> b.claim("aud", AUDIENCE)
                .issuedAt(now.minus(Duration.ofMinutes(10)))
                .expiresAt(now.minus(Duration.ofMinutes(2)))));

        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    @DisplayName("expired 30 s ago (within the 60 s skew): still accepted")
    void expiredWithinSkew() {
        Instant now = Instant.now();
        String token = sign(realm, claims(b -> b.claim("aud", AUDIENCE)
                .issuedAt(now.minus(Duration.ofMinutes(5)))
                .expiresAt(now.minus(Duration.ofSeconds(30)))));

        assertThat(decoder.decode(token).getExpiresAt()).isBefore(now);
    }

    @Test
    @DisplayName("another realm's issuer: refused")
    void wrongIssuer() {
        String token = sign(realm, claims(b -> b.claim("aud", AUDIENCE)
                .issuer("http://localhost:8081/realms/other")));

        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("iss");
    }

    @Test
    @DisplayName("no audience: refused")
    void missingAudience() {
        String token = sign(realm, claims(b -> { }));
        assertThat(payload(token)).doesNotContain("\"aud\"");

        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("not meant for rcrp-api");
    }

    @Test
    @DisplayName("another client's audience only: refused")
    void otherAudienceOnly() {
        String token = sign(realm, claims(b -> b.audience(List.of("account", "rcrp-web"))));

        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("not meant for rcrp-api");
    }

    @Test
    @DisplayName("signed by another key pair: refused")
    void otherSigningKey() {
        String token = sign(impostor, claims(b -> b.claim("aud", AUDIENCE).claim("groups", List.of("admins"))));

        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(BadJwtException.class)
                .hasMessageContaining("Signed JWT rejected");
    }

    @Test
    @DisplayName("payload tampered after signing (groups widened): refused")
    void tamperedPayload() {
        String token = sign(realm, claims(b -> b.claim("aud", AUDIENCE).claim("groups", List.of("call-handlers"))));
        String[] parts = token.split("\\.");
        String widened = payload(token).replace("\"call-handlers\"", "\"admins\"");
        assertThat(widened).contains("admins");
        String forged = parts[0] + "." + base64Url(widened) + "." + parts[2];

        assertThatThrownBy(() -> decoder.decode(forged))
                .isInstanceOf(BadJwtException.class)
                .hasMessageContaining("Signed JWT rejected");
    }

    @Test
    @DisplayName("\"alg\": \"none\" (unsigned) token with otherwise valid claims: refused")
    void algNone() {
        String token = sign(realm, claims(b -> b.claim("aud", AUDIENCE).claim("groups", List.of("admins"))));
        String unsigned = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + token.split("\\.")[1] + ".";

        assertThatThrownBy(() -> decoder.decode(unsigned))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("none");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static KeyPair rsaKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static JwtEncoder encoder(KeyPair keyPair) {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) keyPair.getPublic())
                .privateKey((RSAPrivateKey) keyPair.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    }

    /** A valid Keycloak-like claim set without an audience; {@code customizer} adds or overrides claims. */
    private static JwtClaimsSet claims(Consumer<JwtClaimsSet.Builder> customizer) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder builder = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(5)))
                .claim("azp", "rcrp-web")
                .claim("preferred_username", "chloe.handler");
        customizer.accept(builder);
        return builder.build();
    }

    private static String sign(JwtEncoder encoder, JwtClaimsSet claims) {
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    private static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> authorities(AbstractAuthenticationToken authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
