package org.rcrp.handover.casefile;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.*;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.process.Groups;
import org.rcrp.handover.process.SlaPolicy;
import org.rcrp.handover.process.SlaProperties;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.intake.CallRecord;
import org.rcrp.handover.intake.CallRepository;
import org.rcrp.handover.intake.CaseNotFoundException;
import org.rcrp.handover.journal.CaseJournal;
import org.rcrp.handover.plan.ResponseLedger;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.CaseState;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.Route;
import org.rcrp.handover.s136.S136Records;
import org.rcrp.handover.triage.AssessThreshold;
import org.rcrp.handover.triage.TriagePolicy;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read model of a case: the logged call, where its processes stand, its open tasks and a timeline
 * merged from the journal (what people did) and the engine's history (what the clocks and the
 * processes did); for police, the previous contacts about the person ({@link ContactOutcomes}). Police see every case; a partner sees a case from an allow-list while its referral is open, and
 * afterwards only what its own agency wrote ({@link PartnerAccess}; share the minimum needed: docs/SECURITY.md).
 */
@Service
public class CaseQueries {

    private static final Map<String, String> ENGINE_EVENTS = Map.of(
            "boundaryTimer", "CLOCK_EXPIRED",
            "boundaryConditional", "RISK_RAISED",
            "serviceTask", "SYSTEM",
            "callActivity", "STARTED",
            "userTask", "TASK_CREATED");

    private static final String TASK_COMPLETED = "TASK_COMPLETED";
    static final String CASE_READ = "CASE_READ";

    private final CallRepository calls;
    private final CaseJournal journal;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final TaskService taskService;
    private final TaskFacade tasks;
    private final PartnerAccess partners;
    private final ContactOutcomes previousContacts;

    private final ResponseLedger ledger;
    private final org.rcrp.handover.assurance.LinkedRecords linkedRecords;
    private final ContactShares shares;
    private final S136Records s136Records;
    private final SlaProperties sla;

    private final Clock clock;

    public CaseQueries(CallRepository calls, CaseJournal journal, RuntimeService runtimeService,
                       HistoryService historyService, TaskService taskService, TaskFacade tasks, PartnerAccess partners,
                       ContactOutcomes previousContacts, ResponseLedger ledger,
                       org.rcrp.handover.assurance.LinkedRecords linkedRecords, ContactShares shares, S136Records s136Records,
                       SlaProperties sla, Clock clock) {
        this.clock = clock;
        this.ledger = ledger;
        this.linkedRecords = linkedRecords;
        this.shares = shares;
        this.s136Records = s136Records;
        this.sla = sla;
        this.partners = partners;
        this.previousContacts = previousContacts;
        this.calls = calls;
        this.journal = journal;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.taskService = taskService;
        this.tasks = tasks;
    }

    /**
     * The case as the actor may see it, or as if it did not exist. Police see all of it. A partner sees it from an
     * allow-list ({@link PartnerAccess}): while its referral is open, the shared fields and its referral's part of the
     * timeline; once its referrals have ended, only what its own agency wrote (404 when nothing). A partner's read of
     * the shared case is journalled (who, when, which case) once a day, so managers can see what was shared with whom
     * without every refresh of a page writing a row.
     */
    @Transactional
    public CaseView view(String caseId, Actor actor) {
        CallRecord call = calls.findById(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        List<HistoricProcessInstance> instances = instancesOf(caseId);
        List<CaseJournal.Entry> entries = journal.entries(caseId);
        if (actor.isPolice()) {
            return policeView(call, instances, entries).withS136(s136(caseId));
        }
        PartnerAccess.Part part = partners.of(actor, instances);
        if (!part.open()) {
            List<CaseView.TimelineEntry> own = partners.timeline(part, entries, List.of());
            if (own.isEmpty()) {
                throw new CaseNotFoundException(caseId);
            }
            return PartnerAccess.ownEntries(call, own);
        }
        Instant now = clock.instant();
        journal.recordOnceSince(partners.startOfDay(now), caseId, CASE_READ, actor.userId(), actor.role(),
                "Case read by a partner agency (shared fields only)");
        Map<String, Object> variables = caseVariables(caseId);
        List<CaseView.TimelineEntry> referralEvents = engineEvents(instances).stream()
                .filter(event -> part.referrals().contains(event.processInstanceId())
                        || part.referrals().contains(event.calledProcessInstanceId()))
                .map(EngineEvent::entry).toList();
        CaseView shared = PartnerAccess.shared(call, part, variables, openTasks(caseId),
                partners.timeline(part, entries, referralEvents), responses(caseId))
                .withSharedContacts(shares.grantedTo(caseId, part.groups()));
        // The hospital liaison receives the detained person: it sees the detention and its clocks.
        return actor.isIn(HOSPITAL_LIAISON) ? shared.withS136(s136(caseId)) : shared;
    }

    private CaseView policeView(CallRecord call, List<HistoricProcessInstance> instances, List<CaseJournal.Entry> entries) {
        Map<String, Object> variables = caseVariables(call.id());
        List<CaseView.TimelineEntry> timeline = new ArrayList<>();
        entries.forEach(entry ->
                timeline.add(new CaseView.TimelineEntry(entry.at(), entry.type(), entry.actor(), entry.role(), entry.text())));
        engineEvents(instances).forEach(event -> timeline.add(event.entry()));
        timeline.sort(Comparator.comparing(CaseView.TimelineEntry::at));
        return new CaseView(call.id(), call.reference(), call.source(), call.category(), call.summary(),
                new CaseView.Location(call.locationDescription(), call.urban()),
                new CaseView.Subject(call.subjectName(), call.subjectAge(), call.knownTo()),
                new CaseView.Caller(call.callerName(), call.callerPhone(), call.callerRelationship()),
                call.awolRetakeExpiry() == null ? null : new CaseView.Awol(call.awolMhaSection(), call.awolRetakeExpiry(),
                        call.awolPartThree(), call.awolDangerous(), call.awolParticularlyVulnerable(), call.awolHospitalSearched(),
                        call.awolKind()),
                walkoutOf(call), assessment(call.id()),
                STATE.from(variables), ROUTE.from(variables), GRADE.from(variables), AGENCY.from(variables),
                Optional.ofNullable(RESPONSIBLE_AGENCY.from(variables)).orElse(Agency.POLICE),
                rationale(variables, entries),
                RECOMMENDED_ROUTE.from(variables) == null ? null : new CaseView.Recommendation(RECOMMENDED_ROUTE.from(variables),
                        RECOMMENDED_GRADE.from(variables), RECOMMENDED_AGENCY.from(variables), RECOMMENDATION_RATIONALE.from(variables)),
                OVERRIDDEN.from(variables), CALLER_INFORMED.from(variables),
                call.loggedAt(), call.loggedBy(), CLOSED_AT.from(variables), openTasks(call.id()), timeline, previousContacts.of(call),
                responses(call.id()), notLocated(variables)).withLinkedRecords(linkedRecords.of(call.id()))
                .withFamilyContact(calls.findFamilyContact(call.id())
                        .map(contact -> new CaseView.Caller(contact.name(), contact.phone(), contact.relationship())).orElse(null));
    }

    private static CaseView.NotLocated notLocated(Map<String, Object> variables) {
        if (RcrpCallProcess.Variables.NOT_LOCATED_BY.from(variables) == null) {
            return null;
        }
        return new CaseView.NotLocated(RcrpCallProcess.Variables.PERSON_NOT_LOCATED.isTrueIn(variables),
                RcrpCallProcess.Variables.NOT_LOCATED_BY.from(variables), RcrpCallProcess.Variables.MISSING_PERSON_RISK.from(variables),
                RcrpCallProcess.Variables.MISSING_PERSON_LOCATED.from(variables), RcrpCallProcess.Variables.WHEREABOUTS.from(variables),
                RcrpCallProcess.Variables.CLOSED_NOT_LOCATED.isTrueIn(variables));
    }

    private static final String HOSPITAL_LIAISON = Groups.HOSPITAL_LIAISON;

    /** The case's s136 detention with its clocks from arrival; null for a case without one. */
    CaseView.S136 s136(String caseId) {
        return s136Records.find(caseId).map(record -> {
            Instant arrived = record.arrivedAt();
            Instant handoverDue = record.delayUntil() != null ? record.delayUntil()
                    : arrived == null ? null : arrived.plus(sla.handover());
            Instant limit = arrived == null ? null : arrived.plus(sla.detentionLimit())
                    .plus(record.extendedAt() == null ? java.time.Duration.ZERO : SlaPolicy.DETENTION_EXTENSION);
            return new CaseView.S136(record.detainedAt(), arrived, record.conveyance(), record.conveyanceReason(),
                    record.placeOfSafety(), handoverDue, limit, record.delayUntil(), record.delayAgreedBy(), record.delayAgreedWith(),
                    record.acceptedAt(), record.extendedAt(), record.extendedBy(), record.extensionClinician(),
                    record.assessmentEndedAt(), record.assessmentOutcome(), record.withdrawnAt());
        }).orElse(null);
    }

    private List<CaseView.PlannedResponse> responses(String caseId) {
        return ledger.entries(caseId).stream().map(entry -> new CaseView.PlannedResponse(entry.agency(), entry.role(),
                entry.grade(), entry.reason(), entry.state())).toList();
    }

    /** The latest triage's answers, as the journal keeps them beside its completion. */
    private CaseView.Assessment assessment(String caseId) {
        return journal.latestAnswers(caseId, RcrpCallProcess.Elements.USER_ASSESS_THRESHOLD).map(answers -> {
            AssessThreshold given = AssessThreshold.fromAnswers(answers.byQuestion());
            return new CaseView.Assessment(answers.at(), answers.actor(), given.crime(), given.riskToLife(), given.seriousHarm(),
                    given.childAtRisk(), given.medicalEmergency(), given.missingPerson(), given.whereaboutsKnown(),
                    given.entryNeeded(), given.lastSeen() == null ? null : given.lastSeen().toInstant(), given.callerActions(),
                    given.thrive());
        }).orElse(null);
    }

    private static CaseView.Walkout walkoutOf(CallRecord call) {
        CallRecord.Walkout walkout = call.walkout();
        return walkout == null ? null : new CaseView.Walkout(walkout.setting(), walkout.detained(), walkout.riskAssessmentGiven(),
                walkout.description(), walkout.lastSeen(), walkout.capacityConcern());
    }

    private List<CaseView.OpenTask> openTasks(String caseId) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseId).orderByDueDate().asc().list().stream()
                .map(task -> new CaseView.OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                        tasks.candidateGroups(task.getId()), task.getAssignee(), task.getCreateTime(), task.getDueDate()))
                .toList();
    }

    /** Cases, newest first, optionally in one state; for police staff only. */
    @Transactional(readOnly = true)
    public List<CaseView.Summary> list(Optional<CaseState> state, int limit, Actor actor) {
        if (!actor.isPolice()) {
            throw new AccessDeniedException("Case lists are for police staff");
        }
        List<CallRecord> candidates;
        if (state.isEmpty()) {
            candidates = calls.latest(limit);
        } else if (state.get() == CaseState.CLOSED) {
            candidates = calls.findByIds(historyService.createHistoricProcessInstanceQuery()
                    .processDefinitionKey(RcrpCallProcess.KEY).finished().orderByProcessInstanceEndTime().desc()
                    .listPage(0, limit).stream().map(HistoricProcessInstance::getBusinessKey).toList());
        } else {
            List<String> instanceIds = runtimeService.createVariableInstanceQuery().variableName(STATE.name())
                    .variableValueEquals(STATE.name(), state.get().name()).list().stream()
                    .map(VariableInstance::getProcessInstanceId).distinct().toList();
            candidates = instanceIds.isEmpty() ? List.of() : calls.findByIds(runtimeService.createProcessInstanceQuery()
                    .processInstanceIds(new HashSet<>(instanceIds)).processDefinitionKey(RcrpCallProcess.KEY).list().stream()
                    .map(ProcessInstance::getBusinessKey).toList());
        }
        return candidates.stream().limit(limit).map(call -> {
            Map<String, Object> variables = caseVariables(call.id());
            return new CaseView.Summary(call.id(), call.reference(), call.category(), STATE.from(variables),
                    ROUTE.from(variables), AGENCY.from(variables),
                    Optional.ofNullable(RESPONSIBLE_AGENCY.from(variables)).orElse(Agency.POLICE), call.loggedAt());
        }).filter(summary -> state.isEmpty() || summary.state() == state.get()).toList();
    }

    /** The most cases a search looks at for a partner, before keeping those it holds. */
    static final int PARTNER_SEARCH_CANDIDATES = 200;

    /**
     * Cases whose reference, person or place matches the words, newest first, with where each stands and when it last
     * changed. Police find every case, each with the earlier calls about its person ({@code PreviousContacts}); a partner
     * finds only the cases it holds now (a referral open to it, as for reading the case), never a case it does not, and
     * no earlier calls, source or journal times.
     */
    @Transactional(readOnly = true)
    public List<CaseView.Found> search(String words, int limit, Actor actor) {
        boolean police = actor.isPolice();
        List<CallRecord> found = calls.search(words, police ? limit : PARTNER_SEARCH_CANDIDATES).stream()
                .filter(call -> police || partners.of(actor, instancesOf(call.id())).open())
                .limit(limit).toList();
        Map<String, Instant> lastUpdates = police ? journal.lastEntries(found.stream().map(CallRecord::id).toList()) : Map.of();
        return found.stream().map(call -> {
            Map<String, Object> variables = caseVariables(call.id());
            CaseView.Summary summary = new CaseView.Summary(call.id(), call.reference(), call.category(), STATE.from(variables),
                    ROUTE.from(variables), AGENCY.from(variables),
                    Optional.ofNullable(RESPONSIBLE_AGENCY.from(variables)).orElse(Agency.POLICE), call.loggedAt(),
                    call.subjectName(), call.locationDescription(), lastUpdates.get(call.id()));
            return new CaseView.Found(summary, police ? previousContacts.of(call) : List.of());
        }).toList();
    }

    /**
     * Whether the actor may read the shared case and add information to it: police always; a partner while one of
     * its referrals (or its s136 handover) on the case is open to it, not after (see {@link PartnerAccess}).
     */
    /** The partner groups of the actor whose part in the case is open (a referral asked or accepted); empty otherwise. */
    Set<String> openPartnerGroups(String caseId, Actor actor) {
        PartnerAccess.Part part = partners.of(actor, instancesOf(caseId));
        return part.open() ? part.groups() : Set.of();
    }

    public boolean mayRead(String caseId, Actor actor) {
        return actor.isPolice() || partners.of(actor, instancesOf(caseId)).open();
    }

    private List<HistoricProcessInstance> instancesOf(String caseId) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId).list();
    }

    private Map<String, Object> caseVariables(String caseId) {
        ProcessInstance running = runtimeService.createProcessInstanceQuery().processDefinitionKey(RcrpCallProcess.KEY)
                .processInstanceBusinessKey(caseId).singleResult();
        if (running != null) {
            return runtimeService.getVariables(running.getId());
        }
        Map<String, Object> variables = new HashMap<>();
        HistoricProcessInstance finished = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(RcrpCallProcess.KEY).processInstanceBusinessKey(caseId).singleResult();
        if (finished != null) {
            historyService.createHistoricVariableInstanceQuery().processInstanceId(finished.getId()).list().stream()
                    .filter(variable -> finished.getId().equals(variable.getActivityInstanceId()))
                    .forEach(variable -> variables.put(variable.getName(), variable.getValue()));
        }
        return variables;
    }

    /**
     * The decision's rationale: the table's own words or raised risk's, as the engine keeps them; for an override, the
     * engine's words (which recommendation was overridden) and the handler's reason from the journal, where the reason
     * is kept. A case overridden before reasons left the engine has the reason in the engine's words already.
     */
    private static String rationale(Map<String, Object> variables, List<CaseJournal.Entry> entries) {
        String rationale = RATIONALE.from(variables);
        Route recommended = RECOMMENDED_ROUTE.from(variables);
        if (rationale == null || recommended == null || !Boolean.TRUE.equals(OVERRIDDEN.from(variables))
                || !rationale.equals(TriagePolicy.overrideRationale(recommended, RECOMMENDED_AGENCY.from(variables)))) {
            return rationale;
        }
        return entries.stream()
                .filter(entry -> TASK_COMPLETED.equals(entry.type())
                        && RcrpCallProcess.Elements.USER_ASSESS_THRESHOLD.equals(entry.taskKey()))
                .reduce((earlier, later) -> later)
                .map(CaseJournal.Entry::note).filter(note -> note != null)
                .map(reason -> rationale + ": " + reason).orElse(rationale);
    }

    /** What the processes did, for the timeline: one entry per activity shown, with the process instance it ran in. */
    private record EngineEvent(CaseView.TimelineEntry entry, String processInstanceId, String calledProcessInstanceId) {
    }

    private List<EngineEvent> engineEvents(List<HistoricProcessInstance> instances) {
        Map<String, String> referralAgencies = new HashMap<>();
        for (HistoricProcessInstance instance : instances) {
            if (PartnerReferralProcess.KEY.equals(instance.getProcessDefinitionKey())) {
                historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                        .variableName(PartnerReferralProcess.Variables.AGENCY.name()).list().stream().findFirst()
                        .ifPresent(agency -> referralAgencies.put(instance.getId(), String.valueOf(agency.getValue())));
            }
        }
        List<EngineEvent> events = new ArrayList<>();
        for (HistoricProcessInstance instance : instances) {
            for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
                    .processInstanceId(instance.getId()).list()) {
                String type = ENGINE_EVENTS.get(activity.getActivityType());
                if (type == null) {
                    continue;
                }
                String detail = activity.getActivityName();
                String called = activity.getCalledProcessInstanceId();
                if ("callActivity".equals(activity.getActivityType()) && referralAgencies.containsKey(called)) {
                    detail = detail + " to " + referralAgencies.get(called);
                }
                events.add(new EngineEvent(new CaseView.TimelineEntry(activity.getStartTime().toInstant(), type, "system", null,
                        detail), instance.getId(), called));
            }
            if (RcrpCallProcess.KEY.equals(instance.getProcessDefinitionKey()) && instance.getEndTime() != null) {
                events.add(new EngineEvent(new CaseView.TimelineEntry(instance.getEndTime().toInstant(), "CASE_CLOSED", "system",
                        null, "Case closed"), instance.getId(), null));
            }
        }
        return events;
    }
}
