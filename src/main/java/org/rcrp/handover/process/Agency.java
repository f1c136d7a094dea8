package org.rcrp.handover.process;

import java.util.Optional;

/**
 * Who can own a person. Each partner agency that takes referrals maps to the Keycloak group
 * (= Camunda candidate group) whose members accept them; POLICE and NHS111 take no referrals here.
 * FIRE takes them only in a force that has enabled it ({@link AgencyAvailability}).
 */
public enum Agency {
    POLICE(null),
    MENTAL_HEALTH(Groups.MENTAL_HEALTH),
    AMBULANCE(Groups.AMBULANCE),
    SOCIAL_CARE(Groups.SOCIAL_CARE),
    CHILDRENS_SOCIAL_CARE(Groups.CHILDRENS_SOCIAL_CARE),
    HEALTHCARE_SETTING(Groups.HOSPITAL_LIAISON),
    NHS111(null),
    HOSPITAL(Groups.HOSPITAL_LIAISON),
    FIRE(Groups.FIRE);

    private final String candidateGroup;

    Agency(String candidateGroup) {
        this.candidateGroup = candidateGroup;
    }

    /** The candidate group that works this agency's referrals, if the agency takes referrals. */
    public Optional<String> candidateGroup() {
        return Optional.ofNullable(candidateGroup);
    }

    /** Agencies a call can be referred to (the {@code agency} of a REFER route). */
    public boolean takesReferrals() {
        return candidateGroup != null && this != HOSPITAL;
    }
}
