package org.rcrp.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.inbox.WorkItem;
import org.rcrp.handover.intake.CallIntake;
import org.rcrp.handover.intake.NewCall;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.QualityReviewProcess;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.S136HandoverProcess;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.support.ReferredCases;
import org.rcrp.handover.support.TestDatabase;
import org.rcrp.handover.triage.AssessThreshold;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real PostgreSQL server (database rcrp_it, created by .ci/run): models
 * deployed, a case driven through the facades by the demo roles, history rows in PostgreSQL, and a
 * partner-acknowledgement SLA (shortened to seconds by configuration) escalating through the real job executor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestDatabase.DB_URL,
        "rcrp.sla.partner-reminder=PT1S",
        "rcrp.sla.partner-acknowledgement=PT3S",
        // Every closed case is drawn for a quality review, which runs on under the case's key after it closes: the
        // 5 % default made "nothing of the case still runs" fail one run in twenty.
        "rcrp.assurance.sample-share=1"})
@ActiveProfiles("postgres")
// One engine on rcrp_it at a time: a cached context's job executor would run this test's jobs with its own clocks.
@DirtiesContext
class ApplicationPostgresIT {

    private static final Actor HANDLER = new Actor("handler1", Set.of("call-handlers"));
    private static final Actor SUPERVISOR = new Actor("supervisor1", Set.of("police-supervisors"));

    @Autowired
    ProcessEngine engine;
    @Autowired
    CallIntake intake;
    @Autowired
    TaskFacade tasks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

    @Test
    void runsOnPostgresqlWithEveryModelDeployedAndFullHistory() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
        assertThat(configuration.getHistory()).isEqualTo("full");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_START);
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.isDmnFeelEnableLegacyBehavior()).isTrue();
        assertThat(jdbc.queryForObject("show jit", String.class)).isEqualTo("off");
        assertThat(jdbc.queryForList("select indexdef from pg_indexes where indexname like 'rcrp_idx_%' order by indexname", String.class))
                .containsExactly(
                        "CREATE INDEX rcrp_idx_job_due ON public.act_ru_job USING btree (duedate_)",
                        "CREATE INDEX rcrp_idx_task_parent ON public.act_ru_task USING btree (parent_task_id_)");
        assertThat(jdbc.queryForList("select indexdef from pg_indexes where tablename = 'rcrp_work_item' order by indexname", String.class))
                .containsExactly(
                        "CREATE INDEX ix_work_item_assignee ON public.rcrp_work_item USING btree (assignee)",
                        "CREATE INDEX ix_work_item_queue ON public.rcrp_work_item USING btree (group_id, due, created, task_id)",
                        "CREATE UNIQUE INDEX pk_rcrp_work_item ON public.rcrp_work_item USING btree (task_id, group_id)");
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list())
                .extracting(definition -> definition.getKey())
                .contains(RcrpCallProcess.KEY, PartnerReferralProcess.KEY, S136HandoverProcess.KEY);
        assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(org.rcrp.handover.plan.ResponseNeedsDecision.KEY).count())
                .isPositive();
    }

    @Test
    void servesHealthAndTheCamundaWebapps() {
        assertThat(http.getForEntity("/actuator/health", String.class).getBody()).contains("\"UP\"");
        ResponseEntity<String> anonymous = http.getForEntity("/camunda/app/welcome/default/", String.class);
        assertThat(anonymous.getBody()).as("the webapps send a stranger to the sign-in page").contains("name=\"password\"")
                .doesNotContain("camunda-welcome");
    }

    @Test
    void aReferredCaseRunsToClosureAndItsHistoryLandsInPostgresql() {
        String caseId = ReferredCases.throughToTheOutcome(intake, tasks, "CAD-IT-");
        HistoricProcessInstance call = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey(RcrpCallProcess.KEY).singleResult();

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKeyIn(RcrpCallProcess.KEY, PartnerReferralProcess.KEY).count()).isZero();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey(QualityReviewProcess.KEY).count()).as("drawn for a quality review").isOne();
        assertThat(jdbc.queryForObject("select count(*) from act_hi_procinst where business_key_ = ? and end_time_ is not null",
                Integer.class, caseId)).isEqualTo(2);
        assertThat(jdbc.queryForList("select act_id_ from act_hi_actinst where proc_inst_id_ = ?", String.class, call.getId()))
                .contains(RcrpCallProcess.Elements.END_REFERRED, RcrpCallProcess.Elements.END_CASE_CLOSED);
        assertThat(jdbc.queryForObject("select text_ from act_hi_varinst where proc_inst_id_ = ? and name_ = 'state'",
                String.class, call.getId())).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("select count(*) from act_hi_decinst where proc_inst_id_ = ?", Integer.class, call.getId()))
                .isEqualTo(1);
    }

    @Test
    void aSilentPartnerEscalatesToTheSupervisorWithinSecondsOfTheConfiguredClock() {
        String caseId = intake.log(new NewCall("CAD-IT-" + UUID.randomUUID(), Source.PUBLIC_999, Category.WALKOUT, "Left A&E",
                null, null, null, null), HANDLER).call().id();
        WorkItem triage = ReferredCases.onlyItem(() -> tasks.available(HANDLER), caseId, RcrpCallProcess.Elements.USER_ASSESS_THRESHOLD);
        tasks.claim(triage.id(), HANDLER);
        tasks.complete(triage.id(), HANDLER, AssessThreshold.answers(false, false, false, false, false, false,
                "Walked out of A&E; the hospital has searched"));
        Instant referred = Instant.now();

        WorkItem review = ReferredCases.onlyItem(() -> tasks.available(SUPERVISOR), caseId, RcrpCallProcess.Elements.USER_SUPERVISOR_REVIEW);

        assertThat(Duration.between(referred, Instant.now())).isLessThan(Duration.ofSeconds(15));
        // The escalation notice runs beside the review as its own job; when it ends, the engine moves the review to
        // another execution, and a read in that moment finds the task but not its old execution. Read again then.
        assertThat(await("the review's reason").atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .until(() -> engine.getTaskService().getVariableLocal(review.id(), "reason"), reason -> reason != null))
                .isEqualTo("NO_RESPONSE");
        assertThat(jdbc.queryForObject("select count(*) from act_hi_actinst where act_id_ = ? and proc_inst_id_ in "
                        + "(select id_ from act_hi_procinst where business_key_ = ?)", Integer.class,
                PartnerReferralProcess.Elements.SERVICE_REMIND_PARTNER, caseId)).isEqualTo(1);
    }
}
