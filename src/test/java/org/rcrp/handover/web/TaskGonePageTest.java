package org.rcrp.handover.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.process.CaseState;

/** What of a task form counts as typed by the person, and names in words. */
class TaskGonePageTest {

    @Test
    void thePagesOwnFieldsAndBlanksAreNotWhatThePersonTyped() {
        Map<String, String[]> sent = new LinkedHashMap<>();
        sent.put("_csrf", new String[] {"token"});
        sent.put("seenUpdates", new String[] {"2"});
        sent.put("decision", new String[] {"ACCEPT"});
        sent.put("reasonCode", new String[] {""});
        sent.put("note", new String[] {"  Will see him at 15:00  "});
        sent.put("action", new String[] {"confirm"});

        assertThat(TaskGonePage.typed(sent)).containsExactly(Map.entry("decision", "ACCEPT"),
                Map.entry("note", "Will see him at 15:00"));
        assertThat(TaskGonePage.typed(Map.of("action", new String[] {"CLOSE"})))
                .as("a supervisor's action is an answer").containsEntry("action", "CLOSE");
    }

    @Test
    void namesAreWords() {
        assertThat(TaskGonePage.words("riskToLife")).isEqualTo("Risk to life");
        assertThat(TaskGonePage.words(CaseState.POLICE_ATTENDING)).isEqualTo("police attending");
    }
}
