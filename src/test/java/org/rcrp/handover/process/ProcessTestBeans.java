package org.rcrp.handover.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.rcrp.handover.assurance.AssuranceProperties;
import org.rcrp.handover.assurance.QualityReviewPolicy;
import org.rcrp.handover.assurance.QualityReviewRecords;
import org.rcrp.handover.assurance.RecordVerdictDelegate;
import org.rcrp.handover.dispute.DisputeDeciders;
import org.rcrp.handover.dispute.DisputeProperties;
import org.rcrp.handover.dispute.DisputeRecords;
import org.rcrp.handover.dispute.DisputeTiers;
import org.rcrp.handover.dispute.OpenDisputeDelegate;
import org.rcrp.handover.dispute.SettleDisputeDelegate;
import org.rcrp.handover.intake.DisputeOpening;
import org.rcrp.handover.intake.EngineCaseReferrals;
import org.rcrp.handover.intake.OpenCaseDelegate;
import org.rcrp.handover.notification.CaseNoticeRecipes;
import org.rcrp.handover.notification.Notice;
import org.rcrp.handover.notification.NoticeDelegate;
import org.rcrp.handover.notification.NoticeRecipe;
import org.rcrp.handover.notification.NotificationRetry;
import org.rcrp.handover.operations.EngineClock;
import org.rcrp.handover.ownership.CaseStatus;
import org.rcrp.handover.plan.InMemoryResponseLedger;
import org.rcrp.handover.plan.InformedNotice;
import org.rcrp.handover.plan.PlanNoticeRecipes;
import org.rcrp.handover.plan.ResponsePlans;
import org.rcrp.handover.plan.RoutingScope;
import org.rcrp.handover.triage.AddPoliceDelegate;
import org.rcrp.handover.notification.Notifier;
import org.rcrp.handover.referral.AmbulanceTransfer;
import org.rcrp.handover.referral.ReferralMadeNotice;
import org.rcrp.handover.referral.RecordEtaBreachDelegate;
import org.rcrp.handover.triage.ApplyRaisedRiskDelegate;
import org.rcrp.handover.triage.ApplyTriageDecisionDelegate;
import org.rcrp.handover.triage.RaisedRisk;
import org.rcrp.handover.triage.RecordUpdateDelegate;

/**
 * The beans the models name in expressions, as the real classes, registered for a plain engine
 * (no Spring). Notices are collected so tests can assert who was told what.
 */
public final class ProcessTestBeans {

    /** The plain engine of the process tests (in-memory H2, coverage recorded, beans from Mocks). */
    public static final String ENGINE_CONFIGURATION = "process-test.camunda.cfg.xml";

    /** The cycle the process tests run with: three attempts in all. */
    public static final String RETRY_CYCLE = "R3/PT10S";

    public final List<Notice> notices = new ArrayList<>();
    public final List<String> decisions = new ArrayList<>();
    /** Quality reviews' verdicts as recorded (service_record_verdict): "caseId VERDICT reviewer". */
    public final List<String> verdicts = new ArrayList<>();
    /** Notices of these kinds fail; {@link #failuresLeft} of them, then they go out (negative: fail for ever). */
    public final java.util.Set<Notice.Kind> failing = java.util.EnumSet.noneOf(Notice.Kind.class);
    public int failuresLeft = -1;
    public int failedAttempts;
    public final Notifier notifier = notice -> {
        if (failing.contains(notice.kind()) && failuresLeft != 0) {
            failuresLeft--;
            failedAttempts++;
            throw new IllegalStateException("agency endpoint down");
        }
        notices.add(notice);
    };
    public final SlaProperties sla;
    /** What the dispute delegates recorded (rcrp_dispute in the application): one line per event. */
    public final List<String> disputes = new ArrayList<>();
    public final InMemoryResponseLedger ledger = new InMemoryResponseLedger();
    public final RoutingScope routing = RoutingScope.everything();
    private final EngineCaseReferrals referrals = new EngineCaseReferrals();
    /** The one notice delegate, with every kind the application has ({@code ${notice.send('KIND')}}). */
    public final NoticeDelegate noticeDelegate;

    private ProcessTestBeans(SlaProperties sla) {
        this.sla = sla;
        CaseStatus caseStatus = new CaseStatus(EngineClock.INSTANCE);
        Mocks.register("slaPolicy", new SlaPolicy(sla, EngineClock.INSTANCE));
        Mocks.register("agencies", new Agencies());
        Mocks.register("caseStatus", caseStatus);
        Mocks.register("openCaseDelegate", new OpenCaseDelegate());
        Mocks.register("applyTriageDecisionDelegate", new ApplyTriageDecisionDelegate(
                (caseId, type, actor, role, detail) -> decisions.add(type + ": " + detail), ledger, referrals));
        ResponsePlans responsePlans = new ResponsePlans(routing, ledger, referrals);
        Mocks.register("responsePlans", responsePlans);
        org.rcrp.handover.journal.DecisionLog journal = (caseId, type, actor, role, detail) -> decisions.add(type + ": " + detail);
        Mocks.register("addPoliceDelegate", new AddPoliceDelegate(ledger, journal, referrals));
        Mocks.register("recordEtaBreachDelegate", new RecordEtaBreachDelegate(journal, referrals));
        Mocks.register("withdrawReviewDelegate", new org.rcrp.handover.referral.WithdrawReviewDelegate(journal));
        Mocks.register("recordUpdateDelegate", new RecordUpdateDelegate());
        Mocks.register("raisedRisk", new RaisedRisk());
        Mocks.register("applyRaisedRiskDelegate", new ApplyRaisedRiskDelegate());
        SlaPolicy slaPolicy = new SlaPolicy(sla, EngineClock.INSTANCE);
        NotificationRetry retry = new NotificationRetry(RETRY_CYCLE);
        Mocks.register("notificationRetry", retry);
        AmbulanceTransfer ambulanceTransfer = new AmbulanceTransfer(AmbulanceTransfer.Properties.defaults(), slaPolicy, EngineClock.INSTANCE);
        Mocks.register("ambulanceTransfer", ambulanceTransfer);
        List<NoticeRecipe> recipes = new ArrayList<>(CaseNoticeRecipes.all(slaPolicy));
        recipes.add(new ReferralMadeNotice(caseStatus, slaPolicy, ambulanceTransfer, EngineClock.INSTANCE));
        recipes.add(new InformedNotice(responsePlans));
        recipes.addAll(PlanNoticeRecipes.standDowns(ledger, journal, referrals));
        noticeDelegate = new NoticeDelegate(notifier, retry, journal, recipes);
        Mocks.register("notice", noticeDelegate);
        Mocks.register("returnNotLocatedDelegate", new org.rcrp.handover.missing.ReturnNotLocatedDelegate(journal));
        Mocks.register("applyMissingPersonAssessmentDelegate",
                new org.rcrp.handover.missing.ApplyMissingPersonAssessmentDelegate(journal));
        Mocks.register("closeNotLocatedDelegate", new org.rcrp.handover.missing.CloseNotLocatedDelegate(journal));
        Mocks.register("qualityReviewPolicy", new QualityReviewPolicy(AssuranceProperties.defaults(), () -> 0.5));
        Mocks.register("recordVerdictDelegate", new RecordVerdictDelegate(new QualityReviewRecords() {
            @Override
            public void sampled(String caseId, SampleReason reason, Route route, String decidedBy, java.time.Instant at) {
            }

            @Override
            public void reviewed(String caseId, QualityVerdict verdict, String reviewer, java.time.Instant at) {
                verdicts.add(caseId + " " + verdict + " " + reviewer);
            }
        }, EngineClock.INSTANCE));
        Mocks.register("disputeOpening", new DisputeOpening());
        DisputeTiers disputeTiers = new DisputeTiers(DisputeProperties.defaults(), EngineClock.INSTANCE);
        Mocks.register("disputeTiers", disputeTiers);
        Mocks.register("disputeDeciders", new DisputeDeciders());
        DisputeRecords disputeRecords = new DisputeRecords() {
            @Override
            public void opened(String disputeId, String caseId, Agency agency, String referralId, java.time.Instant at) {
                disputes.add("OPENED " + agency);
            }

            @Override
            public void escalated(String disputeId, Tier ended, java.time.Instant at) {
                disputes.add("ESCALATED " + ended);
            }

            @Override
            public void settled(String disputeId, Tier last, DisputeResult result, java.time.Instant at) {
                disputes.add(result + " " + last);
            }
        };
        Mocks.register("openDisputeDelegate", new OpenDisputeDelegate(disputeRecords, journal, EngineClock.INSTANCE));
        Mocks.register("settleDisputeDelegate", new SettleDisputeDelegate(disputeRecords, disputeTiers, journal, EngineClock.INSTANCE));
        Mocks.register("extendDetentionDelegate", new org.rcrp.handover.s136.ExtendDetentionDelegate(slaPolicy));
    }

    public static ProcessTestBeans register() {
        return new ProcessTestBeans(SlaProperties.defaults());
    }

    public static void reset() {
        Mocks.reset();
    }
}
