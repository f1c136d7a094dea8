package org.rcrp.handover.assurance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the quality assurance ({@code rcrp.assurance.*}).
 *
 * @param sampleShare the share (0 to 1) of closed non-police decisions drawn at random for a quality review; every
 *        override and every not-located closure is reviewed whatever this says
 * @param riskWeight the random share is multiplied by this (capped at 1) for a decision about a child or on a case a
 *        supervisor had to review while it was open
 * @param reviewDue how long a reviewer has for user_quality_review (its due date)
 * @param harmWindowDays a serious harm or incident linked to a case within this many days of a non-police decision
 *        counts as harm after it in the figures
 * @param redeploymentWindow police sent to a referred case, or attending a repeat call about the same person, within
 *        this time of the referral count as a redeployment in the figures
 */
@ConfigurationProperties("rcrp.assurance")
public record AssuranceProperties(
        @DefaultValue("0.05") double sampleShare,
        @DefaultValue("2") double riskWeight,
        @DefaultValue("P7D") Duration reviewDue,
        @DefaultValue("7") int harmWindowDays,
        @DefaultValue("PT24H") Duration redeploymentWindow) {

    public AssuranceProperties {
        if (sampleShare < 0 || sampleShare > 1) {
            throw new IllegalArgumentException("rcrp.assurance.sample-share must be between 0 and 1, not " + sampleShare);
        }
        if (riskWeight < 1) {
            throw new IllegalArgumentException("rcrp.assurance.risk-weight must be at least 1, not " + riskWeight);
        }
        if (reviewDue == null || reviewDue.isNegative() || reviewDue.isZero()) {
            throw new IllegalArgumentException("rcrp.assurance.review-due must be a positive duration");
        }
    }

    /** The defaults, for code that runs without Spring (process unit tests). */
    public static AssuranceProperties defaults() {
        return new AssuranceProperties(0.05, 2, Duration.ofDays(7), 7, Duration.ofHours(24));
    }
}
