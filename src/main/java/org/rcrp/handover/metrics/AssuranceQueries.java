package org.rcrp.handover.metrics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.rcrp.handover.assurance.AssuranceProperties;
import org.rcrp.handover.assurance.LinkedRecordType;
import org.rcrp.handover.process.Route;
import org.rcrp.handover.process.SampleReason;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assurance figures from the read model (rcrp_report_case, its referrals and escalations), the quality reviews,
 * linked records and demographics (V11), for the calls logged in a period. Counting is GROUP BY in the database; only the
 * two time windows (harm within N days, redeployment within 24 h) are compared here, over the period's referred and
 * non-police cases' few matching rows, so the SQL stays the same on PostgreSQL and H2.
 */
@Service
public class AssuranceQueries {

    static final String NOT_RECORDED = "NOT_RECORDED";
    /** Age bands as equality reports use them (derived from the age given with the call). */
    static final List<String> AGE_BANDS = List.of("UNDER_18", "18_24", "25_34", "35_44", "45_54", "55_64", "65_PLUS", NOT_RECORDED);

    private static final String PERIOD = " c.logged_day BETWEEN ? AND ?";

    private final JdbcTemplate jdbc;
    private final MetricsProperties metrics;
    private final AssuranceProperties assurance;

    public AssuranceQueries(JdbcTemplate jdbc, MetricsProperties metrics, AssuranceProperties assurance) {
        this.jdbc = jdbc;
        this.metrics = metrics;
        this.assurance = assurance;
    }

    static String ageBand(Integer age) {
        if (age == null) {
            return NOT_RECORDED;
        }
        if (age < 18) {
            return "UNDER_18";
        }
        if (age >= 65) {
            return "65_PLUS";
        }
        if (age < 25) {
            return "18_24";
        }
        int decade = (age - 25) / 10 * 10 + 25;
        return decade + "_" + (decade + 9);
    }

    @Transactional(readOnly = true)
    public AssuranceSummary summary(LocalDate from, LocalDate to) {
        Object[] period = {Date.valueOf(from), Date.valueOf(to)};
        return new AssuranceSummary(new FiguresSummary.Period(from, to, metrics.zone().getId()), qualityReviews(period),
                linkedRecords(period), demographics(period), harm(period), redeployment(period));
    }

    private AssuranceSummary.QualityReviews qualityReviews(Object[] period) {
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (SampleReason reason : SampleReason.values()) {
            byReason.put(reason.name(), 0L);
        }
        long[] verdicts = new long[3];
        jdbc.query("SELECT q.reason, q.verdict, COUNT(*) AS n FROM rcrp_quality_review q JOIN rcrp_report_case c"
                + " ON c.case_id = q.case_id WHERE" + PERIOD + " GROUP BY q.reason, q.verdict", rs -> {
            long n = rs.getLong("n");
            byReason.merge(rs.getString("reason"), n, Long::sum);
            String verdict = rs.getString("verdict");
            verdicts["AGREE".equals(verdict) ? 0 : "DISAGREE".equals(verdict) ? 1 : 2] += n;
        }, period);
        long sampled = verdicts[0] + verdicts[1] + verdicts[2];
        return new AssuranceSummary.QualityReviews(sampled, byReason, verdicts[0], verdicts[1], verdicts[2],
                share(verdicts[1], verdicts[0] + verdicts[1]), assurance.sampleShare(), assurance.riskWeight());
    }

    private Map<String, Long> linkedRecords(Object[] period) {
        Map<String, Long> byType = new LinkedHashMap<>();
        for (LinkedRecordType type : LinkedRecordType.values()) {
            byType.put(type.name(), 0L);
        }
        jdbc.query("SELECT l.type, COUNT(*) AS n FROM rcrp_linked_record l JOIN rcrp_report_case c ON c.case_id = l.case_id"
                + " WHERE" + PERIOD + " GROUP BY l.type", rs -> {
            byType.merge(rs.getString("type"), rs.getLong("n"), Long::sum);
        }, period);
        return byType;
    }

    private Map<String, AssuranceSummary.Demographics> demographics(Object[] period) {
        Map<String, Map<String, Long>[]> byRoute = new LinkedHashMap<>();
        for (Route route : Route.values()) {
            byRoute.put(route.name(), emptyBreakdown());
        }
        byRoute.put("UNTRIAGED", emptyBreakdown());
        Map<String, Long> cases = new HashMap<>();
        jdbc.query("SELECT c.first_route, c.subject_age, d.sex, d.ethnicity, COUNT(*) AS n FROM rcrp_report_case c"
                + " LEFT JOIN rcrp_call_demographics d ON d.call_id = c.case_id WHERE" + PERIOD
                + " GROUP BY c.first_route, c.subject_age, d.sex, d.ethnicity", rs -> {
            String route = rs.getString("first_route") == null ? "UNTRIAGED" : rs.getString("first_route");
            long n = rs.getLong("n");
            Map<String, Long>[] breakdown = byRoute.computeIfAbsent(route, key -> emptyBreakdown());
            breakdown[0].merge(ageBand(rs.getObject("subject_age") == null ? null : rs.getInt("subject_age")), n, Long::sum);
            breakdown[1].merge(orNotRecorded(rs.getString("sex")), n, Long::sum);
            breakdown[2].merge(orNotRecorded(rs.getString("ethnicity")), n, Long::sum);
            cases.merge(route, n, Long::sum);
        }, period);
        Map<String, AssuranceSummary.Demographics> demographics = new LinkedHashMap<>();
        byRoute.forEach((route, breakdown) -> demographics.put(route,
                new AssuranceSummary.Demographics(cases.getOrDefault(route, 0L), breakdown[0], breakdown[1], breakdown[2])));
        return demographics;
    }

    private AssuranceSummary.HarmAfterDecision harm(Object[] period) {
        Long decisions = jdbc.queryForObject("SELECT COUNT(*) FROM rcrp_report_case c WHERE" + PERIOD
                + " AND c.triaged AND c.first_route <> 'POLICE_ATTEND'", Long.class, period);
        Set<String> harmed = new HashSet<>();
        int window = assurance.harmWindowDays();
        jdbc.query("SELECT c.case_id, c.logged_day, l.occurred_on FROM rcrp_report_case c JOIN rcrp_linked_record l"
                + " ON l.case_id = c.case_id WHERE" + PERIOD + " AND c.triaged AND c.first_route <> 'POLICE_ATTEND'"
                + " AND l.type IN ('SERIOUS_HARM', 'INCIDENT')", rs -> {
            LocalDate decided = rs.getDate("logged_day").toLocalDate();
            LocalDate occurred = rs.getDate("occurred_on").toLocalDate();
            if (!occurred.isBefore(decided) && !occurred.isAfter(decided.plusDays(window))) {
                harmed.add(rs.getString("case_id"));
            }
        }, period);
        long n = decisions == null ? 0 : decisions;
        return new AssuranceSummary.HarmAfterDecision(n, harmed.size(), window, share(harmed.size(), n));
    }

    private AssuranceSummary.Redeployment redeployment(Object[] period) {
        Duration window = assurance.redeploymentWindow();
        // Each referred case of the period, from its first referral.
        Map<String, Instant> referredAt = new HashMap<>();
        Map<String, String> personOf = new HashMap<>();
        jdbc.query("SELECT c.case_id, c.subject_key, MIN(r.sent_at) AS sent_at FROM rcrp_report_case c JOIN rcrp_report_referral r"
                + " ON r.case_id = c.case_id WHERE" + PERIOD + " AND c.first_route = 'REFER' GROUP BY c.case_id, c.subject_key", rs -> {
            referredAt.put(rs.getString("case_id"), rs.getTimestamp("sent_at").toInstant());
            if (rs.getString("subject_key") != null) {
                personOf.put(rs.getString("case_id"), rs.getString("subject_key"));
            }
        }, period);
        Set<String> sameCase = new HashSet<>();
        // Police sent on the same case: a supervisor's POLICE_ATTEND, or police added to the plan beside the partner.
        jdbc.query("SELECT e.case_id, e.resolved_at AS at FROM rcrp_report_escalation e JOIN rcrp_report_case c ON c.case_id = e.case_id"
                + " WHERE" + PERIOD + " AND c.first_route = 'REFER' AND e.resolution = 'POLICE_ATTEND'"
                + " UNION ALL SELECT p.case_id, p.planned_at AS at FROM rcrp_response p JOIN rcrp_report_case c ON c.case_id = p.case_id"
                + " WHERE" + PERIOD + " AND c.first_route = 'REFER' AND p.agency = 'POLICE' AND p.role <> 'INFORMED'", rs -> {
            if (within(referredAt.get(rs.getString("case_id")), rs.getTimestamp("at"), window)) {
                sameCase.add(rs.getString("case_id"));
            }
        }, period[0], period[1], period[0], period[1]);
        // Police attending a later call about the same person (which may be logged after the period ends).
        Set<String> repeatCall = new HashSet<>();
        Map<String, List<String>> casesOfPerson = new TreeMap<>();
        personOf.forEach((caseId, person) -> casesOfPerson.computeIfAbsent(person, key -> new java.util.ArrayList<>()).add(caseId));
        if (!casesOfPerson.isEmpty()) {
            jdbc.query("SELECT later.subject_key, later.case_id, later.logged_at FROM rcrp_report_case later"
                    + " JOIN rcrp_report_case c ON c.subject_key = later.subject_key AND c.case_id <> later.case_id"
                    + " WHERE" + PERIOD + " AND c.first_route = 'REFER' AND later.police_attended", rs -> {
                for (String caseId : casesOfPerson.getOrDefault(rs.getString("subject_key"), List.of())) {
                    if (!caseId.equals(rs.getString("case_id"))
                            && within(referredAt.get(caseId), rs.getTimestamp("logged_at"), window)) {
                        repeatCall.add(caseId);
                    }
                }
            }, period);
        }
        Set<String> redeployed = new HashSet<>(sameCase);
        redeployed.addAll(repeatCall);
        return new AssuranceSummary.Redeployment(referredAt.size(), redeployed.size(), sameCase.size(), repeatCall.size(),
                window.toString(), share(redeployed.size(), referredAt.size()));
    }

    private static boolean within(Instant from, Timestamp at, Duration window) {
        if (from == null || at == null) {
            return false;
        }
        Instant when = at.toInstant();
        return !when.isBefore(from) && !when.isAfter(from.plus(window));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long>[] emptyBreakdown() {
        Map<String, Long> ages = new LinkedHashMap<>();
        AGE_BANDS.forEach(band -> ages.put(band, 0L));
        return new Map[] {ages, new TreeMap<String, Long>(), new TreeMap<String, Long>()};
    }

    private static String orNotRecorded(String code) {
        return code == null ? NOT_RECORDED : code;
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
