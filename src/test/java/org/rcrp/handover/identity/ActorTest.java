package org.rcrp.handover.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may change cases: everybody with work to do; managers only read the figures and cases. */
class ActorTest {

    @Test
    void managersAloneMayNotChangeCases() {
        assertThat(new Actor("manager1", Set.of("managers")).mayChangeCases()).isFalse();
        assertThat(new Actor("nobody", Set.of()).mayChangeCases()).as("no group, no work").isFalse();
        for (DemoUsers.DemoUser user : DemoUsers.ALL) {
            assertThat(new Actor(user.id(), user.groups()).mayChangeCases()).as(user.id())
                    .isEqualTo(user.groups().stream().anyMatch(group -> !group.endsWith("managers")));
        }
        assertThat(new Actor("mhmanager1", Set.of("mental-health-managers")).mayChangeCases())
                .as("a partner's on-call manager states positions on disputes; logging a call it cannot read is not its work")
                .isFalse();
        assertThat(new Actor("super1", Set.of("police-senior-managers")).mayChangeCases()).isFalse();
        assertThat(new Actor("inspector1", Set.of("duty-inspectors")).mayChangeCases()).as("a duty inspector is police").isTrue();
        assertThat(new Actor("supervisor2", Set.of("managers", "police-supervisors")).mayChangeCases())
                .as("a manager who is also a supervisor works as a supervisor").isTrue();
    }
}
