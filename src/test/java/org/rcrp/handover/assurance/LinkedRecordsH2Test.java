package org.rcrp.handover.assurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.journal.CaseJournal;
import org.rcrp.handover.operations.EngineClock;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.InvalidInputException;
import org.rcrp.handover.support.MigratedH2;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** Records linked to a case on H2 through the migrations: who may link, every bad field named, the note in the journal. */
class LinkedRecordsH2Test {

    private static final Actor MANAGER = new Actor("manager1", Set.of("managers"));
    private static final Actor SUPERVISOR = new Actor("supervisor1", Set.of("police-supervisors"));

    private JdbcTemplate jdbc;
    private CaseJournal journal;
    private LinkedRecords records;
    private String caseId;

    @BeforeEach
    void aCase() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-06-10T12:00:00Z")));
        jdbc = new JdbcTemplate(MigratedH2.fresh("linked"));
        journal = new CaseJournal(jdbc, EngineClock.INSTANCE);
        records = new LinkedRecords(jdbc, journal, EngineClock.INSTANCE);
        caseId = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO rcrp_call (id, reference, source, category, summary, logged_at, logged_by)"
                + " VALUES (?, ?, 'PUBLIC_999', 'CONCERN_FOR_WELFARE', 'test', ?, 'handler1')", caseId, "REF-" + caseId,
                Timestamp.from(Instant.parse("2026-06-01T10:00:00Z")));
    }

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void aManagerLinksARecordAndItsNoteIsTheJournals() {
        LinkedRecords.LinkedRecord linked = records.link(caseId, new LinkedRecords.NewLinkedRecord("CORONER_REPORT", "2026-06-08",
                " PFD-2026-0117 ", "Regulation 28 report names the delay"), MANAGER);

        assertThat(linked.type()).isEqualTo(LinkedRecordType.CORONER_REPORT);
        assertThat(linked.occurredOn()).isEqualTo(LocalDate.parse("2026-06-08"));
        assertThat(linked.reference()).isEqualTo("PFD-2026-0117");
        assertThat(records.of(caseId)).singleElement().satisfies(record -> {
            assertThat(record.note()).isEqualTo("Regulation 28 report names the delay");
            assertThat(record.recordedBy()).isEqualTo("manager1");
        });
        assertThat(journal.entries(caseId)).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(LinkedRecords.LINKED);
            assertThat(entry.note()).isEqualTo("Regulation 28 report names the delay");
            assertThat(entry.actor()).isEqualTo("manager1");
        });
        assertThat(jdbc.queryForList("SELECT * FROM rcrp_linked_record").get(0)).doesNotContainKey("NOTE");
    }

    @Test
    void aSupervisorLinksOneWithoutReferenceOrNote() {
        records.link(caseId, new LinkedRecords.NewLinkedRecord("INCIDENT", "2026-06-02", null, null), SUPERVISOR);

        assertThat(records.of(caseId)).singleElement().satisfies(record -> {
            assertThat(record.reference()).isNull();
            assertThat(record.note()).isNull();
        });
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsKept() {
        assertThatThrownBy(() -> records.link(caseId, new LinkedRecords.NewLinkedRecord("RUMOUR", "next week", "x".repeat(65),
                "y".repeat(4001)), MANAGER))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.errors())
                        .extracting(FieldError::field).containsExactly("type", "occurredOn", "reference", "note"));
        assertThatThrownBy(() -> records.link(caseId, new LinkedRecords.NewLinkedRecord(null, "2026-07-01", null, null), MANAGER))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.errors())
                        .containsExactly(new FieldError("type", "is required"), new FieldError("occurredOn", "must not be in the future")));

        assertThat(records.of(caseId)).isEmpty();
        assertThat(journal.entries(caseId)).isEmpty();
    }

    @Test
    void officersCallHandlersAndPartnersDoNotLinkAndPartnersDoNotRead() {
        for (Actor actor : new Actor[] {new Actor("officer1", Set.of("response-officers")),
                new Actor("handler1", Set.of("call-handlers")), new Actor("mhcrisis1", Set.of("mental-health"))}) {
            assertThatThrownBy(() -> records.link(caseId, new LinkedRecords.NewLinkedRecord("INCIDENT", "2026-06-02", null, null),
                    actor)).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(LinkedRecords.mayRead(new Actor("officer1", Set.of("response-officers")))).isTrue();
        assertThat(LinkedRecords.mayRead(MANAGER)).isTrue();
        assertThat(LinkedRecords.mayRead(new Actor("mhcrisis1", Set.of("mental-health")))).isFalse();
        assertThat(records.of(caseId)).isEmpty();
    }
}
