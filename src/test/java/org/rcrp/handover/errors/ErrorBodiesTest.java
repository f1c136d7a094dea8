package org.rcrp.handover.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which paths are a machine's, answered problem+json (or an OperationOutcome), and which are a person's pages. */
class ErrorBodiesTest {

    @Test
    void theApiPathsAreTheMachinesAndEverythingElseAPage() {
        assertThat(ErrorBodies.isApi("/api/calls/x")).isTrue();
        assertThat(ErrorBodies.isApi("/fhir/Task")).isTrue();
        assertThat(ErrorBodies.isApi("/engine-rest/task")).isTrue();
        assertThat(ErrorBodies.isApi("/camunda/api/engine")).isTrue();
        assertThat(ErrorBodies.isApi("/cases/x")).isFalse();
        assertThat(ErrorBodies.isApi("/apiary")).isFalse();
        assertThat(ErrorBodies.isApi(null)).isFalse();
    }
}
