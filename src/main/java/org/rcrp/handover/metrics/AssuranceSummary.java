package org.rcrp.handover.metrics;

import java.util.Map;

/**
 * The assurance figures (docs/processes.md, Assurance) for the calls logged in one period: quality reviews of closed cases, records
 * linked to cases, the demographics of cases by route (Public Sector Equality Duty), harm after a non-police decision and
 * police redeployed after a referral. Counts only; a share is null when nothing counted.
 */
public record AssuranceSummary(
        FiguresSummary.Period period,
        QualityReviews qualityReviews,
        Map<String, Long> linkedRecords,
        Map<String, Demographics> demographicsByRoute,
        HarmAfterDecision harmAfterNonPoliceDecision,
        Redeployment policeRedeployment) {

    /**
     * Cases sampled for a second person's review when they closed, by the weightiest reason (NOT_LOCATED, OVERRIDE,
     * RANDOM), with the verdicts given and the reviews still outstanding.
     */
    public record QualityReviews(long sampled, Map<String, Long> byReason, long agreed, long disagreed, long outstanding,
                                 Double disagreementRate, double sampleShare, double riskWeight) {
    }

    /** Cases of one route by age band, sex and ethnicity as recorded; NOT_RECORDED where the call gave none. */
    public record Demographics(long cases, Map<String, Long> ageBand, Map<String, Long> sex, Map<String, Long> ethnicity) {
    }

    /**
     * Non-police decisions (first route not POLICE_ATTEND) with a SERIOUS_HARM or INCIDENT linked to the case that occurred
     * within {@code windowDays} of the day the call was logged.
     */
    public record HarmAfterDecision(long nonPoliceDecisions, long withHarm, int windowDays, Double rate) {
    }

    /**
     * Cases referred to a partner (first route REFER) where police were sent after all within {@code window} of the
     * referral: sent on the same case (a supervisor's POLICE_ATTEND, or police added to the plan), or attending a repeat
     * call about the same person (the figures' person key).
     */
    public record Redeployment(long referred, long redeployed, long sameCase, long repeatCall, String window, Double rate) {
    }
}
