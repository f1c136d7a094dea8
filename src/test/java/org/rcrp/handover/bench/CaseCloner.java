package org.rcrp.handover.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seeds the benchmark database in bulk by copying the rows of one real case, made by the real processes, many times
 * over with new ids. Every id that belongs to the case (the id of any of its rows, and the case id itself) is
 * replaced by the copy's own id for it ({@link #idPrefix}) in every column that holds it, so executions, tasks,
 * variables, jobs and our own records stay linked to each other exactly as in the original; ids that do not belong to the case (process
 * definitions, job definitions, users, groups) are kept. The engine works on the copies as on any case: the
 * benchmark's timer burst escalates copied referrals.
 */
final class CaseCloner {

    private static final Logger LOG = LoggerFactory.getLogger(CaseCloner.class);

    /**
     * Where the rows of a case live, and how to find them: {@code :root} is its root process instance,
     * {@code :instances} all its process instances (the engine sets the root only on some runtime rows).
     */
    private static final Map<String, String> RUNTIME = tables(
            "act_ru_execution", "proc_inst_id_ IN (:instances)",
            "act_ru_task", "proc_inst_id_ IN (:instances)",
            "act_ru_identitylink", "task_id_ IN (SELECT id_ FROM act_ru_task WHERE proc_inst_id_ IN (:instances))",
            "act_ru_variable", "proc_inst_id_ IN (:instances)",
            "act_ru_job", "process_instance_id_ IN (:instances)",
            "act_ru_event_subscr", "proc_inst_id_ IN (:instances)",
            "rcrp_work_item", "task_id IN (SELECT id_ FROM act_ru_task WHERE proc_inst_id_ IN (:instances))");
    private static final Map<String, String> HISTORY = tables(
            "act_hi_procinst", "root_proc_inst_id_ = :root",
            "act_hi_taskinst", "root_proc_inst_id_ = :root",
            "act_hi_actinst", "root_proc_inst_id_ = :root",
            "act_hi_varinst", "root_proc_inst_id_ = :root",
            "act_hi_detail", "root_proc_inst_id_ = :root",
            "act_hi_identitylink", "root_proc_inst_id_ = :root",
            "act_hi_job_log", "root_proc_inst_id_ = :root",
            "act_hi_op_log", "root_proc_inst_id_ = :root",
            "act_hi_decinst", "root_proc_inst_id_ = :root",
            "act_hi_dec_in", "root_proc_inst_id_ = :root",
            "act_hi_dec_out", "root_proc_inst_id_ = :root",
            "act_ge_bytearray", "root_proc_inst_id_ = :root");
    /** What a closed case leaves that the control room's own screens and figures read. */
    private static final Map<String, String> CLOSED_HISTORY = tables(
            "act_hi_procinst", "root_proc_inst_id_ = :root",
            "act_hi_taskinst", "root_proc_inst_id_ = :root");
    private static final Map<String, String> OURS = tables(
            "rcrp_call", "id = :case",
            "rcrp_contact_key", "case_id = :case",
            "rcrp_case_event", "case_id = :case",
            "rcrp_report_case", "case_id = :case",
            "rcrp_report_referral", "case_id = :case",
            "rcrp_report_escalation", "case_id = :case",
            "rcrp_report_handover", "case_id = :case");
    /** How much later the copies' clocks (timers) are due than the original's: none fires during a run. */
    static final Duration CLOCKS_LATER = Duration.ofDays(7);
    /** Columns that are not ids but must still differ between copies, or must not fire during the benchmark. */
    private static final Map<String, String> OVERRIDES = Map.of(
            "rcrp_call.reference", "left(reference, 40) || '-' || copy",
            "act_ru_job.duedate_", "duedate_ + interval '" + CLOCKS_LATER.toDays() + " days'",
            "act_ru_job.lock_owner_", "NULL",
            "act_ru_job.lock_exp_time_", "NULL");
    private static final int COPIES_PER_STATEMENT = 2_000;

    private final JdbcTemplate jdbc;
    private int copiesMade;

    CaseCloner(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Copies an open case with its runtime state and full history; answers the new case ids. */
    List<String> copyOpen(String caseId, int copies) {
        Map<String, String> tables = new LinkedHashMap<>(RUNTIME);
        tables.putAll(HISTORY);
        tables.putAll(OURS);
        return copy(caseId, copies, tables);
    }

    /**
     * Copies a closed case: our records, its process instances and its tasks, not the engine's per-step history
     * (actions, variable values, decisions), which would take about 180 KB a case, 180 GB for a million.
     */
    List<String> copyClosed(String caseId, int copies) {
        Map<String, String> tables = new LinkedHashMap<>(CLOSED_HISTORY);
        tables.putAll(OURS);
        return copy(caseId, copies, tables);
    }

    private List<String> copy(String caseId, int copies, Map<String, String> tables) {
        int first = copiesMade + 1;
        copiesMade += copies;
        Map<String, Long> took = new ConcurrentHashMap<>();
        Map<String, List<Column>> columns = jdbc.execute((ConnectionCallback<Map<String, List<Column>>>) connection -> templates(connection, caseId, tables));
        // Loading into a table and then indexing it is faster than keeping a dozen indexes up to date row by row
        // (69 s against 102 s for 20 k open and 200 k closed copies); the unique ones stay, so a clash still fails.
        List<String> indexes = jdbc.execute((ConnectionCallback<List<String>>) connection -> secondaryIndexes(connection, tables.keySet()));
        indexes.forEach(index -> jdbc.execute("DROP INDEX " + index.replaceFirst("^CREATE INDEX (\\S+) ON .*$", "$1")));
        List<Runnable> batches = new ArrayList<>();
        for (int from = first; from < first + copies; from += COPIES_PER_STATEMENT) {
            int start = from;
            int end = Math.min(first + copies, from + COPIES_PER_STATEMENT) - 1;
            batches.add(() -> jdbc.execute((ConnectionCallback<Void>) connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET synchronous_commit TO off");
                    // The copies are consistent by construction (escalatesLikeTheOriginal proves one): checking every
                    // foreign key of every copied row again doubles the load for nothing.
                    statement.execute("SET session_replication_role TO replica");
                    for (Map.Entry<String, List<Column>> table : columns.entrySet()) {
                        long started = System.nanoTime();
                        statement.execute(insertCopies(table.getKey(), table.getValue(), start, end));
                        took.merge(table.getKey(), System.nanoTime() - started, Long::sum);
                    }
                    statement.execute("RESET session_replication_role");
                    statement.execute("RESET synchronous_commit");
                }
                return null;
            }));
        }
        inParallel(batches);
        long indexing = System.nanoTime();
        inParallel(indexes.stream().<Runnable>map(index -> () -> jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET maintenance_work_mem TO '256MB'");
                statement.execute(index);
                statement.execute("RESET maintenance_work_mem");
            }
            return null;
        })).toList());
        took.put("(indexes, wall)", System.nanoTime() - indexing);
        columns.keySet().forEach(table -> jdbc.execute("DROP TABLE " + template(table)));
        LOG.info("Copied {} {} times (statement time per table): {}", caseId, copies, took.entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue() / 1_000_000 + " ms").toList());
        return jdbc.queryForList("SELECT " + idPrefix("copy") + " || " + idSuffix("?") + " FROM generate_series(?, ?) AS copies(copy)",
                String.class, caseId, first, first + copies - 1);
    }

    /**
     * The case's rows of each table into a template table beside it, each text column with the hashed part of its
     * copies' id where it holds an id of the case (so the copies need not look that up row by row); answers each
     * table's columns.
     */
    private static Map<String, List<Column>> templates(Connection connection, String caseId, Map<String, String> tables) throws SQLException {
        String root = single(connection, "SELECT id_ FROM act_hi_procinst WHERE business_key_ = ? AND super_process_instance_id_ IS NULL", caseId);
        List<String> instances = list(connection, "SELECT id_ FROM act_hi_procinst WHERE root_proc_inst_id_ = ?", root);
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE bench_case_ids (id varchar(255) PRIMARY KEY)");
            statement.execute("INSERT INTO bench_case_ids VALUES (" + quote(caseId) + ")");
            Map<String, String> predicates = new LinkedHashMap<>();
            for (Map.Entry<String, String> table : tables.entrySet()) {
                String predicate = table.getValue().replace(":root", quote(root)).replace(":case", quote(caseId))
                        .replace(":instances", String.join(",", instances.stream().map(CaseCloner::quote).toList()));
                predicates.put(table.getKey(), predicate);
                String idColumn = idColumn(connection, table.getKey());
                if (idColumn != null) {
                    statement.execute("INSERT INTO bench_case_ids SELECT " + idColumn + " FROM " + table.getKey()
                            + " WHERE " + predicate + " ON CONFLICT DO NOTHING");
                }
            }
            for (Map.Entry<String, String> table : predicates.entrySet()) {
                List<Column> names = new ArrayList<>();
                List<String> flags = new ArrayList<>();
                try (ResultSet rs = connection.getMetaData().getColumns(null, "public", table.getKey(), null)) {
                    while (rs.next()) {
                        if ("YES".equals(rs.getString("IS_AUTOINCREMENT"))) {
                            continue;
                        }
                        String column = rs.getString("COLUMN_NAME");
                        boolean text = rs.getInt("DATA_TYPE") == Types.VARCHAR;
                        names.add(new Column(column, text));
                        if (text) {
                            flags.add("CASE WHEN " + column + " IN (SELECT id FROM bench_case_ids) THEN " + idSuffix(column)
                                    + " END AS " + column + "__id_suffix");
                        }
                    }
                }
                statement.execute("CREATE UNLOGGED TABLE " + template(table.getKey()) + " AS SELECT " + String.join(", ", names.stream().map(Column::name).toList())
                        + (flags.isEmpty() ? "" : ", " + String.join(", ", flags)) + " FROM " + table.getKey() + " WHERE " + table.getValue());
                columns.put(table.getKey(), names);
            }
            statement.execute("DROP TABLE bench_case_ids");
        }
        return columns;
    }

    private record Column(String name, boolean text) {
    }

    private static String insertCopies(String table, List<Column> columns, int from, int to) {
        List<String> values = new ArrayList<>();
        for (Column column : columns) {
            String name = column.name();
            String override = OVERRIDES.get(table + "." + name);
            values.add(override != null ? override : !column.text() ? name
                    : "CASE WHEN " + name + "__id_suffix IS NULL THEN " + name + " ELSE " + idPrefix("copy") + " || " + name + "__id_suffix END");
        }
        return "INSERT INTO " + table + " (" + String.join(", ", columns.stream().map(Column::name).toList()) + ") SELECT " + String.join(", ", values)
                + " FROM " + template(table) + " CROSS JOIN generate_series(" + from + ", " + to + ") AS copies(copy)";
    }

    /**
     * A copy's id is a UUID whose first eight digits are the copy's number and the rest a hash of the original id:
     * unique, and in the order the copies are made, so each unique index grows at its end instead of at random places
     * (random ids made the copying slow down as the indexes outgrew memory).
     */
    private static String idPrefix(String copy) {
        return "lpad(to_hex(" + copy + "), 8, '0')";
    }

    private static String idSuffix(String original) {
        return "substr(md5(" + original + ")::uuid::varchar, 9)";
    }

    private static String template(String table) {
        return "bench_template_" + table;
    }

    private static void inParallel(List<Runnable> work) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> futures = work.stream().<Future<?>>map(pool::submit).toList();
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } catch (ExecutionException failed) {
            throw new IllegalStateException(failed.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** The definitions of the tables' indexes that are neither unique nor back a constraint. */
    private static List<String> secondaryIndexes(Connection connection, Iterable<String> tables) throws SQLException {
        List<String> indexes = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i "
                + "WHERE i.indrelid = ?::regclass AND NOT i.indisunique "
                + "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)")) {
            for (String table : tables) {
                query.setString(1, "public." + table);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        indexes.add(rs.getString(1));
                    }
                }
            }
        }
        return indexes;
    }

    /** The text column holding a row's own id, or null where ids are numbers the database generates (the journal). */
    private static String idColumn(Connection connection, String table) throws SQLException {
        try (ResultSet rs = connection.getMetaData().getColumns(null, "public", table, null)) {
            String primaryKey = primaryKey(connection, table);
            while (rs.next()) {
                if (rs.getString("COLUMN_NAME").equals(primaryKey)) {
                    return rs.getInt("DATA_TYPE") == Types.VARCHAR ? primaryKey : null;
                }
            }
            return null;
        }
    }

    /** The single column of the table's primary key; null for a key of several columns (a row of a task and a group). */
    private static String primaryKey(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getPrimaryKeys(null, "public", table)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME"));
            }
        }
        return columns.size() == 1 ? columns.get(0) : null;
    }

    private static String single(Connection connection, String sql, String argument) throws SQLException {
        List<String> rows = list(connection, sql, argument);
        if (rows.size() != 1) {
            throw new IllegalStateException("Expected one row for " + argument + ", found " + rows.size());
        }
        return rows.get(0);
    }

    private static List<String> list(Connection connection, String sql, String argument) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, argument);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static Map<String, String> tables(String... tableThenPredicate) {
        Map<String, String> tables = new LinkedHashMap<>();
        for (int i = 0; i < tableThenPredicate.length; i += 2) {
            tables.put(tableThenPredicate[i], tableThenPredicate[i + 1]);
        }
        return tables;
    }
}
