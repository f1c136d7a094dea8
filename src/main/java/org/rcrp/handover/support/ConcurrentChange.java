package org.rcrp.handover.support;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * Whether a failure means that another transaction changed the same case at the same moment — typically the job
 * executor moving the process on (a notice going out, a call activity starting) while a person's request was being
 * saved. The engine reports some of these as optimistic locking, others as the database's refusal that follows:
 * a foreign key to an execution the other transaction just used (SQLSTATE 23503), a serialization failure (40001)
 * or a deadlock (40P01). Nothing of the failed transaction was kept, so the request can be tried again.
 */
public final class ConcurrentChange {

    private static final Set<String> CONCURRENT_STATES = Set.of("23503", "40001", "40P01");

    private ConcurrentChange() {
    }

    public static boolean is(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof OptimisticLockingException) {
                return true;
            }
            Set<SQLException> chained = new HashSet<>();
            for (SQLException sql = cause instanceof SQLException s ? s : null; sql != null && chained.add(sql); sql = sql.getNextException()) {
                if (sql.getSQLState() != null && CONCURRENT_STATES.contains(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }
}
