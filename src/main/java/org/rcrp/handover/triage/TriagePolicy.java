package org.rcrp.handover.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.Route;

/**
 * Turns the threshold decision's recommendation and a call handler's optional override into the
 * decision the case follows. An override needs a reason, and can never take police away from a
 * real and immediate risk to life or of serious harm (DOMAIN.md: any risk to life gets a police response).
 * The reason is checked with the handler's answers ({@link #check}) and kept in the case's journal; the decision the
 * engine applies ({@link #decide}) never sees it, and its rationale names the overridden recommendation only.
 */
public final class TriagePolicy {

    public record Recommendation(Route route, Grade grade, Agency agency, String rationale) {
    }

    public record Override(Route route, Agency agency, Grade grade, String reason) {
    }

    public record Decision(Route route, Grade grade, Agency agency, boolean overridden, String rationale) {
    }

    private TriagePolicy() {
    }

    /** Problems with an override, named by the JSON field of the triage body; empty when it may be applied. */
    public static List<FieldError> check(Override override, boolean riskToLife, boolean seriousHarm) {
        List<FieldError> errors = new ArrayList<>();
        if (override == null) {
            return errors;
        }
        if (override.route() == null) {
            errors.add(new FieldError("override.route", "is required with an override"));
        }
        if (override.reason() == null || override.reason().isBlank()) {
            errors.add(new FieldError("override.reason", "is required with an override"));
        }
        errors.addAll(checkChoice(override, riskToLife, seriousHarm));
        return errors;
    }

    /** What the handler chose against the answers, whatever the reason: the engine's own check before applying it. */
    private static List<FieldError> checkChoice(Override override, boolean riskToLife, boolean seriousHarm) {
        List<FieldError> errors = new ArrayList<>();
        if (override.route() == Route.REFER && (override.agency() == null || !override.agency().takesReferrals())) {
            errors.add(new FieldError("override.agency", "must be an agency that takes referrals when the route is REFER"));
        }
        if (override.route() != null && override.route() != Route.POLICE_ATTEND && (riskToLife || seriousHarm)) {
            errors.add(new FieldError("override.route",
                    "a real and immediate risk to life or of serious harm always gets a police response"));
        }
        if (override.route() == Route.POLICE_ATTEND && override.grade() == Grade.PRIORITY && (riskToLife || seriousHarm)) {
            errors.add(new FieldError("override.grade",
                    "a real and immediate risk to life or of serious harm gets the immediate grade"));
        }
        return errors;
    }

    public static Decision decide(Recommendation recommendation, Optional<Override> override,
                                  boolean riskToLife, boolean seriousHarm) {
        if (override.isEmpty()) {
            return new Decision(recommendation.route(), recommendation.grade(), recommendation.agency(), false,
                    recommendation.rationale());
        }
        Override chosen = override.get();
        List<FieldError> errors = checkChoice(chosen, riskToLife, seriousHarm);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Override refused: " + errors);
        }
        Grade grade = chosen.route() == Route.POLICE_ATTEND
                ? Optional.ofNullable(chosen.grade()).orElse(Optional.ofNullable(recommendation.grade()).orElse(Grade.PRIORITY))
                : null;
        Agency agency = chosen.route() == Route.REFER ? chosen.agency() : null;
        boolean overridden = chosen.route() != recommendation.route() || agency != recommendation.agency()
                || grade != recommendation.grade();
        String rationale = overridden ? overrideRationale(recommendation.route(), recommendation.agency()) : recommendation.rationale();
        return new Decision(chosen.route(), grade, agency, overridden, rationale);
    }

    /** The rationale of an override of this recommendation: the handler's reason is in the case's journal, not here. */
    public static String overrideRationale(Route recommendedRoute, Agency recommendedAgency) {
        return "Override of the recommendation (" + describe(recommendedRoute, recommendedAgency) + ")";
    }

    private static String describe(Route route, Agency agency) {
        return agency == null ? String.valueOf(route) : route + " to " + agency;
    }
}
