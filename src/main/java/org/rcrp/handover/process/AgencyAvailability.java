package org.rcrp.handover.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which agencies this force refers people to. Every agency that takes referrals ({@link Agency#takesReferrals()}) does,
 * except the fire and rescue service, which only forces that work with it switch on: {@code rcrp.referrals.fire-enabled}
 * ({@code RCRP_REFERRALS_FIREENABLED}), off by default. Not under {@code rcrp.agencies}: every key there names an agency.
 * <p>
 * Asked where a person chooses the agency — a triage override, a supervisor's reroute, officers referring on — through
 * {@link TaskCompletion#referredTo()}. The models' {@link Agencies} does not ask it, so a referral already made goes on
 * if a force switches the service off.
 */
@ConfigurationProperties("rcrp.referrals")
public record AgencyAvailability(boolean fireEnabled) {

    public boolean takesReferrals(Agency agency) {
        return agency != null && agency.takesReferrals() && (agency != Agency.FIRE || fireEnabled);
    }

    /** The agencies a person may refer to here, in the enum's order: the forms' choices. */
    public List<Agency> referable() {
        return Arrays.stream(Agency.values()).filter(this::takesReferrals).toList();
    }

    /**
     * The refusals, named by JSON field, of agencies chosen that take referrals elsewhere but not in this force. An agency
     * that never takes referrals is left to the body's own check, so that a field is not refused twice.
     */
    public List<FieldError> refusals(Map<String, Agency> referredTo) {
        List<FieldError> errors = new ArrayList<>();
        referredTo.forEach((field, agency) -> {
            if (agency.takesReferrals() && !takesReferrals(agency)) {
                errors.add(new FieldError(field, agency + " takes no referrals here: the force has not enabled it"));
            }
        });
        return errors;
    }
}
