package org.rcrp.handover.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.process.Route;
import org.rcrp.handover.process.SupervisorAction;

/** The pages' words built on the catalogue: choices say what they do, durations read as words. */
class LabelsTest {

    private final Labels labels = new Labels();

    @Test
    void aChoiceShowsItsLabelAndWhatChoosingItDoes() {
        assertThat(labels.options(List.of(SupervisorAction.POLICE_ATTEND)))
                .containsExactly(new Labels.Option("POLICE_ATTEND", "Send police",
                        "Officers attend. Officers get a task to attend; the partner is stood down."));
        assertThat(labels.consequence(Route.REFER)).startsWith("The partner gets the referral");
        assertThat(labels.hint("not an enum")).isNull();
    }

    @Test
    void durationsReadAsWordsOnTheirOwnAndInTheSystemsSentences() {
        assertThat(labels.duration("PT24H")).isEqualTo("24 hours");
        assertThat(labels.duration(Duration.ofMinutes(90))).isEqualTo("1 hour 30 minutes");
        assertThat(labels.text("0 within PT24H")).isEqualTo("0 within 24 hours");
        assertThat(labels.text("Escalated after PT1H, chased at PT10M")).isEqualTo("Escalated after 1 hour, chased at 10 minutes");
        assertThat(labels.text("PTO and P2 stay")).as("not durations").isEqualTo("PTO and P2 stay");
    }

    @Test
    void groupsReadAsWords() {
        assertThat(labels.groups(List.of("call-handlers", "police-supervisors"))).isEqualTo("call handler, police supervisor");
    }
}
