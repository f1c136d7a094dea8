package org.rcrp.handover.casefile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.rcrp.handover.assurance.LinkedRecords;
import org.rcrp.handover.intake.PreviousContacts;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.AwolKind;
import org.rcrp.handover.process.CaseState;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.Route;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.process.WalkoutSetting;
import org.rcrp.handover.triage.AssessThreshold;

/**
 * The case as GET /api/calls/{id} shows it (docs/api.md). Partners get it from an allow-list ({@link PartnerAccess}):
 * without the caller's details and without previous contacts, whose fields they never see (omitted, not null).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CaseView(String id, String reference, Source source, Category category, String summary,
                       Location location, Subject subject, @JsonInclude(JsonInclude.Include.NON_NULL) Caller caller,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Awol awol,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Walkout walkout, Assessment assessment,
                       CaseState state, Route route, Grade grade, Agency agency, Agency responsibleAgency,
                       String rationale, Recommendation recommendation, Boolean overridden, Boolean callerInformed,
                       Instant loggedAt, String loggedBy, Date closedAt,
                       List<OpenTask> openTasks, List<TimelineEntry> timeline,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<PreviousContact> previousContacts,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<PlannedResponse> responses,
                       @JsonInclude(JsonInclude.Include.NON_NULL) NotLocated notLocated,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<LinkedRecords.LinkedRecord> linkedRecords,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Caller familyContact,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<SharedContact> sharedContacts,
                       @JsonInclude(JsonInclude.Include.NON_NULL) S136 s136) {

    /** A view without linked records: partners never see them ({@link #withLinkedRecords} adds police's). */
    public CaseView(String id, String reference, Source source, Category category, String summary,
                    Location location, Subject subject, Caller caller, Awol awol, Walkout walkout, Assessment assessment,
                    CaseState state, Route route, Grade grade, Agency agency, Agency responsibleAgency,
                    String rationale, Recommendation recommendation, Boolean overridden, Boolean callerInformed,
                    Instant loggedAt, String loggedBy, Date closedAt, List<OpenTask> openTasks, List<TimelineEntry> timeline,
                    List<PreviousContact> previousContacts, List<PlannedResponse> responses, NotLocated notLocated) {
        this(id, reference, source, category, summary, location, subject, caller, awol, walkout, assessment, state, route, grade,
                agency, responsibleAgency, rationale, recommendation, overridden, callerInformed, loggedAt, loggedBy, closedAt,
                openTasks, timeline, previousContacts, responses, notLocated, null, null, null, null);
    }

    /** A view without the not-located record, linked records, the family contact or contacts shared with a partner. */
    public CaseView(String id, String reference, Source source, Category category, String summary,
                    Location location, Subject subject, Caller caller, Awol awol, Walkout walkout, Assessment assessment,
                    CaseState state, Route route, Grade grade, Agency agency, Agency responsibleAgency,
                    String rationale, Recommendation recommendation, Boolean overridden, Boolean callerInformed,
                    Instant loggedAt, String loggedBy, Date closedAt, List<OpenTask> openTasks, List<TimelineEntry> timeline,
                    List<PreviousContact> previousContacts, List<PlannedResponse> responses) {
        this(id, reference, source, category, summary, location, subject, caller, awol, walkout, assessment, state, route, grade,
                agency, responsibleAgency, rationale, recommendation, overridden, callerInformed, loggedAt, loggedBy, closedAt,
                openTasks, timeline, previousContacts, responses, null, null, null, null, null);
    }

    /** The same view with the incidents, complaints, coroners' reports and serious harm linked to the case (police only). */
    public CaseView withLinkedRecords(List<LinkedRecords.LinkedRecord> linked) {
        return new CaseView(id, reference, source, category, summary, location, subject, caller, awol, walkout, assessment, state,
                route, grade, agency, responsibleAgency, rationale, recommendation, overridden, callerInformed, loggedAt, loggedBy,
                closedAt, openTasks, timeline, previousContacts, responses, notLocated, linked, familyContact, sharedContacts, s136);
    }

    public CaseView withFamilyContact(Caller contact) {
        return new CaseView(id, reference, source, category, summary, location, subject, caller, awol, walkout, assessment,
                state, route, grade, agency, responsibleAgency, rationale, recommendation, overridden, callerInformed, loggedAt,
                loggedBy, closedAt, openTasks, timeline, previousContacts, responses, notLocated, linkedRecords, contact, sharedContacts, s136);
    }

    /** For a partner: exactly the contacts police granted it (name and phone), none when none was granted. */
    public CaseView withSharedContacts(List<SharedContact> shared) {
        return new CaseView(id, reference, source, category, summary, location, subject, caller, awol, walkout, assessment,
                state, route, grade, agency, responsibleAgency, rationale, recommendation, overridden, callerInformed, loggedAt,
                loggedBy, closedAt, openTasks, timeline, previousContacts, responses, notLocated, linkedRecords, familyContact,
                shared.isEmpty() ? null : List.copyOf(shared), s136);
    }

    public CaseView withS136(S136 details) {
        return new CaseView(id, reference, source, category, summary, location, subject, caller, awol, walkout, assessment, state,
                route, grade, agency, responsibleAgency, rationale, recommendation, overridden, callerInformed, loggedAt, loggedBy,
                closedAt, openTasks, timeline, previousContacts, responses, notLocated, linkedRecords, familyContact, sharedContacts,
                details);
    }

    /**
     * An s136 detention (police and the hospital liaison only): the facts police recorded, what the hospital and the police
     * supervisor decided, and the two clocks, both from arrival: when the handover is due (the hour, or the time agreed)
     * and the detention limit (24 h, 36 h once extended). The clocks are null until the arrival is recorded.
     */
    public record S136(Instant detainedAt, Instant arrivedAt, org.rcrp.handover.process.Conveyance conveyance,
                       String conveyanceReason, org.rcrp.handover.process.PlaceOfSafety placeOfSafety,
                       Instant handoverDue, Instant detentionLimit, Instant delayUntil, String delayAgreedBy,
                       String delayAgreedWithPolice, Instant acceptedAt, Instant extendedAt, String extendedBy,
                       String extensionClinician, Instant assessmentEndedAt, String assessmentOutcome, Instant policeWithdrewAt) {
    }

    /** A contact police shared with the partner on its request: whose (CALLER or FAMILY), name and phone only. */
    public record SharedContact(String whose, String name, String phone) {
    }

    /**
     * Police only, once anybody could not find the person: whether the whereabouts are still unresolved, who last could
     * not find them, the latest missing-person risk grading, and, once a supervisor closed the case not located, the
     * whereabouts recorded ({@code closedNotLocated}).
     */
    public record NotLocated(boolean unresolved, org.rcrp.handover.process.NotLocatedBy by,
                             org.rcrp.handover.process.MissingPersonRisk riskLevel, Boolean located,
                             org.rcrp.handover.process.Whereabouts whereabouts, boolean closedNotLocated) {
    }

    /** One agency on the case's response plan: the lead first, then supporting, then informed agencies. */
    public record PlannedResponse(Agency agency, org.rcrp.handover.plan.Role role, Grade grade, String reason,
                                  org.rcrp.handover.plan.ResponseState state) {
    }

    public record Location(String description, Boolean urban) {
    }

    public record Subject(String name, Integer ageYears, List<Agency> knownTo) {
    }

    public record Caller(String name, String phone, String relationship) {
    }

    public record Awol(String mhaSection, LocalDate retakeExpiry, Boolean partThree, Boolean dangerous,
                       Boolean particularlyVulnerable, Boolean hospitalSearched, AwolKind kind) {
    }

    /** A walk-out's details; a partner gets what it needs to find the person (PartnerAccess), police all of them. */
    public record Walkout(WalkoutSetting setting, Boolean detained, Boolean riskAssessmentGiven, String description,
                          Instant lastSeen, Boolean capacityConcern) {
    }

    /**
     * The latest triage's answers as the call handler gave them, from the journal: police only (null for partners, and
     * before the first triage). What a risk raised by new information changed is in the decision, not here.
     */
    public record Assessment(Instant at, String by, Boolean crime, Boolean riskToLife, Boolean seriousHarm,
                             Boolean childAtRisk, Boolean medicalEmergency, Boolean missingPerson, Boolean whereaboutsKnown,
                             Boolean entryNeeded, Instant lastSeen, String callerActions, AssessThreshold.Thrive thrive) {
    }

    /** What the threshold table recommended, beside what was decided (route, grade, agency above). */
    public record Recommendation(Route route, Grade grade, Agency agency, String rationale) {
    }

    public record OpenTask(String id, String key, String name, List<String> candidateGroups, String assignee,
                           Date created, Date due) {
    }

    /**
     * Another case about the same person (police only; docs/api.md, Previous contacts): how it ended or where it stands, and
     * what it matched on — a match by phone may be another person on the same number, named here for the handler to judge.
     */
    public record PreviousContact(String id, String reference, Instant loggedAt, Category category, Route route,
                                  ContactOutcome outcome, PreviousContacts.MatchedBy matchedBy, String subjectName,
                                  Integer subjectAge) {
    }

    public record TimelineEntry(Instant at, String type, String actor, String role, String detail) {
    }

    /**
     * A line of GET /api/calls: with the person and place as recorded on the call and when the case last changed (its
     * journal's latest entry; for a partner, not given).
     */
    public record Summary(String id, String reference, Category category, CaseState state, Route route, Agency agency,
                          Agency responsibleAgency, Instant loggedAt, String subjectName, String location, Instant lastUpdate) {

        public Summary(String id, String reference, Category category, CaseState state, Route route, Agency agency,
                       Agency responsibleAgency, Instant loggedAt) {
            this(id, reference, category, state, route, agency, responsibleAgency, loggedAt, null, null, null);
        }
    }

    /** A case found by a search, with the earlier calls about its person (police only; empty for a partner). */
    public record Found(Summary summary, List<PreviousContact> earlierCalls) {
    }
}
