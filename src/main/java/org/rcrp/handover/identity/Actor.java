package org.rcrp.handover.identity;

import java.util.Set;
import java.util.TreeSet;

/** Who is acting: the signed-in user and the groups (= Camunda candidate groups) they belong to. */
public record Actor(String userId, Set<String> groups) {

    /** Groups of police staff; everybody else works for a partner agency. */
    public static final Set<String> POLICE_GROUPS = Set.of("call-handlers", "police-supervisors", "response-officers",
            "managers", "admins");

    public Actor {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("An actor needs a user id");
        }
        groups = Set.copyOf(groups);
    }

    public boolean isIn(String group) {
        return groups.contains(group);
    }

    public boolean isPolice() {
        return groups.stream().anyMatch(POLICE_GROUPS::contains);
    }

    /** Managers read the figures; everybody else may log a call (partner systems log referrals too). */
    public boolean mayLogCalls() {
        return groups.stream().anyMatch(group -> !group.equals("managers"));
    }

    /** The role recorded in the journal: the actor's groups, sorted. */
    public String role() {
        return String.join(",", new TreeSet<>(groups));
    }
}
