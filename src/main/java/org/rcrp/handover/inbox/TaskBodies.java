package org.rcrp.handover.inbox;

import java.util.Map;
import org.rcrp.handover.attendance.Attend;
import org.rcrp.handover.handover.AcceptHandover;
import org.rcrp.handover.handover.CompleteAssessment;
import org.rcrp.handover.handover.RecordArrival;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.S136HandoverProcess;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.referral.AcceptReferral;
import org.rcrp.handover.referral.RecordPartnerOutcome;
import org.rcrp.handover.referral.SupervisorReview;
import org.rcrp.handover.triage.AssessThreshold;
import org.rcrp.handover.triage.InformCaller;

/** The typed body for each task key (README, The API: tasks). */
public final class TaskBodies {

    public static final Map<String, Class<? extends TaskCompletion>> BY_KEY = Map.of(
            RcrpCallProcess.Elements.USER_ASSESS_THRESHOLD, AssessThreshold.class,
            RcrpCallProcess.Elements.USER_INFORM_CALLER, InformCaller.class,
            RcrpCallProcess.Elements.USER_ATTEND, Attend.class,
            RcrpCallProcess.Elements.USER_SUPERVISOR_REVIEW, SupervisorReview.class,
            PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL, AcceptReferral.class,
            PartnerReferralProcess.Elements.USER_RECORD_PARTNER_OUTCOME, RecordPartnerOutcome.class,
            S136HandoverProcess.Elements.USER_ACCEPT_HANDOVER, AcceptHandover.class,
            S136HandoverProcess.Elements.USER_RECORD_ARRIVAL, RecordArrival.class,
            S136HandoverProcess.Elements.USER_COMPLETE_ASSESSMENT, CompleteAssessment.class);

    private TaskBodies() {
    }
}
