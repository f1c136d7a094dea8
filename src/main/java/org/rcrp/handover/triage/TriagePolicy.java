package org.rcrp.handover.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rcrp.handover.plan.Need;
import org.rcrp.handover.plan.Response;
import org.rcrp.handover.plan.ResponsePlan;
import org.rcrp.handover.plan.ResponsePlanner;
import org.rcrp.handover.plan.Role;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.Route;

/**
 * Turns the recommended response plan and a call handler's optional override into the plan the case follows. An
 * override needs a reason; it may change the lead and add agencies, and can never take police away from a real and
 * immediate risk to life or of serious harm (any risk to life gets a police response) — though it may add an ambulance
 * to it. The reason is checked with the handler's answers ({@link #check}) and kept in the case's journal; the plan the
 * engine applies ({@link #decide}) never sees it, and names the overridden recommendation only.
 */
public final class TriagePolicy {

    /** The handler's choice against the recommendation: a lead (route, partner, police grade) and agencies to add. */
    public record Override(Route route, Agency agency, Grade grade, String reason, List<Agency> addAgencies) {

        public Override {
            addAgencies = addAgencies == null ? List.of() : List.copyOf(addAgencies);
        }

        public Override(Route route, Agency agency, Grade grade, String reason) {
            this(route, agency, grade, reason, List.of());
        }
    }

    /** The plan the case follows, and whether the handler changed the recommendation. */
    public record Decision(ResponsePlan plan, boolean overridden, String rationale) {

        public Route route() {
            return plan.route();
        }

        public Grade grade() {
            return plan.grade();
        }

        public Agency agency() {
            return plan.agency();
        }
    }

    static final String OVERRIDE_REASON = "Chosen by the call handler's override (the reason is in the case's journal).";

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
                    "a real and immediate risk to life or of serious harm always gets a police response; add other agencies with override.addAgencies"));
        }
        if (override.route() == Route.POLICE_ATTEND && override.grade() != null && !override.grade().policeGrade()) {
            errors.add(new FieldError("override.grade", "police attend at the IMMEDIATE or PRIORITY grade"));
        } else if (override.route() == Route.POLICE_ATTEND && override.grade() == Grade.PRIORITY && (riskToLife || seriousHarm)) {
            errors.add(new FieldError("override.grade",
                    "a real and immediate risk to life or of serious harm gets the immediate grade"));
        }
        if (override.addAgencies().stream().anyMatch(agency -> agency == null || !agency.takesReferrals())) {
            errors.add(new FieldError("override.addAgencies", "each must be an agency that takes referrals"));
        }
        if (override.route() == Route.ADVICE_AND_CLOSE && !override.addAgencies().isEmpty()) {
            errors.add(new FieldError("override.addAgencies", "agencies cannot be added to advice and close: choose a lead"));
        }
        return errors;
    }

    public static Decision decide(List<Need> needs, Optional<Override> override, boolean riskToLife, boolean seriousHarm) {
        ResponsePlan recommended = ResponsePlanner.plan(needs);
        if (override.isEmpty()) {
            return new Decision(recommended, false, recommended.rationale());
        }
        Override chosen = override.get();
        List<FieldError> errors = checkChoice(chosen, riskToLife, seriousHarm);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Override refused: " + errors);
        }
        Agency lead = switch (chosen.route()) {
            case POLICE_ATTEND -> Agency.POLICE;
            case REFER -> chosen.agency();
            case ADVICE_AND_CLOSE -> null;
        };
        List<Need> withLead = new ArrayList<>(needs);
        if (lead != null && needs.stream().noneMatch(need -> need.agency() == lead)) {
            withLead.add(new Need("OVERRIDE", lead, null, Role.LEAD, 0, OVERRIDE_REASON));
        }
        ResponsePlan plan = ResponsePlanner.withLead(withLead, lead);
        if (lead == Agency.POLICE) {
            Grade grade = Optional.ofNullable(chosen.grade()).orElse(recommended.route() == Route.POLICE_ATTEND
                    ? recommended.grade() : Grade.PRIORITY);
            plan = withPoliceGrade(plan, grade);
        }
        plan = ResponsePlanner.adding(plan, chosen.addAgencies(), OVERRIDE_REASON);
        boolean overridden = plan.route() != recommended.route() || plan.agency() != recommended.agency()
                || plan.grade() != recommended.grade() || !plan.responses().equals(recommended.responses());
        if (!overridden) {
            return new Decision(recommended, false, recommended.rationale());
        }
        String rationale = overrideRationale(recommended.route(), recommended.agency());
        return new Decision(new ResponsePlan(plan.route(), plan.grade(), plan.agency(), rationale, plan.responses()), true, rationale);
    }

    private static ResponsePlan withPoliceGrade(ResponsePlan plan, Grade grade) {
        List<Response> responses = plan.responses().stream()
                .map(response -> response.agency() == Agency.POLICE
                        ? new Response(Agency.POLICE, response.role(), grade, response.reason()) : response)
                .toList();
        return new ResponsePlan(plan.route(), grade, plan.agency(), plan.rationale(), responses);
    }

    /** The rationale of an override of this recommendation: the handler's reason is in the case's journal, not here. */
    public static String overrideRationale(Route recommendedRoute, Agency recommendedAgency) {
        return "Override of the recommendation (" + describe(recommendedRoute, recommendedAgency) + ")";
    }

    private static String describe(Route route, Agency agency) {
        return agency == null ? String.valueOf(route) : route + " to " + agency;
    }
}
