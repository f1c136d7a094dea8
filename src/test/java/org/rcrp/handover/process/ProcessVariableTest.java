package org.rcrp.handover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.Map;
import java.util.TreeMap;
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

    /**
     * The engine keeps every variable in its history for years and shows it in Cockpit, so text variables are the
     * exception: each is named here with why it holds no one's own words. A new one fails this test until it is
     * reviewed; a note, a rationale or a reason belongs in the case's journal instead.
     */
    @Test
    void everyTextVariableOfTheModelsIsAnIdACodeOrTheSystemsOwnWords() throws IllegalAccessException {
        Map<String, String> reviewed = Map.ofEntries(
                Map.entry("callReference", "the call's id"),
                Map.entry("awolMhaSection", "a Mental Health Act section, e.g. s3 (at most 20 characters)"),
                Map.entry("awolRetakeExpiry", "a date"),
                Map.entry("recommendationRationale", "the threshold table's own words"),
                Map.entry("responseNeeds", "the needs table's matched rows: codes and the table's own words"),
                Map.entry("planRequests", "agency codes"),
                Map.entry("overrideAddAgencies", "agency codes"),
                Map.entry("rationale", "the table's words, or the fixed words of an override or of raised risk"),
                Map.entry("failedNotice", "a notice kind"),
                Map.entry("taskFailedNotice", "a notice kind"),
                Map.entry("noticeFailure", "why a notice failed, in the system's words"),
                Map.entry("decisionNote", "read, never written: referrals decided before notes left the engine"),
                Map.entry("decidedBy", "user ids of the people whose decisions a quality review checks"));
        Map<String, String> found = new TreeMap<>();
        for (Class<?> variables : new Class<?>[] {RcrpCallProcess.Variables.class, PartnerReferralProcess.Variables.class,
                S136HandoverProcess.Variables.class, QualityReviewProcess.Variables.class}) {
            for (Field field : variables.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getGenericType() instanceof ParameterizedType type
                        && type.getRawType() == ProcessVariable.class && type.getActualTypeArguments()[0] == String.class) {
                    String name = ((ProcessVariable<?>) field.get(null)).name();
                    found.put(name, reviewed.getOrDefault(name, "NOT REVIEWED"));
                }
            }
        }
        assertThat(found).isEqualTo(new TreeMap<>(reviewed));
    }
}
