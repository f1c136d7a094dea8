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
                    .isEqualTo(!user.groups().equals(Set.of("managers")));
        }
        assertThat(new Actor("supervisor2", Set.of("managers", "police-supervisors")).mayChangeCases())
                .as("a manager who is also a supervisor works as a supervisor").isTrue();
    }
}
