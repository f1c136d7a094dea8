package org.rcrp.handover.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.Route;

/**
 * Needs ({@code rcrp-response-needs}) to a response plan. Police lead whenever a police need matched: they hold the
 * powers (entry, protection, detention) and the person until the scene is safe, and every partner need is kept beside
 * them in its role-with-police. Otherwise the partner need with the lowest lead rank leads and the other partners support.
 * No needs: advice and close. One agency appears once, with its highest grade and every reason.
 */
public final class ResponsePlanner {

    static final String ADVICE_RATIONALE = "No police threshold met and no agency's need identified: advise the caller "
            + "(NHS 111, the mental health option) and close.";

    private ResponsePlanner() {
    }

    public static ResponsePlan plan(List<Need> needs) {
        boolean policeLead = needs.stream().anyMatch(need -> need.agency() == Agency.POLICE);
        if (policeLead) {
            return withLead(needs, Agency.POLICE);
        }
        Optional<Need> lead = needs.stream().filter(need -> need.leadRank() != null)
                .min(Comparator.comparingInt(Need::leadRank));
        if (lead.isPresent()) {
            return withLead(needs, lead.get().agency());
        }
        return new ResponsePlan(Route.ADVICE_AND_CLOSE, null, null, ADVICE_RATIONALE, entries(needs, null, agency -> Role.INFORMED));
    }

    /**
     * The plan with the given lead (police, a partner, or null for advice and close), keeping every other need. Police
     * needs are dropped when police do not lead: only an override can do that, and only where TriagePolicy allows it.
     */
    public static ResponsePlan withLead(List<Need> needs, Agency lead) {
        if (lead == null) {
            List<Need> partners = needs.stream().filter(need -> need.agency() != Agency.POLICE).toList();
            return new ResponsePlan(Route.ADVICE_AND_CLOSE, null, null, ADVICE_RATIONALE, entries(partners, null, agency -> Role.INFORMED));
        }
        List<Need> kept = lead == Agency.POLICE ? needs : needs.stream().filter(need -> need.agency() != Agency.POLICE).toList();
        List<Response> responses = entries(kept, lead, agency -> agency == lead ? Role.LEAD
                : lead == Agency.POLICE ? roleWithPolice(kept, agency) : Role.SUPPORT);
        Response leadResponse = responses.stream().filter(response -> response.agency() == lead).findFirst().orElse(null);
        String rationale = leadResponse == null ? null : leadResponse.reason();
        if (lead == Agency.POLICE) {
            Grade grade = leadResponse == null || leadResponse.grade() == null ? Grade.PRIORITY : leadResponse.grade();
            return new ResponsePlan(Route.POLICE_ATTEND, grade, null, rationale, responses);
        }
        return new ResponsePlan(Route.REFER, null, lead, rationale, responses);
    }

    private static Role roleWithPolice(List<Need> needs, Agency agency) {
        return needs.stream().filter(need -> need.agency() == agency).map(Need::roleWithPolice)
                .min(Comparator.naturalOrder()).orElse(Role.INFORMED);
    }

    private interface RoleOf {
        Role of(Agency agency);
    }

    private static List<Response> entries(List<Need> needs, Agency lead, RoleOf roleOf) {
        Map<Agency, List<Need>> byAgency = new LinkedHashMap<>();
        for (Need need : needs) {
            byAgency.computeIfAbsent(need.agency(), agency -> new ArrayList<>()).add(need);
        }
        List<Response> responses = new ArrayList<>();
        for (Map.Entry<Agency, List<Need>> entry : byAgency.entrySet()) {
            Grade grade = entry.getValue().stream().map(Need::grade).filter(g -> g != null)
                    .min(Comparator.naturalOrder()).orElse(null);
            Set<String> reasons = new LinkedHashSet<>();
            entry.getValue().forEach(need -> reasons.add(need.reason()));
            responses.add(new Response(entry.getKey(), roleOf.of(entry.getKey()), grade, String.join(" ", reasons)));
        }
        if (lead != null && responses.stream().noneMatch(response -> response.agency() == lead)) {
            responses.add(new Response(lead, Role.LEAD, null, null));
        }
        responses.sort(Comparator.comparing(Response::role));
        return responses;
    }

    /** An agency added to the plan by a handler's override: supports, or is raised from informed to support. */
    public static ResponsePlan adding(ResponsePlan plan, List<Agency> added, String reason) {
        List<Response> responses = new ArrayList<>(plan.responses());
        for (Agency agency : added) {
            Optional<Response> present = plan.response(agency);
            if (present.isEmpty()) {
                responses.add(new Response(agency, Role.SUPPORT, null, reason));
            } else if (present.get().role() == Role.INFORMED) {
                responses.set(responses.indexOf(present.get()), new Response(agency, Role.SUPPORT, present.get().grade(),
                        present.get().reason() + " " + reason));
            }
        }
        responses.sort(Comparator.comparing(Response::role));
        return new ResponsePlan(plan.route(), plan.grade(), plan.agency(), plan.rationale(), responses);
    }
}
