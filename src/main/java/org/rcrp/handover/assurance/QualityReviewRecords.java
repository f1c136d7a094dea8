package org.rcrp.handover.assurance;

import java.time.Instant;
import org.rcrp.handover.process.QualityVerdict;
import org.rcrp.handover.process.Route;
import org.rcrp.handover.process.SampleReason;

/** The quality reviews' own record (rcrp_quality_review), for the figures: what was sampled, why, and the verdict. */
public interface QualityReviewRecords {

    void sampled(String caseId, SampleReason reason, Route route, String decidedBy, Instant at);

    void reviewed(String caseId, QualityVerdict verdict, String reviewer, Instant at);
}
