package org.rcrp.handover.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.rcrp.handover.handover.EscalateHandoverDelegate;
import org.rcrp.handover.intake.OpenCaseDelegate;
import org.rcrp.handover.notification.Notice;
import org.rcrp.handover.notification.Notifier;
import org.rcrp.handover.referral.EscalateOutcomeDelegate;
import org.rcrp.handover.referral.NotifyPartnerDelegate;
import org.rcrp.handover.referral.RemindPartnerDelegate;
import org.rcrp.handover.triage.ApplyRaisedRiskDelegate;
import org.rcrp.handover.triage.ApplyTriageDecisionDelegate;
import org.rcrp.handover.triage.RecordUpdateDelegate;

/**
 * The beans the models name in expressions, as the real classes, registered for a plain engine
 * (no Spring). Notices are collected so tests can assert who was told what.
 */
public final class ProcessTestBeans {

    /** The plain engine of the process tests (in-memory H2, coverage recorded, beans from Mocks). */
    public static final String ENGINE_CONFIGURATION = "process-test.camunda.cfg.xml";

    public final List<Notice> notices = new ArrayList<>();
    public final List<String> decisions = new ArrayList<>();
    public final Notifier notifier = notices::add;
    public final SlaProperties sla;

    private ProcessTestBeans(SlaProperties sla) {
        this.sla = sla;
        CaseStatus caseStatus = new CaseStatus();
        Mocks.register("slaPolicy", new SlaPolicy(sla));
        Mocks.register("agencies", new Agencies());
        Mocks.register("caseStatus", caseStatus);
        Mocks.register("openCaseDelegate", new OpenCaseDelegate());
        Mocks.register("applyTriageDecisionDelegate", new ApplyTriageDecisionDelegate(
                (caseId, type, actor, role, detail) -> decisions.add(type + ": " + detail)));
        Mocks.register("recordUpdateDelegate", new RecordUpdateDelegate());
        Mocks.register("applyRaisedRiskDelegate", new ApplyRaisedRiskDelegate());
        Mocks.register("notifyPartnerDelegate", new NotifyPartnerDelegate(notifier, caseStatus));
        Mocks.register("remindPartnerDelegate", new RemindPartnerDelegate(notifier));
        Mocks.register("escalateOutcomeDelegate", new EscalateOutcomeDelegate(notifier));
        Mocks.register("escalateHandoverDelegate", new EscalateHandoverDelegate(notifier));
    }

    public static ProcessTestBeans register() {
        return new ProcessTestBeans(SlaProperties.defaults());
    }

    public static void reset() {
        Mocks.reset();
    }
}
