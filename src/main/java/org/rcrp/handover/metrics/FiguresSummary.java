package org.rcrp.handover.metrics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The figures forces and partners report (docs/figures.md), for the calls logged in one period. Times are in
 * seconds; a median or p90 is null when nothing was timed; a rate or share is null when nothing counted.
 */
public record FiguresSummary(
        Period period,
        Calls calls,
        Map<String, Long> routes,
        PoliceAttendance policeAttendance,
        PoliceHoursReleased policeHoursReleased,
        List<AgencyFigures> agencies,
        Escalations escalations,
        S136 s136,
        Recontacts recontacts,
        CallerInformed callerInformed,
        Overrides overrides,
        Plans plans,
        List<Day> trend) {

    /** Both days inclusive, in {@code zone}; every figure is about the calls logged in these days. */
    public record Period(LocalDate from, LocalDate to, String zone) {
    }

    public record Calls(long total, Map<String, Long> byCategory, Map<String, Long> bySource) {
    }

    /** Police were sent to the call, or brought the person to a place of safety; the share is of all calls. */
    public record PoliceAttendance(long attended, long notAttended, Double share) {
    }

    /**
     * An estimate: {@code callsCounted} — calls triage referred to a partner or closed with advice that police have not
     * attended, open or closed — times the assumed officer hours one deployment takes. {@code callsClosedWithoutPolice}, the
     * closed calls police did not attend, is kept for the clients that read it; it is no longer what the hours count.
     */
    public record PoliceHoursReleased(double hours, long callsClosedWithoutPolice, double officerHoursPerAvoidedDeployment,
                                      String assumption, long callsCounted) {
    }

    /** Median and 90th percentile (continuous, interpolated) of the times measured. */
    public record Times(long measured, Double medianSeconds, Double p90Seconds) {
    }

    public record AgencyFigures(String agency, long referrals, long accepted, long rejected, Map<String, Long> rejectedByReason,
                                long unanswered, Times acknowledgement, Times outcome, long acknowledgementBreaches,
                                long outcomeBreaches, long slaBreaches, long escalations, Map<String, Long> escalationsByReason,
                                Map<String, Long> escalationResolutions) {
    }

    /** Every supervisor review raised, why, and how it ended ({@code OPEN} while nobody has decided). */
    public record Escalations(long total, Map<String, Long> byReason, Map<String, Long> byResolution) {
    }

    /**
     * s136 handovers counted from arrival (a person not yet arrived is no handover and cannot breach the hour): over the
     * hour (or past a time agreed), delays agreed, conveyance mode (AMBULANCE, POLICE_VEHICLE, OTHER, NOT_RECORDED),
     * extensions by the responsible clinician and police withdrawals.
     */
    public record S136(long handovers, long handedOver, long overTheHour, long detentionLimitReached, Times handoverTime,
                       long delaysAgreed, Map<String, Long> conveyance, long extended, long policeWithdrew) {
    }

    public record Recontacts(long within, String window, String personKey) {
    }

    /** Calls where police did not attend and the caller had to be told who would; informed = reached by phone or SMS. */
    public record CallerInformed(long required, long informed, Double rate) {
    }

    /** Triage decisions that departed from the threshold table's recommendation, of all calls triaged. */
    public record Overrides(long overridden, long triaged, Double share) {
    }

    /**
     * Response plans as they stand: police only, a partner only, police and a partner together (joint), or advice with at
     * most agencies told; the partners stood down (told they were no longer needed), by agency; and the ambulance ETAs
     * beyond the risk window.
     */
    public record Plans(long policeOnly, long partnerOnly, long joint, long advice, long standDowns,
                        Map<String, Long> standDownsByAgency, long ambulanceEtaBreaches) {
    }

    public record Day(LocalDate day, long calls, long policeAttended, long referred, long escalations, long slaBreaches) {
    }
}
