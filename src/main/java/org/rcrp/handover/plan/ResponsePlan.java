package org.rcrp.handover.plan;

import java.util.List;
import java.util.Optional;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.Route;

/**
 * A triage decision: the lead response ({@code route}, police {@code grade}, partner {@code agency}: what the case's
 * variables of those names have always meant) and every agency on the plan, lead first.
 */
public record ResponsePlan(Route route, Grade grade, Agency agency, String rationale, List<Response> responses) {

    public ResponsePlan {
        responses = List.copyOf(responses);
    }

    public Optional<Response> response(Agency agency) {
        return responses.stream().filter(response -> response.agency() == agency).findFirst();
    }

    /** Partners that act beside the lead, each with its own referral. */
    public List<Agency> supportingPartners() {
        return responses.stream().filter(response -> response.role() == Role.SUPPORT && response.agency() != Agency.POLICE)
                .map(Response::agency).toList();
    }

    /** Agencies that are told, with no task. */
    public List<Agency> informed() {
        return responses.stream().filter(response -> response.role() == Role.INFORMED).map(Response::agency).toList();
    }

    /** "police only", "partner only", "joint" or "advice": how the figures count plans. */
    public PlanKind kind() {
        boolean police = response(Agency.POLICE).isPresent();
        boolean partner = responses.stream().anyMatch(response -> response.agency() != Agency.POLICE && response.role() != Role.INFORMED);
        if (police && partner) {
            return PlanKind.JOINT;
        }
        if (police) {
            return PlanKind.POLICE_ONLY;
        }
        return partner ? PlanKind.PARTNER_ONLY : PlanKind.ADVICE;
    }

    public enum PlanKind {
        POLICE_ONLY, PARTNER_ONLY, JOINT, ADVICE
    }
}
