package org.rcrp.handover.process;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The clocks as the BPMN models read them at runtime ({@code ${slaPolicy.partnerAcknowledgement()}}):
 * ISO-8601 durations for timers and due dates for tasks, from {@link SlaProperties}.
 */
@Component("slaPolicy")
public class SlaPolicy {

    private final SlaProperties sla;

    private final Clock clock;

    public SlaPolicy(SlaProperties sla, Clock clock) {
        this.clock = clock;
        this.sla = sla;
    }

    public String triage() {
        return sla.triage().toString();
    }

    /**
     * The triage clock of this case: a 999 call's is shorter ({@code rcrp.sla.triage-999}); any other call, and a case
     * logged before the source was kept with it, has {@code rcrp.sla.triage}.
     */
    public String triage(VariableScope scope) {
        return triageDuration(RcrpCallProcess.Variables.SOURCE.find(scope).orElse(null)).toString();
    }

    Duration triageDuration(Source source) {
        return source == Source.PUBLIC_999 ? sla.triage999() : sla.triage();
    }

    /**
     * @param grade IMMEDIATE or PRIORITY; none yet gets the immediate clock (the safe side)
     * @param urban whether the location is urban; unknown gets the shorter, urban clock
     */
    public String attendance(Object grade, Object urban) {
        return attendanceDuration(grade == null ? null : Grade.valueOf(grade.toString()),
                !Boolean.FALSE.equals(urban)).toString();
    }

    Duration attendanceDuration(Grade grade, boolean urban) {
        if (grade == Grade.PRIORITY) {
            return sla.attendancePriority();
        }
        return urban ? sla.attendanceImmediateUrban() : sla.attendanceImmediateRural();
    }

    public String partnerReminder() {
        return sla.partnerReminder().toString();
    }

    public String partnerAcknowledgement() {
        return sla.partnerAcknowledgement().toString();
    }

    public String partnerOutcome(Object agency) {
        Duration byAgency = agency == null ? null : sla.partnerOutcomeByAgency().get(Agency.valueOf(agency.toString()));
        return (byAgency != null ? byAgency : sla.partnerOutcome()).toString();
    }

    public String supervisorReview() {
        return sla.supervisorReview().toString();
    }

    public String callerInformed() {
        return sla.callerInformed().toString();
    }

    public String handover() {
        return sla.handover().toString();
    }

    public String detentionLimit() {
        return sla.detentionLimit().toString();
    }

    /** A person not located: the missing-person risk assessment's clock (rcrp.sla.missing-person-assessment). */
    public String missingPersonAssessment() {
        return sla.missingPersonAssessment().toString();
    }

    /** The statutory extension of the s136 detention limit, recorded once by the responsible clinician. */
    public static final Duration DETENTION_EXTENSION = Duration.ofHours(12);

    /** When the s136 handover is due: the time agreed with the hospital, or the hour from arrival. */
    public Date handoverDueAt(VariableScope scope) {
        Date until = S136HandoverProcess.Variables.DELAY_UNTIL.get(scope);
        return until != null ? until : plus(S136HandoverProcess.Variables.ARRIVED_AT.require(scope), sla.handover());
    }

    /** The s136 detention limit: 24 h (configurable) from arrival, 12 h more once extended. */
    public Date detentionLimitAt(VariableScope scope) {
        Duration limit = S136HandoverProcess.Variables.DETENTION_EXTENDED.isTrue(scope)
                ? sla.detentionLimit().plus(DETENTION_EXTENSION) : sla.detentionLimit();
        return plus(S136HandoverProcess.Variables.ARRIVED_AT.require(scope), limit);
    }

    private static Date plus(Date at, Duration duration) {
        return new Date(at.getTime() + duration.toMillis());
    }

    /** The due date of a task whose clock starts now (engine time, so tests can move it). */
    public Date due(String isoDuration) {
        return new Date(clock.millis() + Duration.parse(isoDuration).toMillis());
    }
}
