package org.rcrp.handover.casefile;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.intake.CallRecord;
import org.rcrp.handover.intake.CallRepository;
import org.rcrp.handover.journal.CaseJournal;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals as partner systems see them (the FHIR interface): only referrals to agencies whose group
 * the actor is in, only the shared fields. The first time a referral is shared with a partner user
 * (search or read) it is journalled on its case, like a partner's read of the case page; polling does
 * not fill the journal.
 */
@Service
public class ReferralQueries {

    private final HistoryService historyService;
    private final TaskService taskService;
    private final CallRepository calls;
    private final CaseJournal journal;

    public ReferralQueries(HistoryService historyService, TaskService taskService, CallRepository calls, CaseJournal journal) {
        this.historyService = historyService;
        this.taskService = taskService;
        this.calls = calls;
        this.journal = journal;
    }

    /** Agencies whose referrals the actor works (by group). */
    public static List<Agency> agenciesOf(Actor actor) {
        return java.util.Arrays.stream(Agency.values())
                .filter(agency -> agency.candidateGroup().filter(actor::isIn).isPresent()).toList();
    }

    /** Referrals to the given agencies the actor works, newest first (at most {@code limit}). */
    @Transactional
    public List<ReferralView> referrals(Actor actor, List<Agency> agencies, int limit) {
        List<Agency> allowed = agenciesOf(actor).stream().filter(agencies::contains).toList();
        List<ReferralView> found = new java.util.ArrayList<>();
        for (Agency agency : allowed) {
            historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PartnerReferralProcess.KEY)
                    .variableValueEquals(PartnerReferralProcess.Variables.AGENCY.name(), agency.name())
                    .orderByProcessInstanceStartTime().desc().listPage(0, limit)
                    .forEach(instance -> describe(instance).ifPresent(found::add));
        }
        found.sort(java.util.Comparator.comparing(ReferralView::requestedAt).reversed());
        List<ReferralView> page = found.stream().limit(limit).toList();
        // A partner system polls: each referral's sharing with this user is journalled once, not on every poll.
        page.stream().filter(referral -> !alreadyShared(referral, actor)).forEach(referral -> journalRead(referral, actor));
        return page;
    }

    /** One referral, if it went to an agency the actor works; otherwise as if it did not exist. */
    @Transactional
    public Optional<ReferralView> referral(String id, Actor actor) {
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery().processInstanceId(id)
                .processDefinitionKey(PartnerReferralProcess.KEY).singleResult();
        Optional<ReferralView> referral = Optional.ofNullable(instance).flatMap(this::describe)
                .filter(found -> agenciesOf(actor).contains(found.agency()));
        referral.filter(found -> !alreadyShared(found, actor)).ifPresent(found -> journalRead(found, actor));
        return referral;
    }

    /**
     * What the partner wrote with its latest accept or reject on the case (or, given an id, of that referral), from
     * the journal; for a referral decided before notes left the engine, which has no decision there, the note it
     * stored as a variable ({@code variables}: the referral's or its task's).
     */
    static String decisionNote(List<CaseJournal.Entry> entries, String referralId, Map<String, Object> variables) {
        return entries.stream()
                .filter(entry -> "TASK_COMPLETED".equals(entry.type()) && entry.processInstanceId() != null
                        && (referralId == null || referralId.equals(entry.processInstanceId()))
                        && PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL.equals(entry.taskKey()))
                .reduce((earlier, later) -> later)
                .map(CaseJournal.Entry::note)
                .orElseGet(() -> PartnerReferralProcess.Variables.DECISION_NOTE.from(variables));
    }

    /** What the partner said with the latest decision on the case, for the supervisor reviewing a rejection. */
    @Transactional(readOnly = true)
    public String latestDecisionNote(String caseId, Map<String, Object> reviewVariables) {
        return decisionNote(journal.entries(caseId), null, reviewVariables);
    }

    private void journalRead(ReferralView referral, Actor actor) {
        journal.record(referral.caseId(), REFERRAL_READ, actor.userId(), actor.role(), readDetail(referral));
    }

    private boolean alreadyShared(ReferralView referral, Actor actor) {
        String detail = readDetail(referral);
        return journal.entries(referral.caseId()).stream().anyMatch(entry -> REFERRAL_READ.equals(entry.type())
                && actor.userId().equals(entry.actor()) && detail.equals(entry.detail()));
    }

    private static String readDetail(ReferralView referral) {
        return "Referral read by a partner system (FHIR Task " + referral.id() + ", shared fields only)";
    }

    static final String REFERRAL_READ = "REFERRAL_READ";

    private Optional<ReferralView> describe(HistoricProcessInstance instance) {
        Optional<CallRecord> call = calls.findById(instance.getBusinessKey());
        if (call.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> variables = new HashMap<>();
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).list()) {
            // The referral's own scope wins over task-local copies.
            if (instance.getId().equals(variable.getActivityInstanceId()) || !variables.containsKey(variable.getName())) {
                variables.put(variable.getName(), variable.getValue());
            }
        }
        Task open = taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKeyIn(PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL,
                        PartnerReferralProcess.Elements.USER_RECORD_PARTNER_OUTCOME)
                .orderByTaskCreateTime().desc().list().stream().findFirst().orElse(null);
        CallRecord record = call.get();
        Date acknowledgeBy = PartnerReferralProcess.Variables.ACKNOWLEDGE_BY.from(variables);
        // The case's own fields are shared while the referral is open to the agency, not after (PartnerAccess).
        boolean shared = PartnerAccess.open(instance.getEndTime() != null, PartnerReferralProcess.Variables.DECISION.from(variables),
                () -> open != null);
        return Optional.of(new ReferralView(instance.getId(), record.id(), PartnerReferralProcess.Variables.AGENCY.from(variables),
                record.reference(), shared, shared ? record.category() : null, shared ? record.summary() : null,
                shared ? record.locationDescription() : null, shared ? record.subjectName() : null,
                shared ? record.subjectAge() : null, instance.getStartTime().toInstant(),
                instance.getEndTime() == null ? null : instance.getEndTime().toInstant(),
                acknowledgeBy == null ? null : acknowledgeBy.toInstant(),
                PartnerReferralProcess.Variables.DECISION.from(variables),
                PartnerReferralProcess.Variables.REASON_CODE.from(variables),
                decisionNote(journal.entries(record.id()), instance.getId(), variables),
                PartnerReferralProcess.Variables.PARTNER_OUTCOME.from(variables),
                PartnerReferralProcess.Variables.REFERRAL_RESULT.from(variables),
                open == null ? null : open.getId(), open == null ? null : open.getTaskDefinitionKey(),
                open == null ? null : open.getAssignee()));
    }
}
