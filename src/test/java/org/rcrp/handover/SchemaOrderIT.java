package org.rcrp.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A schema that is not empty when Flyway first sees it — as when the engine's tables come first, since
 * nothing orders Camunda's schema creation after Flyway: our own migrations must all still run, not be
 * skipped under a baseline at V1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("postgres")
@DirtiesContext
class SchemaOrderIT {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "rcrp_it_schema_order";

    @DynamicPropertySource
    static void databaseWithTheEngineTablesFirst(DynamicPropertyRegistry registry) throws SQLException {
        try (Connection server = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            server.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            server.createStatement().execute("CREATE DATABASE " + DATABASE);
        }
        try (Connection database = DriverManager.getConnection(SERVER + DATABASE, "postgres", "")) {
            // Any table makes the schema non-empty for Flyway, as the engine's tables do when they come first.
            database.createStatement().execute("CREATE TABLE made_before_flyway (id INTEGER PRIMARY KEY)");
        }
        registry.add("DB_URL", () -> SERVER + DATABASE);
        registry.add("camunda.bpm.job-execution.enabled", () -> "false");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void ourMigrationsRunOnADatabaseTheEngineReachedFirst() {
        List<String> applied = jdbc.queryForList(
                "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank", String.class);
        assertThat(applied).startsWith("0", "1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rcrp_call", Long.class)).isZero();
    }
}
