package org.rcrp.handover.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.intake.CallIntake;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.support.ReferredCases;
import org.rcrp.handover.support.TestDatabase;
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
        return ReferredCases.referred(intake, tasks, "CAD-JOBS-");
    }

    private Job referralNotice(String caseId) {
        String referral = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey(PartnerReferralProcess.KEY).singleResult().getId();
        return management.createJobQuery().processInstanceId(referral)
                .activityId(PartnerReferralProcess.Elements.SERVICE_NOTIFY_PARTNER).singleResult();
    }
}
