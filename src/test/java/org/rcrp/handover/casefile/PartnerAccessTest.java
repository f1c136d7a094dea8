package org.rcrp.handover.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.journal.CaseJournal;
import org.rcrp.handover.process.ReferralDecision;

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
        CaseView.Walkout full = new CaseView.Walkout(org.rcrp.handover.process.WalkoutSetting.EMERGENCY_DEPARTMENT, true, false,
                "Grey hoodie, limping", AT, true);

        assertThat(PartnerAccess.shared(full)).isEqualTo(new CaseView.Walkout(
                org.rcrp.handover.process.WalkoutSetting.EMERGENCY_DEPARTMENT, null, null, "Grey hoodie, limping", AT, null));
        assertThat(PartnerAccess.shared(null)).isNull();
    }

    @Test
    void readsAreCountedByTheForcesDay() {
        assertThat(access.startOfDay(Instant.parse("2026-12-06T20:00:00Z"))).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
        // British Summer Time: 23:30 UTC on 1 July is already 2 July in London.
        assertThat(access.startOfDay(Instant.parse("2026-07-01T23:30:00Z"))).isEqualTo(Instant.parse("2026-07-01T23:00:00Z"));
    }

    @Test
    void onlyTheGroupsOfAgenciesArePartnerGroups() {
        assertThat(PartnerAccess.partnerGroups(new Actor("dual", Set.of("call-handlers", "mental-health", "hospital-liaison"))))
                .containsExactlyInAnyOrder("mental-health", "hospital-liaison");
    }
}
