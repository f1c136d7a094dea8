package org.rcrp.handover.process;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

class ProcessVariableTest {

    private final ProcessVariable<CaseState> state = ProcessVariable.enumeration("state", CaseState.class);
    private final VariableScope scope = mock(VariableScope.class);

    @Test
    void anUnchangedValueIsNotWrittenAgain() {
        when(scope.hasVariable("state")).thenReturn(true);
        when(scope.getVariable("state")).thenReturn("TRIAGE");

        state.set(scope, CaseState.TRIAGE);

        verify(scope, never()).setVariable("state", "TRIAGE");
    }

    @Test
    void aChangedValueIsWrittenInItsStoredForm() {
        when(scope.hasVariable("state")).thenReturn(true);
        when(scope.getVariable("state")).thenReturn("TRIAGE");

        state.set(scope, CaseState.REFERRED);

        verify(scope).setVariable("state", "REFERRED");
    }

    @Test
    void aMissingVariableIsCreatedEvenWithNull() {
        when(scope.hasVariable("state")).thenReturn(false);

        state.set(scope, null);

        verify(scope).setVariable("state", null);
    }
}
