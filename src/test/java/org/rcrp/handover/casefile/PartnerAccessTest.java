package org.rcrp.handover.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.intake.CallRecord;
import org.rcrp.handover.intake.CallRepository;
import org.rcrp.handover.journal.CaseJournal;
import org.rcrp.handover.plan.ResponseState;
import org.rcrp.handover.plan.Role;
import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.ReferralDecision;
import org.rcrp.handover.support.MigratedH2;
import org.springframework.jdbc.core.JdbcTemplate;

/** The rules of what a partner sees (the walks through them are PartnerViewsPostgresIT). */
class PartnerAccessTest {

    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");
    private final PartnerAccess access = new PartnerAccess(mock(HistoryService.class), mock(TaskService.class),
            ZoneId.of("Europe/London"));

    private static CaseJournal.Entry entry(String type, String actor, String role, String detail, String note) {
        return new CaseJournal.Entry(AT, type, actor, role, detail, note, null, null);
    }

    @Test
    void aReferralIsOpenToItsAgencyUntilItEndsOrTheAgencyRejectsItUnlessAChaseGaveItBack() {
        assertThat(PartnerAccess.open(false, null, () -> false)).as("sent, or with the supervisor after silence").isTrue();
        assertThat(PartnerAccess.open(false, ReferralDecision.ACCEPT, () -> true)).as("accepted, outcome to record").isTrue();
        assertThat(PartnerAccess.open(false, ReferralDecision.REJECT, () -> false)).as("rejected").isFalse();
        assertThat(PartnerAccess.open(false, ReferralDecision.REJECT, () -> true)).as("rejected, then chased").isTrue();
        assertThat(PartnerAccess.open(true, ReferralDecision.ACCEPT, () -> true)).as("ended").isFalse();
    }

    @Test
    void childrensAndAdultSocialCareEachWorkTheirOwnReferralsOnly() {
        Actor childsc1 = new Actor("childsc1", Set.of("childrens-social-care"));
        Actor social1 = new Actor("social1", Set.of("social-care"));

        assertThat(PartnerAccess.partnerGroups(childsc1)).containsExactly("childrens-social-care");
        assertThat(ReferralQueries.agenciesOf(childsc1)).containsExactly(Agency.CHILDRENS_SOCIAL_CARE);
        assertThat(PartnerAccess.partnerGroups(social1)).containsExactly("social-care");
        assertThat(ReferralQueries.agenciesOf(social1)).containsExactly(Agency.SOCIAL_CARE);
    }

    @Test
    void whatItsAgencyWroteIsItsOwnAReadIsNot() {
        PartnerAccess.Part part = new PartnerAccess.Part(Set.of("mental-health"), Set.of(), true);
        assertThat(part.wrote(entry("TASK_COMPLETED", "mhcrisis2", "mental-health", "Accept referral", null))).isTrue();
        assertThat(part.wrote(entry("UPDATE", "dual", "call-handlers,mental-health", "New information", "n"))).isTrue();
        assertThat(part.wrote(entry("TASK_COMPLETED", "social1", "social-care", "Accept referral", null))).isFalse();
        assertThat(part.wrote(entry("TASK_COMPLETED", "handler1", "call-handlers", "Inform caller", null))).isFalse();
        assertThat(part.wrote(entry("TASK_COMPLETED", "handler1", "call-handlers",
                "Assess threshold: Assessed: no threshold met. Whereabouts known: no. Entry needed: yes.", null)))
                .as("the triage answers are never a partner's").isFalse();
        assertThat(part.wrote(entry("TRIAGE_DECIDED", "system", null, "REFER", null))).isFalse();
        assertThat(part.wrote(entry("CASE_READ", "mhcrisis1", "mental-health", "read", null))).isFalse();
    }

    @Test
    void othersUpdatesShowWithoutTheirTextWhileOpenAndNotAtAllOnceEnded() {
        List<CaseJournal.Entry> journal = List.of(
                entry("UPDATE", "handler2", "call-handlers", "New information", "Rang her sister on 07700 900461"),
                entry("UPDATE", "social1", "social-care", "New information", "social care's words"),
                entry("UPDATE", "mhcrisis1", "mental-health", "New information", "our words"));
        PartnerAccess.Part open = new PartnerAccess.Part(Set.of("mental-health"), Set.of(), true);

        assertThat(access.timeline(open, journal, List.of())).extracting(CaseView.TimelineEntry::actor, CaseView.TimelineEntry::detail)
                .containsExactly(tuple("police", "New information recorded by police"),
                        tuple("another agency", "New information recorded by another agency"),
                        tuple("mhcrisis1", "New information — our words"));
        PartnerAccess.Part ended = new PartnerAccess.Part(Set.of("mental-health"), Set.of(), false);
        assertThat(access.timeline(ended, journal, List.of(new CaseView.TimelineEntry(AT, "STARTED", "system", null, "Partner referral"))))
                .extracting(CaseView.TimelineEntry::detail).containsExactly("New information — our words");
    }

    @Test
    void ofAWalkOutAPartnerGetsWhatFindsThePersonNotPolicesThresholdAnswers() {
        org.rcrp.handover.intake.CallRecord.Walkout full = new org.rcrp.handover.intake.CallRecord.Walkout(
                org.rcrp.handover.process.WalkoutSetting.EMERGENCY_DEPARTMENT, true, false, "Grey hoodie, limping", AT, true);

        assertThat(PartnerAccess.sharedWalkout(full)).isEqualTo(new CaseView.Walkout(
                org.rcrp.handover.process.WalkoutSetting.EMERGENCY_DEPARTMENT, null, null, "Grey hoodie, limping", AT, null));
        assertThat(PartnerAccess.sharedWalkout(null)).isNull();
    }

    @Test
    void readsAreCountedByTheForcesDay() {
        assertThat(access.startOfDay(Instant.parse("2026-12-06T20:00:00Z"))).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
        // British Summer Time: 23:30 UTC on 1 July is already 2 July in London.
        assertThat(access.startOfDay(Instant.parse("2026-07-01T23:30:00Z"))).isEqualTo(Instant.parse("2026-07-01T23:00:00Z"));
    }

    /** CaseView's fields a partner may get (while its part is open), and those only police ever get: every field is one or the other. */
    private static final Set<String> SHARED = Set.of("id", "reference", "category", "summary", "location", "subject", "state", "route",
            "grade", "agency", "responsibleAgency", "loggedAt", "closedAt", "openTasks", "timeline", "responses",
            // of a walk-out only what finds the person (sharedWalkout)
            "walkout",
            // only the contacts police granted this partner on its request (ContactSharing), name and phone
            "sharedContacts",
            // the s136 detention and its clocks, to the hospital liaison only (who receives the person)
            "s136");
    private static final Set<String> POLICE_ONLY = Set.of("source", "caller", "awol", "assessment", "rationale", "recommendation",
            "overridden", "callerInformed", "loggedBy", "previousContacts",
            // The missing-person grading and investigation are police's; the partner sees the state and its own part.
            "notLocated",
            // incidents, complaints, coroners' reports linked to the case: may be about another agency
            "linkedRecords", "familyContact");

    @Test
    void everyFieldOfTheCaseIsEitherSharedOrPoliceOnlyAndPreviousContactsArePolices() {
        Set<String> fields = Arrays.stream(CaseView.class.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
        assertThat(fields).as("a new field of the case view must be put on the allow-list or declared police-only here")
                .containsExactlyInAnyOrderElementsOf(union(SHARED, POLICE_ONLY));
        assertThat(POLICE_ONLY).contains("previousContacts", "caller", "linkedRecords", "familyContact");
    }

    @Test
    void aPartnersViewsHoldOnlyTheAllowListNeverPreviousContactsNorTheCaller() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(MigratedH2.fresh("partner-views"));
        jdbc.update("INSERT INTO rcrp_call (id, reference, source, category, summary, location_description, location_urban, subject_name,"
                + " subject_age, subject_known_to, caller_name, caller_phone, caller_relationship, awol_mha_section, awol_retake_expiry,"
                + " awol_part_three, awol_dangerous, awol_particularly_vulnerable, awol_hospital_searched, logged_at, logged_by) VALUES"
                + " ('c1', 'CAD-1', 'PUBLIC_999', 'AWOL', 'Absent from the ward', '12 High St', TRUE, 'Mary Jones', 87,"
                + " 'MENTAL_HEALTH,SOCIAL_CARE', 'Cecily Callerton', '07700 900461', 'daughter', 's3', DATE '2027-01-01', TRUE, FALSE,"
                + " TRUE, TRUE, TIMESTAMP WITH TIME ZONE '2026-12-06 10:00:00+00', 'handler1')");
        CallRecord call = new CallRepository(jdbc).findById("c1").orElseThrow();
        PartnerAccess.Part open = new PartnerAccess.Part(Set.of("mental-health"), Set.of("referral-1"), true);
        List<CaseView.OpenTask> tasks = List.of(
                new CaseView.OpenTask("t1", "user_accept_referral", "Accept referral", List.of("mental-health"), null, null, null),
                new CaseView.OpenTask("t2", "user_inform_caller", "Inform caller", List.of("call-handlers"), null, null, null));
        ObjectMapper json = JsonMapper.builder().findAndAddModules().build();

        JsonNode shared = json.valueToTree(PartnerAccess.shared(call, open, Map.of("state", "REFERRED", "route", "REFER",
                "agency", "MENTAL_HEALTH", "rationale", "handler's words"), tasks, List.of(), List.of(
                        new CaseView.PlannedResponse(Agency.POLICE, Role.LEAD, Grade.IMMEDIATE, "police reasons", ResponseState.ATTENDING),
                        new CaseView.PlannedResponse(Agency.SOCIAL_CARE, Role.INFORMED, null, "Known to adult social care", ResponseState.DONE),
                        new CaseView.PlannedResponse(Agency.MENTAL_HEALTH, Role.SUPPORT, null, "crisis team reasons", ResponseState.REQUESTED))));
        assertThat(shared.get("responses")).as("its own part of the plan, never why another agency is on it").hasSize(1);
        assertThat(shared.get("responses").get(0).get("agency").asText()).isEqualTo("MENTAL_HEALTH");
        assertThat(nonNullFields(shared)).as("only the allow-list").isSubsetOf(SHARED).contains("summary", "subject", "state", "openTasks");
        assertThat(shared.has("previousContacts")).as("previous contacts are not even named").isFalse();
        assertThat(shared.has("caller")).isFalse();
        assertThat(shared.has("sharedContacts")).as("nothing shared without a grant").isFalse();
        assertThat(shared.has("familyContact")).isFalse();
        assertThat(shared.toString()).doesNotContain("Callerton").doesNotContain("07700").doesNotContain("handler1")
                .doesNotContain("SOCIAL_CARE").doesNotContain("t2");

        JsonNode own = json.valueToTree(PartnerAccess.ownEntries(call, List.of(new CaseView.TimelineEntry(AT, "TASK_COMPLETED",
                "mhcrisis1", "mental-health", "Referral rejected"))));
        assertThat(nonNullFields(own)).containsExactlyInAnyOrder("id", "reference", "openTasks", "timeline");
        assertThat(own.has("previousContacts")).isFalse();
    }

    private static List<String> nonNullFields(JsonNode view) {
        List<String> fields = new java.util.ArrayList<>();
        view.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                fields.add(field.getKey());
            }
        });
        return fields;
    }

    private static Set<String> union(Set<String> one, Set<String> other) {
        Set<String> both = new java.util.HashSet<>(one);
        both.addAll(other);
        return both;
    }

    @Test
    void onlyTheGroupsOfAgenciesArePartnerGroups() {
        assertThat(PartnerAccess.partnerGroups(new Actor("dual", Set.of("call-handlers", "mental-health", "hospital-liaison"))))
                .containsExactlyInAnyOrder("mental-health", "hospital-liaison");
    }
}
