package org.rcrp.handover.inbox;

import java.util.Map;
import org.rcrp.handover.attendance.Attend;
import org.rcrp.handover.dispute.DisputePartnerPosition;
import org.rcrp.handover.dispute.DisputePolicePosition;
import org.rcrp.handover.missing.MissingPersonAssessment;
import org.rcrp.handover.process.InteragencyDisputeProcess;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.S136HandoverProcess;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.referral.AcceptReferral;
import org.rcrp.handover.referral.RecordPartnerOutcome;
import org.rcrp.handover.referral.SupervisorReview;
import org.rcrp.handover.s136.AcceptHandover;
import org.rcrp.handover.s136.CompleteAssessment;
import org.rcrp.handover.s136.RecordArrival;
import org.rcrp.handover.triage.AssessThreshold;
import org.rcrp.handover.triage.InformCaller;

/** The typed body for each task key (docs/api.md). */
public final class TaskBodies {

    public static final Map<String, Class<? extends TaskCompletion>> BY_KEY = Map.ofEntries(
            Map.entry(org.rcrp.handover.process.QualityReviewProcess.Elements.USER_QUALITY_REVIEW, org.rcrp.handover.assurance.QualityReview.class),
            Map.entry(RcrpCallProcess.Elements.USER_ASSESS_THRESHOLD, AssessThreshold.class),
            Map.entry(RcrpCallProcess.Elements.USER_INFORM_CALLER, InformCaller.class),
            Map.entry(RcrpCallProcess.Elements.USER_ATTEND, Attend.class),
            Map.entry(RcrpCallProcess.Elements.USER_SUPERVISOR_REVIEW, SupervisorReview.class),
            Map.entry(PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL, AcceptReferral.class),
            Map.entry(PartnerReferralProcess.Elements.USER_RECORD_PARTNER_OUTCOME, RecordPartnerOutcome.class),
            Map.entry(S136HandoverProcess.Elements.USER_ACCEPT_HANDOVER, AcceptHandover.class),
            Map.entry(RcrpCallProcess.Elements.USER_MISSING_PERSON_ASSESSMENT, MissingPersonAssessment.class),
            Map.entry(InteragencyDisputeProcess.Elements.USER_DISPUTE_POLICE_POSITION, DisputePolicePosition.class),
            Map.entry(InteragencyDisputeProcess.Elements.USER_DISPUTE_PARTNER_POSITION, DisputePartnerPosition.class),
            Map.entry(S136HandoverProcess.Elements.USER_RECORD_ARRIVAL, RecordArrival.class),
            Map.entry(S136HandoverProcess.Elements.USER_COMPLETE_ASSESSMENT, CompleteAssessment.class));

    private TaskBodies() {
    }
}
