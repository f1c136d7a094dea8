package org.rcrp.handover.history;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.ProcessVariable;
import org.rcrp.handover.process.RcrpCallProcess;

/**
 * The process variables the lean history still keeps (one row each in {@code act_hi_varinst}, their latest value):
 * the ones the application reads back from the engine's history — a closed case's standing and recommendation on its
 * page, lists and searches ({@code casefile/CaseQueries}), previous contacts' route and state ({@code ContactOutcomes}),
 * a referral's agency and decision for partner access and the partners' referral API ({@code PartnerAccess},
 * {@code ReferralQueries}). A new read of a variable from history needs its name here.
 */
public final class KeptVariables {

    private static final Set<String> NAMES = Stream.of(
            // where a case stands and how it was decided (closed case page, lists, search, previous contacts)
            RcrpCallProcess.Variables.STATE, RcrpCallProcess.Variables.ROUTE, RcrpCallProcess.Variables.GRADE,
            RcrpCallProcess.Variables.AGENCY, RcrpCallProcess.Variables.RESPONSIBLE_AGENCY, RcrpCallProcess.Variables.CLOSED_AT,
            RcrpCallProcess.Variables.RATIONALE, RcrpCallProcess.Variables.OVERRIDDEN, RcrpCallProcess.Variables.CALLER_INFORMED,
            RcrpCallProcess.Variables.RECOMMENDED_ROUTE, RcrpCallProcess.Variables.RECOMMENDED_GRADE,
            RcrpCallProcess.Variables.RECOMMENDED_AGENCY, RcrpCallProcess.Variables.RECOMMENDATION_RATIONALE,
            // a person not located
            RcrpCallProcess.Variables.PERSON_NOT_LOCATED, RcrpCallProcess.Variables.NOT_LOCATED_BY,
            RcrpCallProcess.Variables.MISSING_PERSON_RISK, RcrpCallProcess.Variables.MISSING_PERSON_LOCATED,
            RcrpCallProcess.Variables.WHEREABOUTS, RcrpCallProcess.Variables.CLOSED_NOT_LOCATED,
            // a referral (its agency is the case's AGENCY above)
            PartnerReferralProcess.Variables.DECISION, PartnerReferralProcess.Variables.REASON_CODE,
            PartnerReferralProcess.Variables.DECISION_NOTE, PartnerReferralProcess.Variables.PARTNER_OUTCOME,
            PartnerReferralProcess.Variables.REFERRAL_RESULT, PartnerReferralProcess.Variables.ACKNOWLEDGE_BY)
            .map(ProcessVariable::name).collect(Collectors.toUnmodifiableSet());

    private KeptVariables() {
    }

    public static boolean kept(String variableName) {
        return NAMES.contains(variableName);
    }

    public static Set<String> names() {
        return NAMES;
    }
}
