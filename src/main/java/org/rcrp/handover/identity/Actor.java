package org.rcrp.handover.identity;

import java.util.Set;

/** Who is acting: the signed-in user and the groups (= Camunda candidate groups) they belong to. */
public record Actor(String userId, Set<String> groups) {

    public Actor {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("An actor needs a user id");
        }
        groups = Set.copyOf(groups);
    }

    public boolean isIn(String group) {
        return groups.contains(group);
    }
}
