package org.rcrp.handover.identity;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place a signed-in principal becomes an {@link Actor}: groups are the authorities named
 * {@code GROUP_<group>}, whether they came from the demo users or (later) a Keycloak token.
 */
@Component
public class Actors {

    public static final String GROUP_PREFIX = "GROUP_";

    public Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("No signed-in user");
        }
        return of(authentication);
    }

    public static Actor of(Authentication authentication) {
        Set<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(GROUP_PREFIX))
                .map(authority -> authority.substring(GROUP_PREFIX.length()))
                .collect(Collectors.toSet());
        return new Actor(authentication.getName(), groups);
    }
}
