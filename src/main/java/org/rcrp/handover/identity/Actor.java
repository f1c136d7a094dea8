package org.rcrp.handover.identity;

import java.util.Set;
import java.util.TreeSet;
import org.rcrp.handover.process.Groups;

/** Who is acting: the signed-in user and the groups (= Camunda candidate groups) they belong to. */
public record Actor(String userId, Set<String> groups) {

    /** Groups of police staff; everybody else works for a partner agency. */
    public static final Set<String> POLICE_GROUPS = Set.of(Groups.CALL_HANDLERS, Groups.POLICE_SUPERVISORS, Groups.RESPONSE_OFFICERS,
            Groups.MANAGERS, Groups.ADMINS, Groups.DUTY_INSPECTORS, Groups.POLICE_SENIOR_MANAGERS);

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

    /** Why {@link #requireMayChangeCases()} refuses: the one text every refusal of it gives. */
    public static final String READ_ONLY = "Managers read the figures and cases; they do not change them";

    /**
     * Managers read the figures and the cases; everybody else with a group works on cases and may change them:
     * log a call (partner systems log referrals too), add new information, raise the risk. The one rule every
     * changing endpoint and form asks. Managers are the force's ({@code managers}) and every group of managers a
     * dispute between agencies reaches ({@code mental-health-managers}, {@code police-senior-managers}, …): they
     * state a position on a dispute, they do not log calls into cases they cannot read.
     */
    public boolean mayChangeCases() {
        return groups.stream().anyMatch(group -> !isManagersGroup(group));
    }

    private static boolean isManagersGroup(String group) {
        return group.equals(Groups.MANAGERS) || group.endsWith("-managers");
    }

    /** This actor, when it may change cases; otherwise refused (403). */
    public Actor requireMayChangeCases() {
        if (!mayChangeCases()) {
            throw new org.springframework.security.access.AccessDeniedException(READ_ONLY);
        }
        return this;
    }

    /** The role recorded in the journal: the actor's groups, sorted. */
    public String role() {
        return String.join(",", new TreeSet<>(groups));
    }
}
