package org.rcrp.handover.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.casefile.ReferralView;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.PartnerOutcome;
import org.rcrp.handover.process.ReferralDecision;
import org.rcrp.handover.process.ReferralResult;

class ReferralTasksTest {

    private static ReferralView ended(PartnerOutcome outcome, ReferralResult result) {
        Instant at = Instant.parse("2026-12-07T10:00:00Z");
        return new ReferralView("r1", "c1", Agency.MENTAL_HEALTH, "CAD-1", true, Category.CONCERN_FOR_WELFARE, "summary",
                "12 High St", "J Smith", 41, at, at.plusSeconds(3600), at.plusSeconds(1800), ReferralDecision.ACCEPT, null, null,
                outcome, result, null, null, null);
    }

    @Test
    void aPartnerThatCouldNotFindThePersonSeesItsTaskFailedNotCompleted() {
        assertThat(ReferralTasks.statusOf(ended(PartnerOutcome.NO_CONTACT, ReferralResult.NOT_LOCATED))).isEqualTo(Task.TaskStatus.FAILED);
        assertThat(ReferralTasks.statusOf(ended(PartnerOutcome.ASSESSED, ReferralResult.COMPLETED))).isEqualTo(Task.TaskStatus.COMPLETED);
    }
}
