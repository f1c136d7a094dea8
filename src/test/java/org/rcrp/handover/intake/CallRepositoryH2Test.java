package org.rcrp.handover.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.AwolKind;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.process.WalkoutSetting;
import org.rcrp.handover.support.MigratedH2;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Calls on H2 (the zero-setup run's database) through the real Flyway migrations: what is logged comes back whole. */
class CallRepositoryH2Test {

    private static final Instant LOGGED = Instant.parse("2026-12-06T10:00:00Z");

    private JdbcTemplate jdbc;
    private CallRepository calls;

    @BeforeEach
    void freshDatabase() {
        jdbc = new JdbcTemplate(MigratedH2.fresh("calls"));
        calls = new CallRepository(jdbc);
    }

    @Test
    void aWalkOutsDetailsAndAnAwolsKindAreKept() {
        CallRecord walkout = new CallRecord("c-1", "CAD-1", Source.PARTNER, Category.WALKOUT, "Left A&E", "St Mary's", true,
                "P Walker", 30, List.of(Agency.MENTAL_HEALTH), null, null, null, null, null, null, null, null, null, LOGGED,
                "hospital1", null, new CallRecord.Walkout(WalkoutSetting.EMERGENCY_DEPARTMENT, false, true,
                "Grey hoodie", LOGGED.minusSeconds(2400), true));
        CallRecord awol = new CallRecord("c-2", "CAD-2", Source.PARTNER, Category.AWOL, "Absent", null, null, null, null,
                List.of(), null, null, null, "s3", LocalDate.parse("2027-01-01"), false, false, false, true, LOGGED, "handler1",
                AwolKind.CTO_RECALL, null);
        calls.insert(walkout);
        calls.insert(awol);

        assertThat(calls.findById("c-1")).contains(walkout);
        assertThat(calls.findById("c-2")).contains(awol);
    }

    @Test
    void aCaseIsLockedForChangeOnH2Too() {
        calls.insert(new CallRecord("c-3", "CAD-3", Source.PUBLIC_999, Category.OTHER, "Other", null, null, null, null,
                List.of(), null, null, null, null, null, null, null, null, null, LOGGED, "handler1"));
        new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()))
                .executeWithoutResult(status -> calls.lockForChange("c-3"));
    }
}
