package org.rcrp.handover.dispute;

import java.time.Instant;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.DisputePosition;
import org.rcrp.handover.process.DisputeResult;

/** Where disputes are kept for the joint review (table {@code rcrp_dispute}). */
public interface DisputeRecords {

    /** What one tier ended with: the positions stated (null: no answer by the shift's end) and who stated them. */
    record Tier(int tier, DisputePosition policePosition, DisputePosition partnerPosition, String policeDecidedBy,
                String partnerDecidedBy) {
    }

    void opened(String disputeId, String caseId, Agency agency, String referralId, Instant at);

    void escalated(String disputeId, Tier ended, Instant at);

    /** The dispute ended (agreed, or unresolved at the top tier) and now awaits the joint review. */
    void settled(String disputeId, Tier last, DisputeResult result, Instant at);
}
