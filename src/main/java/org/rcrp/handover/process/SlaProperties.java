package org.rcrp.handover.process;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every clock of the case, as ISO-8601 durations. Defaults are the RCRP timescales (docs/domain.md, Timescales;
 * docs/configuration.md) and live here only (application.yaml sets none); a force (or a test) overrides any of them by
 * environment variable, e.g. {@code RCRP_SLA_PARTNERACKNOWLEDGEMENT=PT10S}. {@code partnerOutcomeByAgency} overrides
 * the outcome clock for one agency (crisis teams assess within 4 h, others may differ). {@code triage999} is the
 * shorter triage clock of a 999 call ({@code rcrp.sla.triage-999}); every other call has {@code triage}.
 */
@ConfigurationProperties("rcrp.sla")
public record SlaProperties(
        Duration triage,
        Duration attendanceImmediateUrban,
        Duration attendanceImmediateRural,
        Duration attendancePriority,
        Duration partnerReminder,
        Duration partnerAcknowledgement,
        Duration partnerOutcome,
        Map<Agency, Duration> partnerOutcomeByAgency,
        Duration supervisorReview,
        Duration callerInformed,
        Duration handover,
        Duration detentionLimit,
        Duration missingPersonAssessment,
        Duration triage999) {

    public SlaProperties {
        triage = orDefault(triage, Duration.ofMinutes(10));
        attendanceImmediateUrban = orDefault(attendanceImmediateUrban, Duration.ofMinutes(15));
        attendanceImmediateRural = orDefault(attendanceImmediateRural, Duration.ofMinutes(20));
        attendancePriority = orDefault(attendancePriority, Duration.ofHours(1));
        partnerReminder = orDefault(partnerReminder, Duration.ofMinutes(20));
        partnerAcknowledgement = orDefault(partnerAcknowledgement, Duration.ofMinutes(30));
        partnerOutcome = orDefault(partnerOutcome, Duration.ofHours(4));
        partnerOutcomeByAgency = partnerOutcomeByAgency == null ? Map.of() : Map.copyOf(partnerOutcomeByAgency);
        partnerOutcomeByAgency.values().forEach(SlaProperties::requirePositive);
        supervisorReview = orDefault(supervisorReview, Duration.ofHours(1));
        callerInformed = orDefault(callerInformed, Duration.ofMinutes(30));
        handover = orDefault(handover, Duration.ofHours(1));
        detentionLimit = orDefault(detentionLimit, Duration.ofHours(24));
        missingPersonAssessment = orDefault(missingPersonAssessment, Duration.ofHours(1));
        triage999 = orDefault(triage999, Duration.ofMinutes(2));
        if (!partnerReminder.minus(partnerAcknowledgement).isNegative()) {
            throw new IllegalArgumentException("rcrp.sla.partner-reminder (" + partnerReminder
                    + ") must be shorter than rcrp.sla.partner-acknowledgement (" + partnerAcknowledgement + ")");
        }
    }

    /** The default timescales (docs/domain.md, Timescales), for code that runs without Spring (process unit tests). */
    public static SlaProperties defaults() {
        return new SlaProperties(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null ? fallback : requirePositive(value);
    }

    private static Duration requirePositive(Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("SLA durations must be positive, got " + value);
        }
        return value;
    }
}
