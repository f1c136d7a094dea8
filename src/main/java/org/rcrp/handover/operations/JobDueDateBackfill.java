package org.rcrp.handover.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives every job a due date before the job executor starts. The engine gives each job it makes one
 * ({@code ensure-job-due-date-not-null}), so acquiring the next jobs is a range of the due-date index stopping at the
 * batch's size, instead of a sort of every due job behind a "timers first" order that no index serves; but with that
 * setting the executor never acquires a job without a due date. Only versions from before the executor acquired by due
 * date made such jobs (a notice waiting to be sent); any left are due now. The revision is left alone, so a node that
 * holds one of them still finishes it.
 */
@Component
class JobDueDateBackfill extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(JobDueDateBackfill.class);

    private ProcessEngineConfigurationImpl configuration;

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (configuration.isEnsureJobDueDateNotNull()) {
            backfill(engine.getManagementService().getTableName(JobEntity.class), configuration.getDataSource());
        }
    }

    /** Jobs without a due date made due now: how many. */
    int backfill(String jobTable, DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE " + jobTable + " SET DUEDATE_ = ? WHERE DUEDATE_ IS NULL")) {
            update.setTimestamp(1, Timestamp.from(EngineClock.INSTANCE.instant()));
            int updated = update.executeUpdate();
            if (updated > 0) {
                LOG.info("{} jobs an earlier version left without a due date are due now", updated);
            }
            return updated;
        } catch (SQLException failed) {
            throw new IllegalStateException("Could not give the jobs without a due date one", failed);
        }
    }
}
