package org.rcrp.handover.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.casefile.CaseView;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.CaseState;
import org.rcrp.handover.process.Conveyance;
import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.Route;

/** The words the case page uses for codes and its chronology (newest first, audit rows on request). */
class CasePageWordsTest {

    private static final String CODE = "\\b[A-Z0-9]+_[A-Z0-9_]+\\b";

    private final Labels labels = new Labels();

    @Test
    void everyValueReadsAsWordsEvenWithoutItsOwnLabel() {
        assertThat(labels.of(CaseState.REFERRED)).isEqualTo("Referred to a partner");
        assertThat(labels.of(Agency.MENTAL_HEALTH)).isEqualTo("Mental health crisis team");
        assertThat(labels.of(Grade.IMMEDIATE)).isEqualTo("Immediate");
        assertThat(labels.of(Conveyance.AMBULANCE)).as("no label of its own").isEqualTo("Ambulance");
        assertThat(labels.of(null)).isEqualTo("—");
        assertThat(labels.of("DISCHARGED_WITH_FOLLOW_UP")).isEqualTo("Discharged with follow-up");
        assertThat(labels.list(List.of(Agency.MENTAL_HEALTH, Agency.SOCIAL_CARE))).isEqualTo("Mental health crisis team, Adult social care");
        for (Class<? extends Enum<?>> codes : List.<Class<? extends Enum<?>>>of(CaseState.class, Agency.class, Grade.class,
                Route.class)) {
            for (Enum<?> constant : codes.getEnumConstants()) {
                assertThat(labels.of(constant)).as("%s", constant).doesNotContainPattern(CODE).isNotEqualTo(constant.name());
            }
        }
    }

    @Test
    void theSystemsSentencesLoseTheirCodesAndTheirIsoTimes() {
        assertThat(labels.text("Caller informed by PHONE")).isEqualTo("Caller informed by phone");
        assertThat(labels.text("Partner referral to AMBULANCE")).isEqualTo("Partner referral to ambulance service");
        assertThat(labels.text("Referral rejected: NOT_OUR_SERVICE")).isEqualTo("Referral rejected: not our service");
        assertThat(labels.text("Police added at IMMEDIATE beside MENTAL_HEALTH"))
                .isEqualTo("Police added at immediate beside mental health crisis team");
        assertThat(labels.text("Something SHOUTED_NEW_CODE here")).isEqualTo("Something shouted new code here");
        assertThat(labels.text("Referral accepted, category C1, ETA 2026-12-07T14:30:00Z"))
                .isEqualTo("Referral accepted, category C1, ETA Mon 7 Dec 2026, 14:30:00 GMT");
        assertThat(labels.text("Referral to NHS111 by CAD")).as("unknown capitals such as CAD stay").isEqualTo("Referral to NHS 111 by CAD");
        assertThat(labels.rationale("Override of the recommendation (REFER to MENTAL_HEALTH): SHE SAID NO_WAY"))
                .as("the handler's reason as written").isEqualTo("Override of the recommendation (referral to mental health crisis team): SHE SAID NO_WAY");
        assertThat(labels.event("TASK_CLAIMED")).isEqualTo("Task claimed");
        assertThat(labels.event("PLAN_NOTICE_FAILED")).as("a type without its own words").isEqualTo("Plan notice failed");
        assertThat(labels.group("police-supervisors")).isEqualTo("police supervisor");
    }

    @Test
    void theChronologyIsNewestFirstWithAuditRowsOnRequestAndThePersonsWordsUntouched() {
        Instant start = Instant.parse("2026-06-01T10:00:00Z");
        List<CaseView.TimelineEntry> timeline = List.of(
                new CaseView.TimelineEntry(start, "CALL_LOGGED", "handler1", "call-handlers",
                        "CONCERN_FOR_WELFARE from PUBLIC_999: FIRE at the flat, POLICE there"),
                new CaseView.TimelineEntry(start.plusSeconds(1), "TASK_CREATED", "system", null, "Assess threshold"),
                new CaseView.TimelineEntry(start.plusSeconds(60), "TASK_CLAIMED", "handler2", "call-handlers", "Assess threshold"),
                new CaseView.TimelineEntry(start.plusSeconds(90), "SYSTEM", "system", null, "Inform agencies"),
                new CaseView.TimelineEntry(start.plusSeconds(120), "UPDATE", "handler1", "call-handlers,managers",
                        "New information — He said: CALL_POLICE NOW"));

        Chronology plain = Chronology.of(timeline, labels, false);
        assertThat(plain.hidden()).isEqualTo(3);
        assertThat(plain.rows()).extracting(Chronology.Row::what).containsExactly("New information", "Call logged");
        assertThat(plain.rows().get(0).detail()).as("what the person wrote, exactly").isEqualTo("New information — He said: CALL_POLICE NOW");
        assertThat(plain.rows().get(0).who()).isEqualTo("handler1 (call handler, managers)");
        assertThat(plain.rows().get(1).detail()).as("the caller's words as typed")
                .isEqualTo("Concern for welfare from 999 call: FIRE at the flat, POLICE there");
        CaseView.TimelineEntry triage = new CaseView.TimelineEntry(start, "TASK_COMPLETED", "handler1", "call-handlers",
                "Assess threshold: Assessed: no threshold met. Rationale: HIGH risk said the GP. Override to POLICE_ATTEND IMMEDIATE");
        assertThat(Chronology.of(List.of(triage), labels, false).rows().get(0).detail())
                .isEqualTo("Assess threshold: Assessed: no threshold met. Rationale: HIGH risk said the GP. Override to police attendance immediate");

        Chronology all = Chronology.of(timeline, labels, true);
        assertThat(all.hidden()).isZero();
        assertThat(all.rows()).extracting(Chronology.Row::what)
                .containsExactly("New information", "System step", "Task claimed", "Task created", "Call logged");
        assertThat(all.rows()).extracting(Chronology.Row::audit).containsExactly(false, true, true, true, false);
        assertThat(all.rows().get(1).who()).isEqualTo("Automatic");
    }
}
