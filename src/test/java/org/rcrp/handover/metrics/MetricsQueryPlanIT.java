package org.rcrp.handover.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rcrp.handover.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The year benchmark's seed (bench/metrics-seed.sql) scaled down to 10,000 cases in 2032, on PostgreSQL:
 * a short period's summary reads the period's rows through the logged_day indexes (no scan of the year),
 * and the summary's grouped aggregates agree with plain counts of the same rows.
 */
@SpringBootTest(properties = {TestDatabase.DB_URL})
@ActiveProfiles("postgres")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsQueryPlanIT {

    private static final int CASES = 10_000;
    private static final List<String> TABLES = List.of("rcrp_report_escalation", "rcrp_report_handover", "rcrp_report_referral",
            "rcrp_report_case");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FiguresQueries queries;

    @BeforeAll
    void seedTenThousandCases() throws Exception {
        for (String table : TABLES) {
            jdbc.update("DELETE FROM " + table + " WHERE case_id LIKE 'bench-%'");
        }
        jdbc.execute("DROP TABLE IF EXISTS rcrp_bench_params");
        jdbc.execute("CREATE TABLE rcrp_bench_params (cases INTEGER NOT NULL, first_day DATE NOT NULL)");
        jdbc.update("INSERT INTO rcrp_bench_params VALUES (?, DATE '2032-01-01')", CASES);
        try (var connection = jdbc.getDataSource().getConnection()) {
            ScriptUtils.executeSqlScript(connection, new FileSystemResource("bench/metrics-seed.sql"));
        }
        jdbc.execute("DROP TABLE rcrp_bench_params");
    }

    @Test
    void aShortPeriodReadsThroughTheDayIndexes() {
        String cases = plan("SELECT category, source, first_route, COUNT(*) FROM rcrp_report_case"
                + " WHERE logged_day BETWEEN DATE '2032-06-15' AND DATE '2032-06-16' GROUP BY category, source, first_route");
        assertThat(cases).containsPattern("Index (Only )?Scan using ix_report_case_day|Bitmap Index Scan on ix_report_case_day");
        String referrals = plan("SELECT agency, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY ack_seconds) FROM rcrp_report_referral"
                + " WHERE logged_day BETWEEN DATE '2032-06-15' AND DATE '2032-06-16' GROUP BY agency");
        assertThat(referrals).containsPattern("Index (Only )?Scan using ix_report_referral_day|Bitmap Index Scan on ix_report_referral_day");
        String escalations = plan("SELECT agency, reason, resolution, COUNT(*) FROM rcrp_report_escalation"
                + " WHERE logged_day BETWEEN DATE '2032-06-15' AND DATE '2032-06-16' GROUP BY agency, reason, resolution");
        assertThat(escalations).containsPattern("ix_report_escalation_day");
    }

    @Test
    void theYearsSummaryAgreesWithPlainCounts() {
        LocalDate from = LocalDate.parse("2032-01-01");
        LocalDate to = LocalDate.parse("2032-12-31");
        FiguresSummary year = queries.summary(from, to);
        String period = " WHERE case_id LIKE 'bench-%' AND logged_day BETWEEN DATE '2032-01-01' AND DATE '2032-12-31'";
        assertThat(year.calls().total()).isEqualTo(count("SELECT COUNT(*) FROM rcrp_report_case" + period)).isGreaterThan(9_900);
        assertThat(year.policeAttendance().attended()).isEqualTo(count("SELECT COUNT(*) FROM rcrp_report_case" + period + " AND police_attended"));
        assertThat(year.agencies().stream().mapToLong(FiguresSummary.AgencyFigures::referrals).sum())
                .isEqualTo(count("SELECT COUNT(*) FROM rcrp_report_referral" + period));
        assertThat(year.escalations().total()).isEqualTo(count("SELECT COUNT(*) FROM rcrp_report_escalation" + period));
        assertThat(year.s136().overTheHour()).isEqualTo(count("SELECT COUNT(*) FROM rcrp_report_handover" + period + " AND over_the_hour"));
        assertThat(year.recontacts().within()).isEqualTo(count("SELECT COUNT(*) FROM rcrp_report_case" + period + " AND recontact_of IS NOT NULL"));
        FiguresSummary.AgencyFigures mentalHealth = year.agencies().get(0);
        Double median = jdbc.queryForObject("SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY ack_seconds) FROM rcrp_report_referral"
                + period + " AND agency = 'MENTAL_HEALTH'", Double.class);
        assertThat(mentalHealth.acknowledgement().medianSeconds()).isEqualTo(median);
        assertThat(year.trend()).hasSize(366); // 2032 is a leap year
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private String plan(String sql) {
        return String.join("\n", jdbc.queryForList("EXPLAIN " + sql, String.class));
    }
}
