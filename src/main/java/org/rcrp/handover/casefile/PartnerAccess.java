package org.rcrp.handover.casefile;

import static org.rcrp.handover.process.RcrpCallProcess.Variables.AGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.CLOSED_AT;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.GRADE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.RESPONSIBLE_AGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.ROUTE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.STATE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.intake.CallRecord;
import org.rcrp.handover.journal.CaseJournal;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.ReferralDecision;
import org.rcrp.handover.process.S136HandoverProcess;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a partner agency may see of a case (share the minimum needed, for as long as it is needed: docs/SECURITY.md), built
 * from an allow-list, never by hiding what it must not see:
 * <ul>
 *   <li>while one of its referrals (or, for the hospital liaison, its s136 handover) is open to it: the fields the
 *       referral shared (summary, location, subject, category, where the case stands and who is responsible, and of a
 *       walk-out what is needed to find the person: {@link #shared(CaseView.Walkout)}), its own
 *       tasks and clocks, the events of its own referrals (started to its agency, clocks, reminders, escalations,
 *       tasks), everything its own agency wrote, and — without their text — that someone else added information;</li>
 *   <li>once they have all ended (rejected, rerouted, cancelled when police were sent, closed by a supervisor, or
 *       completed): only what its own agency wrote, or nothing (404) when it wrote nothing.</li>
 * </ul>
 * Never the caller, the triage rationale, answers or assessment, the threshold table's recommendation, the AWOL details,
 * notes of informing the caller, a supervisor's or another agency's notes, what anyone else wrote, or the previous
 * contacts about the person (other cases). Police see everything. The views themselves are built here ({@link #shared},
 * {@link #ownEntries}).
 */
@Component
class PartnerAccess {

    /** Entries that record who read what: audit for managers, not something a partner wrote or needs. */
    private static final Set<String> READS = Set.of(CaseQueries.CASE_READ, ReferralQueries.REFERRAL_READ);
    private static final String UPDATE = "UPDATE";
    private static final Set<String> PARTNER_TASKS = Set.of(PartnerReferralProcess.Elements.USER_ACCEPT_REFERRAL,
            PartnerReferralProcess.Elements.USER_RECORD_PARTNER_OUTCOME);

    /**
     * A partner's part in one case: the groups it acts in, its referrals and s136 handovers (process instance ids),
     * and whether any of them is still open to it.
     */
    record Part(Set<String> groups, Set<String> referrals, boolean open) {

        /** Whether the entry is one its own agency wrote (a read is not writing). */
        boolean wrote(CaseJournal.Entry entry) {
            return !READS.contains(entry.type()) && entry.role() != null
                    && Arrays.stream(entry.role().split(",")).map(String::strip).anyMatch(groups::contains);
        }
    }

    private final HistoryService historyService;
    private final TaskService taskService;
    private final ZoneId zone;

    PartnerAccess(HistoryService historyService, TaskService taskService, @Value("${rcrp.metrics.zone:Europe/London}") ZoneId zone) {
        this.historyService = historyService;
        this.taskService = taskService;
        this.zone = zone;
    }

    /**
     * The partner's view while its part is open, field by field from the allow-list: the fields the referral shared
     * (reference, category, summary, location, the subject with only the services of its own groups), where the case
     * stands, its own open tasks, its timeline (given), and of a walk-out what finds the person ({@link #sharedWalkout}).
     * Nothing else is copied: not the caller, the source, AWOL details, the triage answers, the rationale or
     * recommendation, whether it was overridden or the caller informed, who logged it, nor the previous contacts about the
     * person (other cases, which no referral shares).
     */
    static CaseView shared(CallRecord call, Part part, Map<String, Object> variables, List<CaseView.OpenTask> openTasks,
                           List<CaseView.TimelineEntry> timeline, List<CaseView.PlannedResponse> plan) {
        return new CaseView(call.id(), call.reference(), null, call.category(), call.summary(),
                new CaseView.Location(call.locationDescription(), call.urban()),
                // Which services the person is known to is health information: each partner learns only of its own.
                new CaseView.Subject(call.subjectName(), call.subjectAge(), call.knownTo().stream()
                        .filter(agency -> agency.candidateGroup().filter(part.groups()::contains).isPresent()).toList()), null, null,
                sharedWalkout(call.walkout()), null,
                STATE.from(variables), ROUTE.from(variables), GRADE.from(variables), AGENCY.from(variables),
                Optional.ofNullable(RESPONSIBLE_AGENCY.from(variables)).orElse(Agency.POLICE),
                null, null, null, null, call.loggedAt(), null, CLOSED_AT.from(variables),
                openTasks.stream().filter(task -> task.candidateGroups().stream().anyMatch(part.groups()::contains)).toList(),
                timeline, null,
                // Its own part of the plan only: why another agency is on it can be health information (known to mental health).
                plan.stream().filter(response -> response.agency().candidateGroup().filter(part.groups()::contains).isPresent())
                        .toList(), null);
    }

    /** The partner's view once its part has ended: the case's id and reference and what its own agency wrote; nothing else. */
    static CaseView ownEntries(CallRecord call, List<CaseView.TimelineEntry> own) {
        return new CaseView(call.id(), call.reference(), null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, List.of(), own, null, null, null);
    }

    /**
     * Of a walk-out, what the agency needs to find and help the person: the kind of setting they left, how they look and
     * when they were last seen. Not whether they are detained, whether the setting gave its risk assessment or doubts
     * their capacity: those are police's threshold considerations (and the setting's own answers).
     */
    static CaseView.Walkout sharedWalkout(CallRecord.Walkout walkout) {
        return walkout == null ? null
                : new CaseView.Walkout(walkout.setting(), null, null, walkout.description(), walkout.lastSeen(), null);
    }

    /** The groups of agencies that take referrals or handovers that the actor is in. */
    static Set<String> partnerGroups(Actor actor) {
        Set<String> groups = new HashSet<>();
        for (Agency agency : Agency.values()) {
            agency.candidateGroup().filter(actor::isIn).ifPresent(groups::add);
        }
        return groups;
    }

    /** The actor's part in the case whose process instances (the case's, its referrals, its handovers) these are. */
    Part of(Actor actor, List<HistoricProcessInstance> instances) {
        Set<String> groups = partnerGroups(actor);
        Set<String> referrals = new HashSet<>();
        boolean open = false;
        for (HistoricProcessInstance instance : instances) {
            if (PartnerReferralProcess.KEY.equals(instance.getProcessDefinitionKey())) {
                Agency agency = null;
                ReferralDecision decision = null;
                for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId()).variableNameIn(PartnerReferralProcess.Variables.AGENCY.name(),
                                PartnerReferralProcess.Variables.DECISION.name()).list()) {
                    if (variable.getValue() == null || !instance.getId().equals(variable.getActivityInstanceId())) {
                        continue;
                    }
                    if (PartnerReferralProcess.Variables.AGENCY.name().equals(variable.getName())) {
                        agency = Agency.valueOf(variable.getValue().toString());
                    } else {
                        decision = ReferralDecision.valueOf(variable.getValue().toString());
                    }
                }
                if (agency != null && agency.candidateGroup().filter(groups::contains).isPresent()) {
                    referrals.add(instance.getId());
                    open |= open(instance.getEndTime() != null, decision, () -> partnerTaskOpen(instance.getId()));
                }
            } else if (S136HandoverProcess.KEY.equals(instance.getProcessDefinitionKey())
                    && Agency.HOSPITAL.candidateGroup().filter(groups::contains).isPresent()) {
                referrals.add(instance.getId());
                open |= instance.getEndTime() == null;
            }
        }
        return new Part(groups, referrals, open);
    }

    /**
     * Whether a referral is still open to its agency: not ended, and not rejected unless a supervisor's chase has put it
     * back to the agency (its accept task open again). A referral with the supervisor because the agency did not answer
     * is still the agency's until the supervisor decides.
     */
    static boolean open(boolean ended, ReferralDecision decision, BooleanSupplier partnerTaskOpen) {
        return !ended && (decision != ReferralDecision.REJECT || partnerTaskOpen.getAsBoolean());
    }

    private boolean partnerTaskOpen(String referralId) {
        return taskService.createTaskQuery().processInstanceId(referralId)
                .taskDefinitionKeyIn(PARTNER_TASKS.toArray(String[]::new)).count() > 0;
    }

    /**
     * The partner's timeline: what its own agency wrote, whole; while its part is open, also its referrals' events
     * (given, already chosen by the caller) and a line without text where someone else added information.
     */
    List<CaseView.TimelineEntry> timeline(Part part, List<CaseJournal.Entry> journal, List<CaseView.TimelineEntry> ownReferralEvents) {
        List<CaseView.TimelineEntry> entries = new ArrayList<>();
        for (CaseJournal.Entry entry : journal) {
            if (part.wrote(entry)) {
                entries.add(new CaseView.TimelineEntry(entry.at(), entry.type(), entry.actor(), entry.role(), entry.text()));
            } else if (part.open() && UPDATE.equals(entry.type())) {
                String by = isPolice(entry.role()) ? "police" : "another agency";
                entries.add(new CaseView.TimelineEntry(entry.at(), UPDATE, by, null, "New information recorded by " + by));
            }
        }
        if (part.open()) {
            entries.addAll(ownReferralEvents);
        }
        entries.sort(Comparator.comparing(CaseView.TimelineEntry::at));
        return entries;
    }

    /** The start of the force's day (rcrp.metrics.zone) the instant falls in: a partner's reads are journalled once a day. */
    Instant startOfDay(Instant at) {
        return LocalDate.ofInstant(at, zone).atStartOfDay(zone).toInstant();
    }

    private static boolean isPolice(String role) {
        return role != null && Arrays.stream(role.split(",")).map(String::strip).anyMatch(Actor.POLICE_GROUPS::contains);
    }
}
