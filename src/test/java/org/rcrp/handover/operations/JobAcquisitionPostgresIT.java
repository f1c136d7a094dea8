package org.rcrp.handover.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.inbox.WorkItem;
import org.rcrp.handover.intake.CallIntake;
import org.rcrp.handover.intake.NewCall;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.support.TestDatabase;
import org.rcrp.handover.triage.AssessThreshold;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * How the job executor picks its next jobs, on PostgreSQL: the soonest due first whatever their kind, every job made
 * with a due date so that choice is a range of the due-date index, and a job an earlier version left without a due
 * date made due at start-up (the executor would never take it otherwise). The job executor is off: the test looks at
 * the jobs, it does not run them.
 */
@SpringBootTest(properties = {TestDatabase.DB_URL, "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
@DirtiesContext
class JobAcquisitionPostgresIT {

    private static final Actor HANDLER = new Actor("handler1", Set.of("call-handlers"));

    @Autowired
    ProcessEngine engine;
    @Autowired
    CallIntake intake;
    @Autowired
    TaskFacade tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JobDueDateBackfill backfill;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSoonestDueJobsComeFirstWhateverTheirKind() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
        assertThat(configuration.isJobExecutorPreferTimerJobs()).as("timers first is a sort no index serves").isFalse();
        assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
    }

    @Test
    void aReferralNoticeWaitingToBeSentIsDueWhenItIsMade() {
        Instant before = Instant.now().minusSeconds(1);
        Job notice = referralNotice(referredCase());

        assertThat(notice.getDuedate()).isNotNull();
        assertThat(notice.getDuedate().toInstant()).isBetween(before, Instant.now().plusSeconds(1));
    }

    @Test
    void aJobAnEarlierVersionLeftWithoutADueDateIsDueAfterTheNextStart() {
        Job notice = referralNotice(referredCase());
        String jobTable = management.getTableName(JobEntity.class);
        jdbc.update("UPDATE " + jobTable + " SET DUEDATE_ = NULL WHERE ID_ = ?", notice.getId());
        Integer revision = jdbc.queryForObject("SELECT REV_ FROM " + jobTable + " WHERE ID_ = ?", Integer.class, notice.getId());
        Instant before = Instant.now().minusSeconds(1);

        assertThat(backfill.backfill(jobTable, dataSource)).isPositive();

        Timestamp due = jdbc.queryForObject("SELECT DUEDATE_ FROM " + jobTable + " WHERE ID_ = ?", Timestamp.class, notice.getId());
        assertThat(due).isNotNull();
        assertThat(due.toInstant()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(jdbc.queryForObject("SELECT REV_ FROM " + jobTable + " WHERE ID_ = ?", Integer.class, notice.getId()))
                .as("a node holding the job still finishes it").isEqualTo(revision);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM " + jobTable + " WHERE DUEDATE_ IS NULL", Long.class)).isZero();
    }

    /** Logged and triaged to the crisis team: the referral waits on its notice to be sent. */
    private String referredCase() {
        String caseId = intake.log(new NewCall("CAD-JOBS-" + UUID.randomUUID(), Source.PUBLIC_101, Category.CONCERN_FOR_WELFARE,
                "Neighbour worried", null, new NewCall.Subject("J Smith", 34, List.of(Agency.MENTAL_HEALTH)), null, null),
                HANDLER).call().id();
        WorkItem triage = tasks.available(HANDLER).stream()
                .filter(item -> caseId.equals(item.callId()) && RcrpCallProcess.Elements.USER_ASSESS_THRESHOLD.equals(item.key()))
                .findFirst().orElseThrow();
        tasks.claim(triage.id(), HANDLER);
        tasks.complete(triage.id(), HANDLER, AssessThreshold.answers(false, false, false, false, false, false,
                "Known to the crisis team; no threat to life"));
        return caseId;
    }

    private Job referralNotice(String caseId) {
        String referral = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey(PartnerReferralProcess.KEY).singleResult().getId();
        return management.createJobQuery().processInstanceId(referral)
                .activityId(PartnerReferralProcess.Elements.SERVICE_NOTIFY_PARTNER).singleResult();
    }
}
