package org.rcrp.handover.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.support.MigratedH2;
import org.rcrp.handover.operations.EngineClock;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Grade;
import org.springframework.jdbc.core.JdbcTemplate;

/** The plan ledger on the real schema: an agency only informed that later gets a referral takes the referral's part. */
class JdbcResponseLedgerH2Test {

    private final JdbcTemplate jdbc = new JdbcTemplate(MigratedH2.fresh("ledger"));
    private final JdbcResponseLedger ledger = new JdbcResponseLedger(jdbc, EngineClock.INSTANCE);

    @BeforeEach
    void twoCases() {
        for (String id : List.of("case-1", "case-2")) {
            jdbc.update("INSERT INTO rcrp_call (id, reference, source, category, summary, logged_at, logged_by)"
                    + " VALUES (?, ?, 'PUBLIC_999', 'CONCERN_FOR_WELFARE', 'Not seen for two days', CURRENT_TIMESTAMP, 'handler1')",
                    id, "CAD-" + id);
        }
    }

    @Test
    void anAgencyOnlyInformedThatIsThenReferredHoldsTheReferralsPartSoAChangeOfPlanStandsItDown() {
        ledger.plan("case-1", List.of(new Response(Agency.POLICE, Role.LEAD, Grade.IMMEDIATE, "risk to life"),
                new Response(Agency.SOCIAL_CARE, Role.INFORMED, null, "known to social care")), response -> ResponseState.REQUESTED);
        ledger.state("case-1", Agency.SOCIAL_CARE, Role.INFORMED, ResponseState.DONE);

        ledger.state("case-1", Agency.SOCIAL_CARE, Role.LEAD, ResponseState.REQUESTED);

        assertThat(ledger.entries("case-1")).filteredOn(entry -> entry.agency() == Agency.SOCIAL_CARE)
                .extracting(entry -> entry.role() + " " + entry.state()).containsExactly("LEAD REQUESTED");
    }

    @Test
    void anAgencyWithAPartKeepsItsRoleWhenTold() {
        ledger.state("case-2", Agency.MENTAL_HEALTH, Role.SUPPORT, ResponseState.ACCEPTED);

        ledger.state("case-2", Agency.MENTAL_HEALTH, Role.LEAD, ResponseState.DONE);

        assertThat(ledger.entries("case-2")).extracting(entry -> entry.role() + " " + entry.state()).containsExactly("SUPPORT DONE");
    }
}
