package org.rcrp.handover.plan;

/** The needs table, {@code bpmn/rcrp-response-needs.dmn}: inputs are rcrp-call variables of the same names. */
public final class ResponseNeedsDecision {

    public static final String KEY = "rcrp-response-needs";
    public static final String RESOURCE = "bpmn/rcrp-response-needs.dmn";

    public static final String OUTPUT_NEED = "need";
    public static final String OUTPUT_AGENCY = "agency";
    public static final String OUTPUT_GRADE = "grade";
    public static final String OUTPUT_ROLE_WITH_POLICE = "roleWithPolice";
    public static final String OUTPUT_LEAD_RANK = "leadRank";
    public static final String OUTPUT_REASON = "reason";

    /** Computed before each evaluation (ResponsePlans#prepare): the age is known and under 18. */
    public static final String INPUT_SUBJECT_IS_CHILD = "subjectIsChild";

    /** Every input of the table, by the variable it reads. */
    public static final java.util.List<String> INPUTS = java.util.List.of("category", "riskToLife", "seriousHarm", "childAtRisk",
            "crime", "missingPerson", "whereaboutsKnown", "entryNeeded", "medicalEmergency", INPUT_SUBJECT_IS_CHILD,
            "knownToMentalHealth", "knownToSocialCare", "awolKind", "awolPartThree", "awolDangerous",
            "awolParticularlyVulnerable", "awolHospitalSearched", "walkoutDetained");

    private ResponseNeedsDecision() {
    }
}
