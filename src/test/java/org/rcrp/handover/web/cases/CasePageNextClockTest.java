package org.rcrp.handover.web.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.casefile.CaseView;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.CaseState;

/** The case page's next clock (moved from CasePageWordsTest with the page). */
class CasePageNextClockTest {

    @Test
    void theNextClockIsTheOpenTaskDueSoonest() {
        Date soon = new Date(1_000_000L);
        Date later = new Date(2_000_000L);
        CaseView.OpenTask inform = new CaseView.OpenTask("t1", "user_inform_caller", "Inform caller", List.of("call-handlers"),
                null, new Date(0), later);
        CaseView.OpenTask accept = new CaseView.OpenTask("t2", "user_accept_referral", "Accept referral", List.of("mental-health"),
                null, new Date(0), soon);
        CaseView.OpenTask noClock = new CaseView.OpenTask("t3", "user_other", "Other", List.of("call-handlers"), null, new Date(0), null);
        assertThat(CasePageController.nextClock(withTasks(List.of(noClock, inform, accept)))).isEqualTo(accept);
        assertThat(CasePageController.nextClock(withTasks(List.of(noClock)))).isNull();
    }

    private static CaseView withTasks(List<CaseView.OpenTask> tasks) {
        return new CaseView("id", "CAD-1", null, null, null, null, null, null, null, null, null, CaseState.REFERRED, null, null,
                null, Agency.POLICE, null, null, null, null, null, null, null, tasks, List.of(), null, null);
    }
}
