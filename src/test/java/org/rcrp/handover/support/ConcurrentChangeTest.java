package org.rcrp.handover.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;

class ConcurrentChangeTest {

    @Test
    void theEnginesOptimisticLockingIsAConcurrentChangeWhereverItIsInTheChain() {
        assertThat(ConcurrentChange.is(new IllegalStateException(new OptimisticLockingException("changed")))).isTrue();
    }

    /** As seen in CI: an update's flush deleted an execution a job had just made a call activity's parent. */
    @Test
    void aForeignKeyRefusalInsideABatchIsAConcurrentChange() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 2 delete from ACT_RU_EXECUTION was aborted", "23503",
                new int[0]);
        batch.setNextException(new SQLException("violates foreign key constraint act_fk_exe_super", "23503"));
        assertThat(ConcurrentChange.is(new ProcessEnginePersistenceException("flush failed",
                new RuntimeException("persistence", batch)))).isTrue();
        BatchUpdateException batchWithoutState = new BatchUpdateException("aborted", null, new int[0]);
        batchWithoutState.setNextException(new SQLException("violates foreign key constraint", "23503"));
        assertThat(ConcurrentChange.is(new ProcessEnginePersistenceException("flush failed", batchWithoutState))).isTrue();
    }

    @Test
    void serializationFailuresAndDeadlocksAreConcurrentChanges() {
        assertThat(ConcurrentChange.is(new RuntimeException(new SQLException("could not serialize", "40001")))).isTrue();
        assertThat(ConcurrentChange.is(new RuntimeException(new SQLException("deadlock detected", "40P01")))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(ConcurrentChange.is(new RuntimeException(new SQLException("value too long", "22001")))).isFalse();
        assertThat(ConcurrentChange.is(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(ConcurrentChange.is(new IllegalStateException("a bug"))).isFalse();
    }
}
