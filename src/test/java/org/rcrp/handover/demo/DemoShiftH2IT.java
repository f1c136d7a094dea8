package org.rcrp.handover.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.casefile.CaseQueries;
import org.rcrp.handover.casefile.CaseView;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.inbox.WorkItem;
import org.rcrp.handover.intake.CallRepository;
import org.rcrp.handover.metrics.Figures;
import org.rcrp.handover.metrics.FiguresSummary;
import org.rcrp.handover.process.CaseState;
import org.rcrp.handover.process.Source;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The zero-setup run (H2, no profile) with the demo shift switched on, as {@code ./mvnw spring-boot:run} starts it: the
 * queues, escalations and figures have something in them, logged through the real processes by the demo users, and a
 * second seeding adds nothing. On H2 rather than PostgreSQL, because the zero-setup run is where the shift belongs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "DB_URL=jdbc:h2:mem:rcrp-demo-shift;DB_CLOSE_DELAY=-1", "rcrp.demo.seed=true"})
@DirtiesContext
class DemoShiftH2IT {

    private static final Actor MANAGER = new Actor("manager1", Set.of("managers"));

    @Autowired
    CaseQueries cases;
    @Autowired
    TaskFacade tasks;
    @Autowired
    CallRepository calls;
    @Autowired
    Figures figures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;
    @Autowired
    DemoShiftRunner runner;

    @Test
    void aNewcomerFindsCasesInEveryStateAnEscalationAnS136AndAMonthOfFigures() {
        Map<CaseState, List<CaseView.Summary>> byState = new EnumMap<>(CaseState.class);
        for (CaseState state : CaseState.values()) {
            byState.put(state, cases.list(Optional.of(state), 500, MANAGER));
            assertThat(byState.get(state)).as("cases in state %s", state).isNotEmpty();
        }

        // Waiting for triage: a 999 call and a routine 101 call
        assertThat(byState.get(CaseState.TRIAGE)).extracting(summary -> calls.findById(summary.id()).orElseThrow().source())
                .contains(Source.PUBLIC_999, Source.PUBLIC_101);
        // Police attending, the crisis team working on an accepted referral, the hospital to take an s136 over
        assertThat(open("user_attend", new Actor("officer1", Set.of("response-officers")))).isNotEmpty();
        assertThat(open("user_record_partner_outcome", new Actor("mhcrisis1", Set.of("mental-health")))).isNotEmpty();
        assertThat(open("user_accept_handover", new Actor("hospital1", Set.of("hospital-liaison")))).isNotEmpty();
        // Escalations: a rejected referral and a person not located, each waiting for a supervisor
        Actor supervisor = new Actor("supervisor1", Set.of("police-supervisors"));
        List<WorkItem> reviews = open("user_supervisor_review", supervisor);
        assertThat(reviews.stream().map(WorkItem::callId).distinct().count()).isGreaterThanOrEqualTo(2);
        assertThat(reviews).extracting(review -> String.valueOf(tasks.variablesOf(review.id(), supervisor).get("reason")))
                .contains("REJECTED", "NOT_LOCATED");

        // Closed: an advice case among a month of closed cases, logged by the demo users through the processes
        List<CaseView.Summary> closed = byState.get(CaseState.CLOSED);
        assertThat(closed.size()).isGreaterThanOrEqualTo(30);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT CAST(logged_at AS DATE)) FROM rcrp_call", Long.class))
                .isGreaterThanOrEqualTo(20);
        assertThat(jdbc.queryForList("SELECT DISTINCT actor FROM rcrp_case_event WHERE type = 'TASK_COMPLETED'", String.class))
                .contains("handler1", "officer1", "mhcrisis1", "supervisor1", "hospital1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_INCIDENT", Long.class)).isZero();

        FiguresSummary month = figures.summary(MANAGER, null, null);
        assertThat(month.calls().total()).isGreaterThanOrEqualTo(40);
        assertThat(month.routes()).containsKeys("POLICE_ATTEND", "REFER", "ADVICE_AND_CLOSE");
        assertThat(month.policeHoursReleased().callsClosedWithoutPolice()).isGreaterThan(10);
        assertThat(month.trend().stream().filter(day -> day.calls() > 0).count()).isGreaterThanOrEqualTo(20);

        // The sign-in page says so
        assertThat(http.getForObject("/login", String.class)).contains("Demo data: a sample shift was loaded");
    }

    @Test
    void seedingAgainAddsNothing() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM rcrp_call", Long.class);
        assertThat(before).isPositive();

        assertThat(runner.seed()).isZero();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rcrp_call", Long.class)).isEqualTo(before);
    }

    private List<WorkItem> open(String key, Actor actor) {
        return tasks.open(key, actor);
    }
}
