package org.rcrp.handover.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rcrp.handover.journal.DecisionLog;
import org.rcrp.handover.notification.Notice;
import org.rcrp.handover.notification.NoticeRecipe;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.RcrpCallProcess;

/**
 * Notice kinds that tell partners they are no longer needed (notice STOOD_DOWN; their part of the plan becomes STOOD_DOWN
 * and the journal says so). Each agency once: a retry skips those already stood down, and a receiver drops a repeat by its
 * delivery id. When the last attempt fails for an agency the journal says so and its part stays as it was, so the case view
 * shows it was not told. The kinds differ in whom they tell and why ({@link PlanNoticeRecipes}).
 */
public final class StandDownNotice implements NoticeRecipe {

    private final String kind;
    private final ResponseLedger ledger;
    private final DecisionLog journal;
    private final Function<DelegateExecution, Set<Agency>> who;
    private final Function<DelegateExecution, String> why;
    private final Consumer<DelegateExecution> afterwards;

    private StandDownNotice(String kind, ResponseLedger ledger, DecisionLog journal, Function<DelegateExecution, Set<Agency>> who,
                            Function<DelegateExecution, String> why, Consumer<DelegateExecution> afterwards) {
        this.kind = kind;
        this.ledger = ledger;
        this.journal = journal;
        this.who = who;
        this.why = why;
        this.afterwards = afterwards;
    }

    /**
     * STOOD_DOWN_CANCELLED, service_stand_down_cancelled: new information interrupted the case's work (triage re-opens, or
     * police go at once); a lead referral it cancelled has no referral left in the engine, and its agency is told.
     */
    static StandDownNotice cancelled(ResponseLedger ledger, DecisionLog journal, CaseReferrals referrals) {
        return new StandDownNotice("STOOD_DOWN_CANCELLED", ledger, journal, execution -> {
            Set<Agency> cancelled = new HashSet<>(openPartners(ledger, execution.getProcessBusinessKey()));
            cancelled.removeAll(referrals.openReferralAgencies(execution));
            return cancelled;
        }, execution -> "new information changed the plan and police took the case back.", execution -> { });
    }

    /**
     * STOOD_DOWN_ON_CLOSE, service_stand_down: the lead's work is over and the case closes; every partner whose part is open,
     * and every agency with a referral the closing case still holds open, is told; then those referrals end.
     */
    static StandDownNotice onClose(ResponseLedger ledger, DecisionLog journal, CaseReferrals referrals) {
        return new StandDownNotice("STOOD_DOWN_ON_CLOSE", ledger, journal, execution -> {
            Set<Agency> open = new HashSet<>(openPartners(ledger, execution.getProcessBusinessKey()));
            open.addAll(referrals.openReferralAgencies(execution));
            return open;
        }, execution -> "the case is closed.",
                execution -> referrals.endOpenReferrals(execution, "The case closed; its agency was stood down."));
    }

    /**
     * STOOD_DOWN_REFERRAL, service_stand_down_partner: a police supervisor ended this referral (rerouted it, sent police, or
     * closed it); its agency, if it still had the referral to answer or held it, is told. An agency that rejected it has
     * nothing to stand down.
     */
    static StandDownNotice referral(ResponseLedger ledger, DecisionLog journal) {
        return new StandDownNotice("STOOD_DOWN_REFERRAL", ledger, journal, execution -> {
            Agency agency = PartnerReferralProcess.Variables.AGENCY.require(execution);
            return openPartners(ledger, execution.getProcessBusinessKey()).contains(agency) ? Set.of(agency) : Set.of();
        }, execution -> "the police supervisor decided " + RcrpCallProcess.Variables.SUPERVISOR_ACTION.require(execution) + ".",
                execution -> { });
    }

    /** Partners whose part of the plan is still open (asked, accepted): the ones a change of plan must tell. */
    static Set<Agency> openPartners(ResponseLedger ledger, String caseId) {
        return ledger.entries(caseId).stream()
                .filter(entry -> entry.agency() != Agency.POLICE && entry.role() != Role.INFORMED && entry.state().open())
                .map(ResponseLedger.Entry::agency).collect(Collectors.toSet());
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Notice.Kind sends() {
        return Notice.Kind.STOOD_DOWN;
    }

    @Override
    public Undelivered undelivered() {
        return Undelivered.journal("STAND_DOWN_NOTICE_FAILED");
    }

    @Override
    public List<Draft> drafts(DelegateExecution execution) {
        String because = why.apply(execution);
        return who.apply(execution).stream().map(agency -> new Draft(agency, null,
                "Stood down: " + because + " Your agency is no longer needed on this case; nothing more to do for it here."))
                .toList();
    }

    @Override
    public void delivered(DelegateExecution execution, Draft draft) {
        String caseId = execution.getProcessBusinessKey();
        ledger.state(caseId, draft.agency(), Role.SUPPORT, ResponseState.STOOD_DOWN);
        journal.record(caseId, "STOOD_DOWN", "system", "rcrp-handover", draft.agency() + " stood down: " + why.apply(execution));
    }

    @Override
    public void finished(DelegateExecution execution) {
        afterwards.accept(execution);
    }
}
