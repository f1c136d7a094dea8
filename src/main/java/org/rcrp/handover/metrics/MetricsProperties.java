package org.rcrp.handover.metrics;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the manager figures ({@code rcrp.metrics.*}), each with its environment variable by
 * Spring's relaxed binding ({@code RCRP_METRICS_OFFICERHOURSPERAVOIDEDDEPLOYMENT}).
 *
 * @param officerHoursPerAvoidedDeployment the assumption behind "police hours released": the average
 *        officer time one deployment takes (two officers on a welfare check for over an hour is typical;
 *        forces set their own from their duty data). Shown with the figure.
 * @param zone the force's time zone: the day a call is logged in, and so the period it counts in
 * @param recontactWindow a call about the same person within this time of an earlier one is a re-contact (and a repeat
 *        contact put to the supervisors: intake/PreviousContacts reads the same setting)
 * @param recontactAgeYears ages given in two calls may differ this much and still be the same person (previous contacts too)
 * @param maxPeriodDays the longest period one summary may cover
 * @param liveRefresh how long the live gauges keep one reading of the database
 */
@ConfigurationProperties("rcrp.metrics")
public record MetricsProperties(
        @DefaultValue("2.5") double officerHoursPerAvoidedDeployment,
        @DefaultValue("Europe/London") ZoneId zone,
        @DefaultValue("PT24H") Duration recontactWindow,
        @DefaultValue("2") int recontactAgeYears,
        @DefaultValue("366") int maxPeriodDays,
        @DefaultValue("PT10S") Duration liveRefresh) {
}
