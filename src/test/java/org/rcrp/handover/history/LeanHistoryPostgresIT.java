package org.rcrp.handover.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.casefile.CaseQueries;
import org.rcrp.handover.casefile.CaseView;
import org.rcrp.handover.casefile.ReferralQueries;
import org.rcrp.handover.casefile.ReferralView;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.intake.CallIntake;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.CaseState;
import org.rcrp.handover.process.PartnerOutcome;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.QualityReviewProcess;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.ReferralDecision;
import org.rcrp.handover.process.Route;
import org.rcrp.handover.support.ReferredCases;
import org.rcrp.handover.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The lean history (issue 25) on PostgreSQL, as the application runs by default: a referred case closed through the
 * facades leaves where it has been, who did what, its decision with its inputs and its process instances in the
 * engine's history, no record of each change of a variable, only the variables the application reads back — and the
 * closed case's page, case list and the partners' referral read still show what they showed under full history.
 */
// Every closed case is drawn for a quality review, which runs on under the case's key after it closes: the 5 % default
// made "nothing of the case still runs" fail one run in twenty.
@SpringBootTest(properties = {TestDatabase.DB_URL, "rcrp.assurance.sample-share=1"})
@ActiveProfiles("postgres")
// One engine on the test database at a time: a cached context's job executor would run this test's jobs.
@DirtiesContext
class LeanHistoryPostgresIT {

    private static final Actor HANDLER = ReferredCases.HANDLER;
    private static final Actor CRISIS_TEAM = ReferredCases.CRISIS_TEAM;
    private static final String INSTANCES = "(select id_ from act_hi_procinst where business_key_ = ?)";

    @Autowired
    CallIntake intake;
    @Autowired
    TaskFacade tasks;
    @Autowired
    CaseQueries cases;
    @Autowired
    ReferralQueries referrals;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aClosedCaseKeepsItsActivitiesTasksAndDecisionButNotEveryVariableUpdate() {
        long taskMeters = jdbc.queryForObject("select count(*) from act_ru_task_meter_log", Long.class);
        String caseId = closedReferredCase();

        assertThat(jdbc.queryForObject("select count(*) from act_ru_task_meter_log", Long.class))
                .as("no licence count of task workers").isEqualTo(taskMeters);
        assertThat(count("select count(*) from act_hi_job_log where process_instance_id_ in " + INSTANCES, caseId))
                .as("each job that ran: the referral notice").isEqualTo(1);
        assertThat(count("select count(*) from act_hi_job_log where job_state_ <> 2 and process_instance_id_ in " + INSTANCES, caseId))
                .as("no record of a clock made and cancelled unfired").isZero();

        assertThat(count("select count(*) from act_hi_detail where proc_inst_id_ in " + INSTANCES, caseId))
                .as("no row for each change of a variable").isZero();
        List<String> variables = jdbc.queryForList("select name_ from act_hi_varinst where proc_inst_id_ in " + INSTANCES,
                String.class, caseId);
        assertThat(variables).as("only the variables the application reads back").allMatch(KeptVariables::kept)
                .contains(RcrpCallProcess.Variables.STATE.name(), RcrpCallProcess.Variables.ROUTE.name(),
                        RcrpCallProcess.Variables.AGENCY.name(), RcrpCallProcess.Variables.RECOMMENDED_ROUTE.name(),
                        PartnerReferralProcess.Variables.DECISION.name(), PartnerReferralProcess.Variables.PARTNER_OUTCOME.name());
        assertThat(variables).as("the triage answers are the journal's").doesNotContain(RcrpCallProcess.Variables.CRIME.name());

        assertThat(count("select count(*) from act_hi_procinst where end_time_ is not null and business_key_ = ?", caseId))
                .isEqualTo(2);
        assertThat(jdbc.queryForList("select act_type_ from act_hi_actinst where proc_inst_id_ in " + INSTANCES, String.class, caseId))
                .as("no gateway: a choice of path, which the activities either side of it show").isNotEmpty()
                .noneMatch(type -> type.endsWith("Gateway"));
        assertThat(jdbc.queryForList("select act_id_ from act_hi_actinst where proc_inst_id_ in " + INSTANCES, String.class, caseId))
                .as("where the case has been (Cockpit)")
                .contains(RcrpCallProcess.Elements.USER_ASSESS_THRESHOLD, RcrpCallProcess.Elements.USER_INFORM_CALLER,
                        PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL, RcrpCallProcess.Elements.END_CASE_CLOSED);
        assertThat(jdbc.queryForList("select task_def_key_ || ' ' || assignee_ from act_hi_taskinst where end_time_ is not null "
                        + "and proc_inst_id_ in " + INSTANCES, String.class, caseId))
                .as("who did what").contains(RcrpCallProcess.Elements.USER_ASSESS_THRESHOLD + " handler1",
                        PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL + " mhcrisis1",
                        PartnerReferralProcess.Elements.USER_RECORD_PARTNER_OUTCOME + " mhcrisis1");
        assertThat(count("select count(*) from act_hi_identitylink where group_id_ = 'call-handlers' and type_ = 'candidate' "
                + "and task_id_ in (select id_ from act_hi_taskinst where proc_inst_id_ in " + INSTANCES + ")", caseId))
                .as("whom each task was offered to").isPositive();
        assertThat(count("select count(*) from act_hi_decinst where proc_inst_id_ in " + INSTANCES, caseId)).isEqualTo(1);
        assertThat(count("select count(*) from act_hi_dec_in where dec_inst_id_ in "
                + "(select id_ from act_hi_decinst where proc_inst_id_ in " + INSTANCES + ")", caseId))
                .as("the decision's inputs").isPositive();
        assertThat(count("select count(*) from act_hi_dec_out where dec_inst_id_ in "
                + "(select id_ from act_hi_decinst where proc_inst_id_ in " + INSTANCES + ")", caseId))
                .as("the decision's outputs").isPositive();

        // What the application reads back from the engine's history of a closed case.
        CaseView view = cases.view(caseId, HANDLER);
        assertThat(view.state()).isEqualTo(CaseState.CLOSED);
        assertThat(view.route()).isEqualTo(Route.REFER);
        assertThat(view.agency()).isEqualTo(Agency.MENTAL_HEALTH);
        assertThat(view.rationale()).isNotBlank();
        assertThat(view.recommendation()).isNotNull();
        assertThat(view.callerInformed()).isTrue();
        assertThat(view.closedAt()).isNotNull();
        assertThat(view.timeline()).extracting(CaseView.TimelineEntry::type).contains("CASE_CLOSED");
        assertThat(cases.list(Optional.of(CaseState.CLOSED), 50, HANDLER)).extracting(CaseView.Summary::id).contains(caseId);
        String referralId = jdbc.queryForObject("select id_ from act_hi_procinst where proc_def_key_ = ? and business_key_ = ?",
                String.class, PartnerReferralProcess.KEY, caseId);
        ReferralView referral = referrals.referral(referralId, CRISIS_TEAM).orElseThrow();
        assertThat(referral.agency()).isEqualTo(Agency.MENTAL_HEALTH);
        assertThat(referral.decision()).isEqualTo(ReferralDecision.ACCEPT);
        assertThat(referral.partnerOutcome()).isEqualTo(PartnerOutcome.ASSESSED);
        assertThat(referral.result()).isNotNull();
        assertThat(referrals.referrals(CRISIS_TEAM, List.of(Agency.MENTAL_HEALTH), 500)).extracting(ReferralView::id)
                .contains(referralId);
    }

    /** Logged, triaged to the crisis team, accepted, the caller told, the outcome recorded: the case closes. */
    private String closedReferredCase() {
        String caseId = ReferredCases.throughToTheOutcome(intake, tasks, "CAD-LEAN-");
        assertThat(count("select count(*) from act_hi_procinst where end_time_ is null and business_key_ = ? and proc_def_key_ <> '"
                + QualityReviewProcess.KEY + "'", caseId)).as("the case and its referral end with the last task").isZero();
        return caseId;
    }

    private long count(String sql, String caseId) {
        return jdbc.queryForObject(sql, Long.class, caseId);
    }
}
