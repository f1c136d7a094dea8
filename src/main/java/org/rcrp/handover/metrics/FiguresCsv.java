package org.rcrp.handover.metrics;

import java.util.Map;
import org.rcrp.handover.metrics.FiguresSummary.AgencyFigures;
import org.rcrp.handover.metrics.FiguresSummary.Times;

/**
 * The summary as CSV, one figure a line ({@code figure,key,agency,value}), so a spreadsheet can pivot it:
 * the same numbers as the JSON, nothing more and nothing less.
 */
public final class FiguresCsv {

    private FiguresCsv() {
    }

    public static String of(FiguresSummary summary) {
        StringBuilder csv = new StringBuilder("figure,key,agency,value\r\n");
        line(csv, "period.from", "", "", summary.period().from());
        line(csv, "period.to", "", "", summary.period().to());
        line(csv, "period.zone", "", "", summary.period().zone());
        line(csv, "calls.total", "", "", summary.calls().total());
        map(csv, "calls.byCategory", "", summary.calls().byCategory());
        map(csv, "calls.bySource", "", summary.calls().bySource());
        map(csv, "routes", "", summary.routes());
        line(csv, "policeAttendance.attended", "", "", summary.policeAttendance().attended());
        line(csv, "policeAttendance.notAttended", "", "", summary.policeAttendance().notAttended());
        line(csv, "policeAttendance.share", "", "", summary.policeAttendance().share());
        line(csv, "policeHoursReleased.hours", "", "", summary.policeHoursReleased().hours());
        line(csv, "policeHoursReleased.callsClosedWithoutPolice", "", "", summary.policeHoursReleased().callsClosedWithoutPolice());
        line(csv, "policeHoursReleased.officerHoursPerAvoidedDeployment", "", "",
                summary.policeHoursReleased().officerHoursPerAvoidedDeployment());
        line(csv, "policeHoursReleased.assumption", "", "", summary.policeHoursReleased().assumption());
        line(csv, "policeHoursReleased.callsCounted", "", "", summary.policeHoursReleased().callsCounted());
        for (AgencyFigures agency : summary.agencies()) {
            String a = agency.agency();
            line(csv, "agency.referrals", "", a, agency.referrals());
            line(csv, "agency.accepted", "", a, agency.accepted());
            line(csv, "agency.rejected", "", a, agency.rejected());
            map(csv, "agency.rejectedByReason", a, agency.rejectedByReason());
            line(csv, "agency.unanswered", "", a, agency.unanswered());
            times(csv, "agency.acknowledgement", a, agency.acknowledgement());
            times(csv, "agency.outcome", a, agency.outcome());
            line(csv, "agency.acknowledgementBreaches", "", a, agency.acknowledgementBreaches());
            line(csv, "agency.outcomeBreaches", "", a, agency.outcomeBreaches());
            line(csv, "agency.slaBreaches", "", a, agency.slaBreaches());
            line(csv, "agency.escalations", "", a, agency.escalations());
            map(csv, "agency.escalationsByReason", a, agency.escalationsByReason());
            map(csv, "agency.escalationResolutions", a, agency.escalationResolutions());
        }
        line(csv, "escalations.total", "", "", summary.escalations().total());
        map(csv, "escalations.byReason", "", summary.escalations().byReason());
        map(csv, "escalations.byResolution", "", summary.escalations().byResolution());
        line(csv, "s136.handovers", "", "", summary.s136().handovers());
        line(csv, "s136.handedOver", "", "", summary.s136().handedOver());
        line(csv, "s136.overTheHour", "", "", summary.s136().overTheHour());
        line(csv, "s136.detentionLimitReached", "", "", summary.s136().detentionLimitReached());
        times(csv, "s136.handoverTime", "", summary.s136().handoverTime());
        line(csv, "s136.delaysAgreed", "", "", summary.s136().delaysAgreed());
        summary.s136().conveyance().forEach((mode, count) -> line(csv, "s136.conveyance", mode, "", count));
        line(csv, "s136.extended", "", "", summary.s136().extended());
        line(csv, "s136.policeWithdrew", "", "", summary.s136().policeWithdrew());
        line(csv, "recontacts.within", summary.recontacts().window(), "", summary.recontacts().within());
        line(csv, "callerInformed.required", "", "", summary.callerInformed().required());
        line(csv, "callerInformed.informed", "", "", summary.callerInformed().informed());
        line(csv, "callerInformed.rate", "", "", summary.callerInformed().rate());
        line(csv, "overrides.overridden", "", "", summary.overrides().overridden());
        line(csv, "overrides.triaged", "", "", summary.overrides().triaged());
        line(csv, "overrides.share", "", "", summary.overrides().share());
        line(csv, "plans.policeOnly", "", "", summary.plans().policeOnly());
        line(csv, "plans.partnerOnly", "", "", summary.plans().partnerOnly());
        line(csv, "plans.joint", "", "", summary.plans().joint());
        line(csv, "plans.advice", "", "", summary.plans().advice());
        line(csv, "plans.standDowns", "", "", summary.plans().standDowns());
        summary.plans().standDownsByAgency().forEach((agency, n) -> line(csv, "plans.standDowns", "", agency, n));
        line(csv, "plans.ambulanceEtaBreaches", "", "", summary.plans().ambulanceEtaBreaches());
        for (FiguresSummary.Day day : summary.trend()) {
            String d = day.day().toString();
            line(csv, "trend.calls", d, "", day.calls());
            line(csv, "trend.policeAttended", d, "", day.policeAttended());
            line(csv, "trend.referred", d, "", day.referred());
            line(csv, "trend.escalations", d, "", day.escalations());
            line(csv, "trend.slaBreaches", d, "", day.slaBreaches());
        }
        return csv.toString();
    }

    private static void times(StringBuilder csv, String figure, String agency, Times times) {
        line(csv, figure + ".measured", "", agency, times.measured());
        line(csv, figure + ".medianSeconds", "", agency, times.medianSeconds());
        line(csv, figure + ".p90Seconds", "", agency, times.p90Seconds());
    }

    private static void map(StringBuilder csv, String figure, String agency, Map<String, Long> values) {
        values.forEach((key, value) -> line(csv, figure, key, agency, value));
    }

    private static void line(StringBuilder csv, String figure, String key, String agency, Object value) {
        csv.append(figure).append(',').append(cell(key)).append(',').append(agency).append(',')
                .append(value == null ? "" : cell(String.valueOf(value))).append("\r\n");
    }

    /** RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.E]+") ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
