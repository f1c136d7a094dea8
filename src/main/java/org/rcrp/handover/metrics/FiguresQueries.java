package org.rcrp.handover.metrics;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rcrp.handover.metrics.FiguresSummary.AgencyFigures;
import org.rcrp.handover.metrics.FiguresSummary.Times;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.AgencyAvailability;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.Conveyance;
import org.rcrp.handover.process.RejectionReason;
import org.rcrp.handover.process.ReviewReason;
import org.rcrp.handover.process.Route;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.process.SupervisorAction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The summary, aggregated in the database: seven GROUP BY queries over the read model, each reading
 * only the period's rows through the {@code logged_day} indexes and returning at most a few hundred
 * grouped rows, whatever the number of cases. Medians and p90s are {@code PERCENTILE_CONT}, which
 * PostgreSQL and H2 2.x both have, so one set of SQL serves both.
 */
@Service
public class FiguresQueries {

    /** In words, for people: which calls count and the assumption (never the name of the setting). */
    static final String ASSUMPTION = "Each call referred to a partner or given advice at triage that police have not attended,"
            + " open or closed, is taken to save one police deployment of %s officer hours. An estimate, not a measurement.";

    private static final String PERIOD = " WHERE logged_day BETWEEN ? AND ?";
    private static final String NOT_RECORDED = "NOT_RECORDED";

    private final JdbcTemplate jdbc;
    private final MetricsProperties properties;
    private final AgencyAvailability agencyAvailability;

    public FiguresQueries(JdbcTemplate jdbc, MetricsProperties properties, AgencyAvailability agencyAvailability) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.agencyAvailability = agencyAvailability;
    }

    @Transactional(readOnly = true)
    public FiguresSummary summary(LocalDate from, LocalDate to) {
        Object[] period = {Date.valueOf(from), Date.valueOf(to)};

        Map<String, Long> byCategory = zeros(Category.class);
        Map<String, Long> bySource = zeros(Source.class);
        Map<String, Long> routes = zeros(Route.class);
        routes.put("UNTRIAGED", 0L);
        long[] totals = new long[9];
        jdbc.query("SELECT category, source, first_route, COUNT(*) AS calls,"
                + " SUM(CASE WHEN police_attended THEN 1 ELSE 0 END) AS police,"
                + " SUM(CASE WHEN closed_at IS NOT NULL AND NOT police_attended THEN 1 ELSE 0 END) AS released,"
                + " SUM(CASE WHEN triaged THEN 1 ELSE 0 END) AS triaged,"
                + " SUM(CASE WHEN overridden THEN 1 ELSE 0 END) AS overridden,"
                + " SUM(CASE WHEN inform_required THEN 1 ELSE 0 END) AS inform_required,"
                + " SUM(CASE WHEN inform_required AND caller_informed THEN 1 ELSE 0 END) AS informed,"
                + " SUM(CASE WHEN recontact_of IS NOT NULL THEN 1 ELSE 0 END) AS recontacts,"
                // Released: triage sent the call away from police (a partner, or advice) and police have not gone since,
                // whether or not the case has closed (a referral still open has already spared the deployment).
                + " SUM(CASE WHEN triaged AND route <> 'POLICE_ATTEND' AND NOT police_attended THEN 1 ELSE 0 END) AS counted"
                + " FROM rcrp_report_case" + PERIOD + " GROUP BY category, source, first_route", rs -> {
            long calls = rs.getLong("calls");
            byCategory.merge(rs.getString("category"), calls, Long::sum);
            bySource.merge(rs.getString("source"), calls, Long::sum);
            String route = rs.getString("first_route");
            routes.merge(route == null ? "UNTRIAGED" : route, calls, Long::sum);
            String[] columns = {"calls", "police", "released", "triaged", "overridden", "inform_required", "informed", "recontacts",
                    "counted"};
            for (int i = 0; i < columns.length; i++) {
                totals[i] += rs.getLong(columns[i]);
            }
        }, period);
        long calls = totals[0];
        long police = totals[1];
        long closedWithoutPolice = totals[2];
        long released = totals[8];

        Map<String, AgencyFigures> agencies = new LinkedHashMap<>();
        Map<String, Map<String, Long>> rejectedByReason = new TreeMap<>();
        jdbc.query("SELECT agency, reject_reason, COUNT(*) AS n FROM rcrp_report_referral" + PERIOD
                + " AND rejected = TRUE GROUP BY agency, reject_reason", rs -> {
            rejectedByReason.computeIfAbsent(rs.getString("agency"), agency -> zeros(RejectionReason.class))
                    .merge(String.valueOf(rs.getString("reject_reason")), rs.getLong("n"), Long::sum);
        }, period);
        Map<String, long[]> referralCounts = new TreeMap<>();
        Map<String, Times[]> referralTimes = new TreeMap<>();
        jdbc.query("SELECT agency, COUNT(*) AS referrals,"
                + " SUM(CASE WHEN accepted THEN 1 ELSE 0 END) AS accepted,"
                + " SUM(CASE WHEN rejected THEN 1 ELSE 0 END) AS rejected,"
                + " SUM(CASE WHEN acknowledged_at IS NULL THEN 1 ELSE 0 END) AS unanswered,"
                + " SUM(ack_breaches) AS ack_breaches, SUM(outcome_breaches) AS outcome_breaches,"
                + " COUNT(ack_seconds) AS ack_n,"
                + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY ack_seconds) AS ack_p50,"
                + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY ack_seconds) AS ack_p90,"
                + " COUNT(outcome_seconds) AS outcome_n,"
                + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY outcome_seconds) AS outcome_p50,"
                + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY outcome_seconds) AS outcome_p90"
                + " FROM rcrp_report_referral" + PERIOD + " GROUP BY agency", rs -> {
            referralCounts.put(rs.getString("agency"), new long[] {rs.getLong("referrals"), rs.getLong("accepted"),
                    rs.getLong("rejected"), rs.getLong("unanswered"), rs.getLong("ack_breaches"), rs.getLong("outcome_breaches")});
            referralTimes.put(rs.getString("agency"), new Times[] {times(rs, "ack"), times(rs, "outcome")});
        }, period);

        Map<String, Long> escalationsByReason = zeros(ReviewReason.class);
        Map<String, Long> escalationsByResolution = resolutions();
        Map<String, Map<String, Long>> agencyEscalationReasons = new TreeMap<>();
        Map<String, Map<String, Long>> agencyEscalationResolutions = new TreeMap<>();
        jdbc.query("SELECT agency, reason, resolution, COUNT(*) AS n FROM rcrp_report_escalation" + PERIOD
                + " GROUP BY agency, reason, resolution", rs -> {
            long n = rs.getLong("n");
            String resolution = rs.getString("resolution") == null ? "OPEN" : rs.getString("resolution");
            escalationsByReason.merge(rs.getString("reason"), n, Long::sum);
            escalationsByResolution.merge(resolution, n, Long::sum);
            agencyEscalationReasons.computeIfAbsent(rs.getString("agency"), agency -> new TreeMap<>())
                    .merge(rs.getString("reason"), n, Long::sum);
            agencyEscalationResolutions.computeIfAbsent(rs.getString("agency"), agency -> resolutions())
                    .merge(resolution, n, Long::sum);
        }, period);

        for (Agency agency : Agency.values()) {
            String name = agency.name();
            boolean listed = agencyAvailability.takesReferrals(agency) || referralCounts.containsKey(name)
                    || agencyEscalationReasons.containsKey(name);
            if (!listed) {
                continue;
            }
            long[] counts = referralCounts.getOrDefault(name, new long[6]);
            Times[] times = referralTimes.getOrDefault(name, new Times[] {new Times(0, null, null), new Times(0, null, null)});
            Map<String, Long> reasons = agencyEscalationReasons.getOrDefault(name, Map.of());
            agencies.put(name, new AgencyFigures(name, counts[0], counts[1], counts[2],
                    rejectedByReason.getOrDefault(name, zeros(RejectionReason.class)), counts[3], times[0], times[1],
                    counts[4], counts[5], counts[4] + counts[5], reasons.values().stream().mapToLong(Long::longValue).sum(),
                    reasons, agencyEscalationResolutions.getOrDefault(name, resolutions())));
        }

        FiguresSummary.S136 s136 = jdbc.queryForObject("SELECT COUNT(*) AS handovers, COUNT(handed_over_at) AS handed_over,"
                + " SUM(CASE WHEN over_the_hour THEN 1 ELSE 0 END) AS over_hour,"
                + " SUM(CASE WHEN detention_limit_reached THEN 1 ELSE 0 END) AS detention,"
                + " COUNT(handover_seconds) AS handover_n,"
                + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY handover_seconds) AS handover_p50,"
                + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY handover_seconds) AS handover_p90,"
                + " SUM(CASE WHEN delay_agreed THEN 1 ELSE 0 END) AS delays,"
                + " SUM(CASE WHEN extended THEN 1 ELSE 0 END) AS extended,"
                + " SUM(CASE WHEN police_withdrew THEN 1 ELSE 0 END) AS withdrew"
                + " FROM rcrp_report_handover" + PERIOD, (rs, row) -> new FiguresSummary.S136(rs.getLong("handovers"),
                rs.getLong("handed_over"), rs.getLong("over_hour"), rs.getLong("detention"), times(rs, "handover"),
                rs.getLong("delays"), new LinkedHashMap<>(), rs.getLong("extended"), rs.getLong("withdrew")), period);
        Map<String, Long> conveyance = s136.conveyance();
        for (Conveyance mode : Conveyance.values()) {
            conveyance.put(mode.name(), 0L);
        }
        conveyance.put(NOT_RECORDED, 0L);
        jdbc.query("SELECT conveyance, COUNT(*) AS n FROM rcrp_report_handover" + PERIOD + " GROUP BY conveyance", rs -> {
            conveyance.put(rs.getString("conveyance") == null ? NOT_RECORDED : rs.getString("conveyance"), rs.getLong("n"));
        }, period);

        List<FiguresSummary.Day> trend = trend(from, to, period);
        double hoursPerDeployment = properties.officerHoursPerAvoidedDeployment();
        return new FiguresSummary(
                new FiguresSummary.Period(from, to, properties.zone().getId()),
                new FiguresSummary.Calls(calls, byCategory, bySource),
                routes,
                new FiguresSummary.PoliceAttendance(police, calls - police, share(police, calls)),
                new FiguresSummary.PoliceHoursReleased(released * hoursPerDeployment, closedWithoutPolice, hoursPerDeployment,
                        ASSUMPTION.formatted(hoursPerDeployment), released),
                List.copyOf(agencies.values()),
                new FiguresSummary.Escalations(escalationsByReason.values().stream().mapToLong(Long::longValue).sum(),
                        escalationsByReason, escalationsByResolution),
                s136,
                new FiguresSummary.Recontacts(totals[7], properties.recontactWindow().toString(),
                        "the subject's name, normalised (case, accents and apostrophes ignored, other punctuation and spacing as one space); ages more than "
                                + properties.recontactAgeYears() + " years apart are different people"),
                new FiguresSummary.CallerInformed(totals[5], totals[6], share(totals[6], totals[5])),
                new FiguresSummary.Overrides(totals[4], totals[3], share(totals[4], totals[3])),
                plans(period),
                trend);
    }

    /** Each triaged case's plan as it stands (plan/ResponseLedger), and the stand-downs, of the calls of the period. */
    private FiguresSummary.Plans plans(Object[] period) {
        long[] kinds = new long[4];
        jdbc.query("SELECT SUM(CASE WHEN police > 0 AND partners = 0 THEN 1 ELSE 0 END) AS police_only,"
                + " SUM(CASE WHEN police = 0 AND partners > 0 THEN 1 ELSE 0 END) AS partner_only,"
                + " SUM(CASE WHEN police > 0 AND partners > 0 THEN 1 ELSE 0 END) AS joint,"
                + " SUM(CASE WHEN police = 0 AND partners = 0 THEN 1 ELSE 0 END) AS advice"
                + " FROM (SELECT c.case_id,"
                + " SUM(CASE WHEN r.agency = 'POLICE' THEN 1 ELSE 0 END) AS police,"
                + " SUM(CASE WHEN r.agency <> 'POLICE' AND r.role <> 'INFORMED' THEN 1 ELSE 0 END) AS partners"
                + " FROM rcrp_report_case c LEFT JOIN rcrp_response r ON r.case_id = c.case_id"
                + " WHERE c.logged_day BETWEEN ? AND ? AND c.triaged GROUP BY c.case_id) plan", rs -> {
            kinds[0] = rs.getLong("police_only");
            kinds[1] = rs.getLong("partner_only");
            kinds[2] = rs.getLong("joint");
            kinds[3] = rs.getLong("advice");
        }, period);
        Map<String, Long> standDowns = new TreeMap<>();
        jdbc.query("SELECT r.agency, COUNT(*) AS n FROM rcrp_response r JOIN rcrp_report_case c ON c.case_id = r.case_id"
                + " WHERE c.logged_day BETWEEN ? AND ? AND r.state = 'STOOD_DOWN' GROUP BY r.agency",
                rs -> {
                    standDowns.put(rs.getString("agency"), rs.getLong("n"));
                }, period);
        Long etaBreaches = jdbc.queryForObject("SELECT COUNT(*) FROM rcrp_case_event e JOIN rcrp_report_case c ON c.case_id = e.case_id"
                + " WHERE c.logged_day BETWEEN ? AND ? AND e.type = 'AMBULANCE_ETA_BEYOND_RISK_WINDOW'", Long.class, period);
        return new FiguresSummary.Plans(kinds[0], kinds[1], kinds[2], kinds[3],
                standDowns.values().stream().mapToLong(Long::longValue).sum(), standDowns, etaBreaches == null ? 0 : etaBreaches);
    }

    private List<FiguresSummary.Day> trend(LocalDate from, LocalDate to, Object[] period) {
        Map<LocalDate, long[]> days = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, new long[5]);
        }
        jdbc.query("SELECT logged_day, COUNT(*) AS calls, SUM(CASE WHEN police_attended THEN 1 ELSE 0 END) AS police,"
                + " SUM(CASE WHEN first_route = 'REFER' THEN 1 ELSE 0 END) AS referred"
                + " FROM rcrp_report_case" + PERIOD + " GROUP BY logged_day", rs -> {
            long[] day = days.get(rs.getDate("logged_day").toLocalDate());
            day[0] = rs.getLong("calls");
            day[1] = rs.getLong("police");
            day[2] = rs.getLong("referred");
        }, period);
        // Every clock that runs out raises one review; a rejection raises one too, but is no breach.
        jdbc.query("SELECT logged_day, COUNT(*) AS escalations, SUM(CASE WHEN reason <> 'REJECTED' THEN 1 ELSE 0 END) AS breaches"
                + " FROM rcrp_report_escalation" + PERIOD + " GROUP BY logged_day", rs -> {
            long[] day = days.get(rs.getDate("logged_day").toLocalDate());
            day[3] = rs.getLong("escalations");
            day[4] = rs.getLong("breaches");
        }, period);
        List<FiguresSummary.Day> trend = new ArrayList<>();
        days.forEach((day, n) -> trend.add(new FiguresSummary.Day(day, n[0], n[1], n[2], n[3], n[4])));
        return trend;
    }

    private static Times times(ResultSet rs, String prefix) throws SQLException {
        return new Times(rs.getLong(prefix + "_n"), number(rs.getObject(prefix + "_p50")), number(rs.getObject(prefix + "_p90")));
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static <E extends Enum<E>> Map<String, Long> zeros(Class<E> type) {
        Map<String, Long> zeros = new LinkedHashMap<>();
        EnumSet.allOf(type).forEach(value -> zeros.put(value.name(), 0L));
        return zeros;
    }

    private static Map<String, Long> resolutions() {
        Map<String, Long> resolutions = zeros(SupervisorAction.class);
        resolutions.put("CANCELLED", 0L);
        resolutions.put("OPEN", 0L);
        return resolutions;
    }
}
