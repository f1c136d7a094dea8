package org.rcrp.handover.support;

/**
 * The PostgreSQL database the integration tests run on: {@code rcrp_it} on 127.0.0.1:5432, created
 * afresh by {@code .ci/run}. {@code RCRP_IT_DATABASE} names another one, so two work trees can run
 * their integration tests side by side without one engine's job executor taking the other's jobs.
 */
public final class TestDatabase {

    /** For {@code @SpringBootTest(properties = ...)}; the placeholder is resolved from the environment. */
    public static final String DB_URL = "DB_URL=jdbc:postgresql://127.0.0.1:5432/${RCRP_IT_DATABASE:rcrp_it}";

    private TestDatabase() {
    }
}
