package org.rcrp.handover.dispute;

import java.time.Instant;
import org.rcrp.handover.dispute.JdbcDisputeRecords.State;
import org.rcrp.handover.process.Agency;

/** A dispute as managers see it in the joint review queue (GET /api/disputes). */
public record DisputeView(String id, String caseId, Agency agency, State state, int tier, Side police, Side partner,
                          String result, String outcome, Instant openedAt, Instant settledAt, String learningNote,
                          String reviewedBy, Instant reviewedAt) {

    /** One side's position in the last tier and who stated it; both null when it did not answer. */
    public record Side(String position, String decidedBy) {
    }
}
