package org.rcrp.handover.casefile;

import java.time.Instant;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.PartnerOutcome;
import org.rcrp.handover.process.ReferralDecision;
import org.rcrp.handover.process.ReferralResult;
import org.rcrp.handover.process.RejectionReason;

/**
 * One referral to one agency as a partner may see it (the referral's shared fields: docs/partner-integration.md, data
 * sharing): never the caller. The case's own fields ({@code category} to {@code subjectAge}) only while the referral is
 * open to the agency ({@code caseShared}); once it has ended (rejected, rerouted, cancelled, closed or completed) they
 * are null and the agency keeps only its own decision and outcome. {@code openTaskKey} is the referral's open partner
 * task, if any (user_accept_referral or user_record_partner_outcome).
 */
public record ReferralView(String id, String caseId, Agency agency, String reference, boolean caseShared, Category category, String summary,
                           String locationDescription, String subjectName, Integer subjectAge, Instant requestedAt,
                           Instant endedAt, Instant acknowledgeBy, ReferralDecision decision, RejectionReason reasonCode,
                           String decisionNote, PartnerOutcome partnerOutcome, ReferralResult result,
                           String openTaskId, String openTaskKey, String openTaskAssignee) {
}
