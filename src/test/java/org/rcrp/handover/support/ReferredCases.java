package org.rcrp.handover.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.inbox.WorkItem;
import org.rcrp.handover.intake.CallIntake;
import org.rcrp.handover.intake.NewCall;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.InformMethod;
import org.rcrp.handover.process.PartnerOutcome;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.ReferralDecision;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.referral.AcceptReferral;
import org.rcrp.handover.referral.RecordPartnerOutcome;
import org.rcrp.handover.triage.AssessThreshold;
import org.rcrp.handover.triage.InformCaller;

/**
 * For the integration tests: the commonest case, a 101 call about a neighbour known to the crisis team, taken through
 * the facades as the demo users would take it — triaged to the crisis team, accepted, the caller told, the outcome
 * recorded — after which it closes.
 */
public final class ReferredCases {

    public static final Actor HANDLER = new Actor("handler1", Set.of("call-handlers"));
    public static final Actor CRISIS_TEAM = new Actor("mhcrisis1", Set.of("mental-health"));
    private static final Duration AT_MOST = Duration.ofSeconds(20);

    private ReferredCases() {
    }

    /** Logs the call and completes its triage: the case id; its referral waits for the crisis team. */
    public static String referred(CallIntake intake, TaskFacade tasks, String referencePrefix) {
        String caseId = intake.log(new NewCall(referencePrefix + UUID.randomUUID(), Source.PUBLIC_101, Category.CONCERN_FOR_WELFARE,
                "Neighbour worried", null, new NewCall.Subject("J Smith", 34, List.of(Agency.MENTAL_HEALTH)), null, null),
                HANDLER).call().id();
        WorkItem triage = onlyItem(() -> tasks.available(HANDLER), caseId, RcrpCallProcess.Elements.USER_ASSESS_THRESHOLD);
        tasks.claim(triage.id(), HANDLER);
        tasks.complete(triage.id(), HANDLER, AssessThreshold.answers(false, false, false, false, false, false,
                "Known to the crisis team; no threat to life"));
        return caseId;
    }

    /** A referred case taken on to its last task: accepted, the caller told, the outcome recorded. The case id. */
    public static String throughToTheOutcome(CallIntake intake, TaskFacade tasks, String referencePrefix) {
        String caseId = referred(intake, tasks, referencePrefix);
        WorkItem acceptance = onlyItem(() -> tasks.available(CRISIS_TEAM), caseId, PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL);
        tasks.claim(acceptance.id(), CRISIS_TEAM);
        tasks.complete(acceptance.id(), CRISIS_TEAM, new AcceptReferral(ReferralDecision.ACCEPT, null, "We will visit"));
        WorkItem inform = onlyItem(() -> tasks.available(HANDLER), caseId, RcrpCallProcess.Elements.USER_INFORM_CALLER);
        tasks.claim(inform.id(), HANDLER);
        tasks.complete(inform.id(), HANDLER, new InformCaller(InformMethod.PHONE, "Told the crisis team will visit"));
        WorkItem outcome = onlyItem(() -> tasks.available(CRISIS_TEAM), caseId, PartnerReferralProcess.Elements.USER_RECORD_PARTNER_OUTCOME);
        tasks.claim(outcome.id(), CRISIS_TEAM);
        tasks.complete(outcome.id(), CRISIS_TEAM, new RecordPartnerOutcome(PartnerOutcome.ASSESSED, "Assessed at home"));
        return caseId;
    }

    /** Waits (the job executor runs notifications and timers) for the case's one task of that key in a work list. */
    public static WorkItem onlyItem(Supplier<List<WorkItem>> workList, String caseId, String key) {
        List<WorkItem> matching = await("%s for case %s".formatted(key, caseId)).atMost(AT_MOST)
                .until(() -> workList.get().stream().filter(item -> caseId.equals(item.callId()) && key.equals(item.key())).toList(),
                        items -> !items.isEmpty());
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }
}
