package org.rcrp.handover.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.variable.value.TypedValue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rcrp.handover.attendance.Attend;
import org.rcrp.handover.referral.AcceptReferral;
import org.rcrp.handover.referral.RecordPartnerOutcome;
import org.rcrp.handover.referral.SupervisorReview;
import org.rcrp.handover.s136.AcceptHandover;
import org.rcrp.handover.s136.CompleteAssessment;
import org.rcrp.handover.s136.RecordArrival;
import org.rcrp.handover.triage.AssessThreshold;
import org.rcrp.handover.triage.AssessThreshold.OverrideChoice;
import org.rcrp.handover.triage.InformCaller;

/**
 * The bodies that complete user tasks: what each refuses (named by JSON path, as the API reports it)
 * and the process variables each turns into.
 */
class TaskCompletionsTest {

    private static final Map<String, Object> NO_TASK_VARIABLES = Map.of();
    /** What a person wrote: it goes to the journal with the task's entry, never to the engine. */
    private static final String WRITTEN = "Rang Mrs Example back on 07700 900123";

    /** The values a completion sends, unwrapped from the typed values of transient ones. */
    private static Map<String, Object> values(Map<String, Object> variables) {
        Map<String, Object> values = new HashMap<>();
        variables.forEach((name, value) -> values.put(name, value instanceof TypedValue typed ? typed.getValue() : value));
        return values;
    }

    /** The names a completion sends as transient variables, which the engine never stores. */
    private static Set<String> transientNames(Map<String, Object> variables) {
        return variables.entrySet().stream()
                .filter(entry -> entry.getValue() instanceof TypedValue typed && typed.isTransient())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static List<String> fields(TaskCompletion completion) {
        return fields(completion, NO_TASK_VARIABLES);
    }

    private static List<String> fields(TaskCompletion completion, Map<String, Object> taskVariables) {
        return completion.validate(taskVariables).stream().map(FieldError::field).toList();
    }

    @Test
    void everyCompletionNamesTheTaskItCompletes() {
        assertThat(AssessThreshold.answers(false, false, false, false, false, false, "r").taskKey()).isEqualTo("user_assess_threshold");
        assertThat(new InformCaller(InformMethod.PHONE, null).taskKey()).isEqualTo("user_inform_caller");
        assertThat(new Attend(AttendOutcome.RESOLVED, null, null).taskKey()).isEqualTo("user_attend");
        assertThat(new AcceptReferral(ReferralDecision.ACCEPT, null, null).taskKey()).isEqualTo("user_accept_referral");
        assertThat(new RecordPartnerOutcome(PartnerOutcome.ASSESSED, null).taskKey()).isEqualTo("user_record_partner_outcome");
        assertThat(new SupervisorReview(SupervisorAction.CHASE, null, "n").taskKey()).isEqualTo("user_supervisor_review");
        assertThat(new AcceptHandover(null).taskKey()).isEqualTo("user_accept_handover");
    }

    @Test
    void aCompletionNamesTheAgencyItRefersTheCaseToByItsField() {
        AssessThreshold nothingMet = AssessThreshold.answers(false, false, false, false, false, false, "r");
        assertThat(nothingMet.withOverride(Route.REFER, Agency.FIRE, "reason").referredTo())
                .isEqualTo(Map.of("override.agency", Agency.FIRE));
        assertThat(nothingMet.referredTo()).as("the table's own recommendation is no one's choice").isEmpty();
        assertThat(nothingMet.withOverride(Route.ADVICE_AND_CLOSE, Agency.FIRE, "reason").referredTo()).isEmpty();
        assertThat(new SupervisorReview(SupervisorAction.REROUTE, Agency.FIRE, "n").referredTo()).isEqualTo(Map.of("agency", Agency.FIRE));
        assertThat(new SupervisorReview(SupervisorAction.CHASE, Agency.FIRE, "n").referredTo()).isEmpty();
        assertThat(new Attend(AttendOutcome.REFER_PARTNER, Agency.FIRE, null).referredTo()).isEqualTo(Map.of("agency", Agency.FIRE));
        assertThat(new Attend(AttendOutcome.RESOLVED, Agency.FIRE, null).referredTo()).isEmpty();
        assertThat(new AcceptReferral(ReferralDecision.ACCEPT, null, null).referredTo()).isEmpty();
        assertThat(new InformCaller(InformMethod.PHONE, null).referredTo()).isEmpty();
    }

    /** Each text field of each body: its JSON path and its limit (TextLimits), with the body holding text of a length. */
    static Stream<Arguments> textFields() {
        Map<String, Object> review = Map.of("reason", ReviewReason.TRIAGE_OVERDUE.name());
        return Stream.of(
                Arguments.of("rationale", TextLimits.RATIONALE, NO_TASK_VARIABLES, (Function<String, TaskCompletion>)
                        text -> AssessThreshold.answers(false, false, false, false, false, false, text)),
                Arguments.of("override.reason", TextLimits.REASON, NO_TASK_VARIABLES, (Function<String, TaskCompletion>)
                        text -> AssessThreshold.answers(false, false, false, false, false, false, "r")
                                .withOverride(Route.REFER, Agency.MENTAL_HEALTH, text)),
                Arguments.of("callerActions", TextLimits.CALLER_ACTIONS, NO_TASK_VARIABLES, (Function<String, TaskCompletion>)
                        text -> AssessThreshold.answers(false, false, false, false, false, false, "r")
                                .withWelfare(true, false, null, text)),
                Arguments.of("thrive.threat", TextLimits.THRIVE, NO_TASK_VARIABLES, (Function<String, TaskCompletion>)
                        text -> AssessThreshold.answers(false, false, false, false, false, false, "r")
                                .withThrive(new AssessThreshold.Thrive(text, null, null, null, null, null))),
                Arguments.of("thrive.engagement", TextLimits.THRIVE, NO_TASK_VARIABLES, (Function<String, TaskCompletion>)
                        text -> AssessThreshold.answers(false, false, false, false, false, false, "r")
                                .withThrive(new AssessThreshold.Thrive("t", "h", "r", "i", "v", text))),
                Arguments.of("note", TextLimits.NOTE, NO_TASK_VARIABLES, (Function<String, TaskCompletion>)
                        text -> new InformCaller(InformMethod.PHONE, text)),
                Arguments.of("note", TextLimits.NOTE, NO_TASK_VARIABLES, (Function<String, TaskCompletion>)
                        text -> new Attend(AttendOutcome.RESOLVED, null, text)),
                Arguments.of("note", TextLimits.NOTE, NO_TASK_VARIABLES, (Function<String, TaskCompletion>)
                        text -> new AcceptReferral(ReferralDecision.ACCEPT, null, text)),
                Arguments.of("note", TextLimits.NOTE, NO_TASK_VARIABLES, (Function<String, TaskCompletion>)
                        text -> new RecordPartnerOutcome(PartnerOutcome.ASSESSED, text)),
                Arguments.of("note", TextLimits.NOTE, review, (Function<String, TaskCompletion>)
                        text -> new SupervisorReview(SupervisorAction.CHASE, null, text)),
                Arguments.of("note", TextLimits.NOTE, NO_TASK_VARIABLES, (Function<String, TaskCompletion>)
                        text -> new AcceptHandover(text)),
                Arguments.of("conveyanceReason", TextLimits.S136_REASON, NO_TASK_VARIABLES, (Function<String, TaskCompletion>)
                        text -> new RecordArrival(null, SOON_AGO, Conveyance.POLICE_VEHICLE, text, PlaceOfSafety.HEALTH_BASED, null)),
                Arguments.of("agreedWithPolice", TextLimits.NAME, NO_TASK_VARIABLES, (Function<String, TaskCompletion>)
                        text -> new AcceptHandover(HandoverDecision.AGREE_DELAY, IN_AN_HOUR, text, "n")),
                Arguments.of("riskAssessment", TextLimits.S136_REASON, Map.of("reason", ReviewReason.HANDOVER_OVERDUE.name()),
                        (Function<String, TaskCompletion>) text -> new SupervisorReview(SupervisorAction.WITHDRAW, null, "n", text)),
                Arguments.of("note", TextLimits.NOTE, NO_TASK_VARIABLES, (Function<String, TaskCompletion>)
                        text -> new CompleteAssessment(null, AssessmentOutcome.DISCHARGED, text)));
    }

    private static final java.time.OffsetDateTime SOON_AGO = java.time.OffsetDateTime.now().minusMinutes(5);
    private static final java.time.OffsetDateTime IN_AN_HOUR = java.time.OffsetDateTime.now().plusHours(1);

    @ParameterizedTest(name = "{0} of {3}")
    @MethodSource("textFields")
    void eachTextFieldTakesItsLimitAndRefusesOneCharacterMore(String field, int limit, Map<String, Object> taskVariables,
                                                               Function<String, TaskCompletion> body) {
        assertThat(body.apply("x".repeat(limit)).validate(taskVariables)).isEmpty();
        assertThat(body.apply("x".repeat(limit + 1)).validate(taskVariables))
                .containsExactly(new FieldError(field, "must be at most " + limit + " characters"));
    }

    static Stream<TaskCompletion> bodiesWithWhatAPersonWrote() {
        return Stream.of(
                new AssessThreshold(false, false, false, false, false, false, WRITTEN,
                        new OverrideChoice(Route.REFER, Agency.SOCIAL_CARE, null, WRITTEN)),
                AssessThreshold.answers(false, false, false, false, false, false, "r").withWelfare(false, true, null, WRITTEN)
                        .withThrive(new AssessThreshold.Thrive(WRITTEN, WRITTEN, WRITTEN, WRITTEN, WRITTEN, WRITTEN)),
                new InformCaller(InformMethod.PHONE, WRITTEN),
                new InformCaller(InformMethod.NOT_REACHABLE, WRITTEN),
                new Attend(AttendOutcome.REFER_PARTNER, Agency.MENTAL_HEALTH, WRITTEN),
                new AcceptReferral(ReferralDecision.ACCEPT, null, WRITTEN),
                new AcceptReferral(ReferralDecision.REJECT, RejectionReason.OTHER, WRITTEN),
                new RecordPartnerOutcome(PartnerOutcome.PASSED_BACK, WRITTEN),
                new SupervisorReview(SupervisorAction.CLOSE, null, WRITTEN),
                new AcceptHandover(WRITTEN),
                new AcceptHandover(HandoverDecision.AGREE_DELAY, IN_AN_HOUR, WRITTEN, WRITTEN),
                new RecordArrival(null, SOON_AGO, Conveyance.OTHER, WRITTEN, PlaceOfSafety.HEALTH_BASED, WRITTEN),
                new Attend(AttendOutcome.S136_DETENTION, null, WRITTEN,
                        new S136Details(SOON_AGO, null, Conveyance.POLICE_VEHICLE, WRITTEN, PlaceOfSafety.EMERGENCY_DEPARTMENT)),
                new CompleteAssessment(null, AssessmentOutcome.ADMITTED_INFORMALLY, WRITTEN));
    }

    /**
     * What a person wrote stays out of the engine, whose history keeps every variable for years and shows it in
     * Cockpit: not even as a transient variable, and not for a case that already stores a note of the same name.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bodiesWithWhatAPersonWrote")
    void noBodyHandsWhatAPersonWroteToTheEngine(TaskCompletion body) {
        Map<String, Object> newCase = Map.of("reason", ReviewReason.NO_RESPONSE.name());
        Map<String, Object> oldCase = new HashMap<>(newCase);
        for (String old : List.of("triageRationale", "overrideReason", "informNote", "attendNote", "decisionNote",
                "outcomeNote", "supervisorNote", "handoverNote", "rationale")) {
            oldCase.put(old, "written before");
        }
        for (Map<String, Object> taskVariables : List.of(newCase, oldCase)) {
            assertThat(body.validate(taskVariables)).isEmpty();
            assertThat(values(body.variables(taskVariables)).values())
                    .noneMatch(value -> value instanceof String text && text.contains(WRITTEN));
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class AssessThresholdBody {

        private final AssessThreshold nothingMet =
                AssessThreshold.answers(false, false, false, false, false, false, "Caller's account: no threshold met");

        @Test
        void completeAnswersAreValid() {
            assertThat(nothingMet.validate(NO_TASK_VARIABLES)).isEmpty();
        }

        @Test
        void everyThresholdQuestionAndTheRationaleMustBeAnswered() {
            AssessThreshold empty = new AssessThreshold(null, null, null, null, null, null, null, null);
            assertThat(fields(empty)).containsExactlyInAnyOrder("crime", "riskToLife", "seriousHarm", "childAtRisk",
                    "medicalEmergency", "missingPerson", "rationale");
        }

        @ParameterizedTest(name = "rationale \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void aBlankRationaleIsRefused(String rationale) {
            assertThat(fields(AssessThreshold.answers(false, false, false, false, false, false, rationale)))
                    .containsExactly("rationale");
        }

        @Test
        void anOverrideNeedsAReasonNamedOverrideReason() {
            assertThat(fields(nothingMet.withOverride(Route.REFER, Agency.MENTAL_HEALTH, " "))).containsExactly("override.reason");
        }

        @Test
        void anOverrideNeedsARoute() {
            assertThat(fields(nothingMet.withOverride(null, null, "reason"))).containsExactly("override.route");
        }

        @Test
        void aReferralOverrideNeedsAnAgencyThatTakesReferrals() {
            assertThat(fields(nothingMet.withOverride(Route.REFER, null, "reason"))).containsExactly("override.agency");
            assertThat(fields(nothingMet.withOverride(Route.REFER, Agency.POLICE, "reason"))).containsExactly("override.agency");
        }

        @Test
        void anOverrideCannotTakePoliceAwayFromTheRiskTheHandlerRecorded() {
            AssessThreshold riskToLife = AssessThreshold.answers(false, true, false, false, false, false, "Threatening to jump");
            assertThat(fields(riskToLife.withOverride(Route.REFER, Agency.MENTAL_HEALTH, "crisis team is there")))
                    .containsExactly("override.route");
            AssessThreshold seriousHarm = AssessThreshold.answers(false, false, true, false, false, false, "Being assaulted");
            assertThat(fields(seriousHarm.withOverride(Route.ADVICE_AND_CLOSE, null, "caller calmer")))
                    .containsExactly("override.route");
        }

        @Test
        void anOverrideToPoliceIsValidWithRiskToLife() {
            AssessThreshold riskToLife = AssessThreshold.answers(false, true, false, false, false, false, "Threatening to jump");
            assertThat(riskToLife.withOverride(Route.POLICE_ATTEND, null, "confirming").validate(NO_TASK_VARIABLES)).isEmpty();
        }

        @Test
        void variablesCarryTheAnswersWithoutAnOverrideAndTheJournalTheStrippedRationale() {
            AssessThreshold answers = AssessThreshold.answers(true, false, true, false, true, false, "  Shop theft, injured  ");
            assertThat(answers.summary()).endsWith("Rationale: Shop theft, injured");
            assertThat(answers.note()).isNull();
            assertThat(values(answers.variables(NO_TASK_VARIABLES)))
                    .containsEntry("crime", true)
                    .containsEntry("riskToLife", false)
                    .containsEntry("seriousHarm", true)
                    .containsEntry("childAtRisk", false)
                    .containsEntry("medicalEmergency", true)
                    .containsEntry("missingPerson", false)
                    .containsEntry("overrideRoute", null)
                    .containsEntry("overrideAgency", null)
                    .containsEntry("overrideGrade", null)
                    .doesNotContainKeys("triageRationale", "overrideReason");
        }

        @Test
        void variablesCarryTheOverrideAsNamesAndTheJournalItsReason() {
            AssessThreshold overridden = new AssessThreshold(false, false, false, false, false, false, "rationale",
                    new OverrideChoice(Route.POLICE_ATTEND, null, Grade.IMMEDIATE, "known weapon at the address"));
            assertThat(overridden.validate(NO_TASK_VARIABLES)).isEmpty();
            assertThat(values(overridden.variables(NO_TASK_VARIABLES)))
                    .containsEntry("overrideRoute", "POLICE_ATTEND")
                    .containsEntry("overrideAgency", null)
                    .containsEntry("overrideGrade", "IMMEDIATE")
                    .doesNotContainKey("overrideReason");
            assertThat(overridden.summary()).endsWith("Override to POLICE_ATTEND IMMEDIATE");
            assertThat(overridden.note()).isEqualTo("known weapon at the address");
        }

        @Test
        void theAnswersAreTransientTheJournalKeepsThem() {
            AssessThreshold answers = AssessThreshold.answers(true, false, true, false, true, false, "Shop theft");
            assertThat(transientNames(answers.variables(NO_TASK_VARIABLES))).containsExactlyInAnyOrder("crime",
                    "riskToLife", "seriousHarm", "childAtRisk", "medicalEmergency", "missingPerson", "entryNeeded",
                    "whereaboutsKnown", "overrideRoute", "overrideAgency", "overrideGrade", "overrideAddAgencies");
            assertThat(answers.summary()).contains("crime", "serious harm", "medical emergency", "Shop theft");
        }

        @Test
        void theNewQuestionsAreOptionalSoEarlierClientsStillComplete() {
            assertThat(nothingMet.entryNeeded()).isNull();
            assertThat(nothingMet.thrive()).isNull();
            assertThat(nothingMet.validate(NO_TASK_VARIABLES)).isEmpty();
            assertThat(values(nothingMet.variables(NO_TASK_VARIABLES))).containsEntry("entryNeeded", null)
                    .containsEntry("whereaboutsKnown", null);
        }

        @Test
        void whenThePersonWasLastSeenIsNeverInTheFuture() {
            java.time.OffsetDateTime now = java.time.OffsetDateTime.parse("2026-12-06T14:00:00Z");
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(now.toInstant()));
            try {
                assertThat(fields(nothingMet.withWelfare(false, true, now.minusHours(30), "Knocked, no answer"))).isEmpty();
                assertThat(fields(nothingMet.withWelfare(false, true, now.plusSeconds(60), null))).as("a minute's grace").isEmpty();
                assertThat(nothingMet.withWelfare(false, true, now.plusSeconds(61), null).validate(NO_TASK_VARIABLES))
                        .containsExactly(new FieldError("lastSeen", "must not be in the future"));
            } finally {
                org.camunda.bpm.engine.impl.util.ClockUtil.reset();
            }
        }

        @Test
        void entryNeededAndWhereaboutsKnownTravelAsTransientAnswersTheTextsOnlyToTheJournal() {
            java.time.OffsetDateTime lastSeen = java.time.OffsetDateTime.parse("2026-12-05T09:30:00Z");
            AssessThreshold welfare = nothingMet.withWelfare(false, true, lastSeen, "  Knocked and rang, no answer  ")
                    .withThrive(new AssessThreshold.Thrive("None seen", "Fall?", "Alone, 84", null, "Not known", "Neighbour has a key"));

            Map<String, Object> variables = welfare.variables(NO_TASK_VARIABLES);
            assertThat(values(variables)).containsEntry("entryNeeded", true).containsEntry("whereaboutsKnown", false)
                    .doesNotContainKeys("lastSeen", "callerActions", "thrive");
            assertThat(transientNames(variables)).contains("entryNeeded", "whereaboutsKnown");
            assertThat(welfare.summary()).contains("Whereabouts known: no", "Entry needed: yes", "Last seen: 2026-12-05T09:30:00Z")
                    .doesNotContain("Knocked").doesNotContain("Neighbour has a key");
            assertThat(welfare.answers()).containsEntry("whereaboutsKnown", "false").containsEntry("entryNeeded", "true")
                    .containsEntry("lastSeen", "2026-12-05T09:30:00Z").containsEntry("callerActions", "Knocked and rang, no answer")
                    .containsEntry("thrive.threat", "None seen").containsEntry("thrive.engagement", "Neighbour has a key")
                    .containsEntry("riskToLife", "false").doesNotContainKey("thrive.investigation");
            AssessThreshold read = AssessThreshold.fromAnswers(welfare.answers());
            assertThat(read).usingRecursiveComparison().ignoringFields("rationale", "callerActions").isEqualTo(welfare);
            assertThat(read.callerActions()).isEqualTo("Knocked and rang, no answer");
            assertThat(read.rationale()).as("the rationale is the entry's detail, not an answer").isNull();
        }

        @Test
        void aCaseThatStoresAnAnswerAlreadyHasItUpdatedNotShadowed() {
            Map<String, Object> stored = Map.of("crime", false, "overrideRoute", "REFER");
            Map<String, Object> variables = AssessThreshold.answers(true, false, false, false, false, false, "r")
                    .variables(stored);
            assertThat(variables).containsEntry("crime", true).containsEntry("overrideRoute", null);
            assertThat(transientNames(variables)).doesNotContain("crime", "overrideRoute").contains("riskToLife");
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class InformCallerBody {

        @Test
        void aMethodIsRequired() {
            assertThat(fields(new InformCaller(null, "note"))).containsExactly("method");
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = InformMethod.class, names = {"PHONE", "SMS"})
        void aCallerWhoWasToldNeedsNoNote(InformMethod method) {
            assertThat(new InformCaller(method, null).validate(NO_TASK_VARIABLES)).isEmpty();
        }

        @ParameterizedTest(name = "note \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {" "})
        void anUnreachableCallerNeedsANoteOfWhatWasTried(String note) {
            assertThat(fields(new InformCaller(InformMethod.NOT_REACHABLE, note))).containsExactly("note");
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = InformMethod.class, names = {"PHONE", "SMS"})
        void tellingTheCallerMarksTheCallerInformed(InformMethod method) {
            assertThat(values(new InformCaller(method, "told to call back").variables(NO_TASK_VARIABLES)))
                    .containsEntry("informMethod", method.name())
                    .containsEntry("callerInformed", true)
                    .doesNotContainKey("informNote");
        }

        @Test
        void anUnreachableCallerIsNotInformed() {
            assertThat(values(new InformCaller(InformMethod.NOT_REACHABLE, "no answer twice").variables(NO_TASK_VARIABLES)))
                    .containsEntry("informMethod", "NOT_REACHABLE")
                    .containsEntry("callerInformed", false);
        }

        @Test
        void aCallerOnceInformedStaysInformedWhenALaterAttemptFails() {
            Map<String, Object> told = Map.of("callerInformed", true);
            assertThat(new InformCaller(InformMethod.NOT_REACHABLE, "no answer").variables(told))
                    .containsEntry("callerInformed", true);
        }

        @Test
        void anEarlierFailedAttemptDoesNotStopTheCallerBeingInformedNow() {
            Map<String, Object> notYet = Map.of("callerInformed", false);
            assertThat(new InformCaller(InformMethod.SMS, null).variables(notYet)).containsEntry("callerInformed", true);
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class AttendBody {

        @Test
        void anOutcomeIsRequired() {
            assertThat(fields(new Attend(null, null, null))).containsExactly("outcome");
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = AttendOutcome.class, names = "REFER_PARTNER", mode = EnumSource.Mode.EXCLUDE)
        void outcomesOtherThanReferralNeedNoAgency(AttendOutcome outcome) {
            assertThat(new Attend(outcome, null, null).validate(NO_TASK_VARIABLES)).isEmpty();
        }

        @Test
        void referringOnNeedsAnAgency() {
            assertThat(fields(new Attend(AttendOutcome.REFER_PARTNER, null, null))).containsExactly("agency");
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = Agency.class, names = {"POLICE", "NHS111", "HOSPITAL"})
        void referringOnNeedsAnAgencyThatTakesReferrals(Agency agency) {
            assertThat(fields(new Attend(AttendOutcome.REFER_PARTNER, agency, null))).containsExactly("agency");
        }

        @Test
        void referringOnToTheCrisisTeamIsValidAndSetsTheAgency() {
            Attend attend = new Attend(AttendOutcome.REFER_PARTNER, Agency.MENTAL_HEALTH, "known to CMHT");
            assertThat(attend.validate(NO_TASK_VARIABLES)).isEmpty();
            assertThat(attend.variables(NO_TASK_VARIABLES))
                    .containsEntry("attendOutcome", "REFER_PARTNER")
                    .doesNotContainKey("attendNote")
                    .containsEntry("agency", "MENTAL_HEALTH");
        }

        @Test
        void anAgencyGivenWithAnotherOutcomeIsNotPassedOn() {
            assertThat(new Attend(AttendOutcome.RESOLVED, Agency.AMBULANCE, null).variables(NO_TASK_VARIABLES))
                    .containsEntry("attendOutcome", "RESOLVED")
                    .doesNotContainKey("agency");
        }

    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class AcceptReferralBody {

        @Test
        void aDecisionIsRequired() {
            assertThat(fields(new AcceptReferral(null, null, null))).containsExactly("decision");
        }

        @Test
        void acceptingNeedsNothingElse() {
            assertThat(new AcceptReferral(ReferralDecision.ACCEPT, null, null).validate(NO_TASK_VARIABLES)).isEmpty();
        }

        @Test
        void rejectingNeedsAReasonCode() {
            assertThat(fields(new AcceptReferral(ReferralDecision.REJECT, null, "busy"))).containsExactly("reasonCode");
        }

        @Test
        void rejectingForAnOtherReasonNeedsANote() {
            assertThat(fields(new AcceptReferral(ReferralDecision.REJECT, RejectionReason.OTHER, " "))).containsExactly("note");
            assertThat(new AcceptReferral(ReferralDecision.REJECT, RejectionReason.OTHER, "out of area").validate(NO_TASK_VARIABLES))
                    .isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = RejectionReason.class, names = "OTHER", mode = EnumSource.Mode.EXCLUDE)
        void rejectingForACodedReasonNeedsNoNote(RejectionReason reason) {
            assertThat(new AcceptReferral(ReferralDecision.REJECT, reason, null).validate(NO_TASK_VARIABLES)).isEmpty();
        }

        @Test
        void acceptingDropsAnyReasonCode() {
            assertThat(new AcceptReferral(ReferralDecision.ACCEPT, RejectionReason.NO_CAPACITY, "on our way").variables(NO_TASK_VARIABLES))
                    .containsEntry("decision", "ACCEPT")
                    .containsEntry("reasonCode", null)
                    .doesNotContainKey("decisionNote");
        }

        @Test
        void rejectingKeepsTheReasonCode() {
            assertThat(new AcceptReferral(ReferralDecision.REJECT, RejectionReason.POLICE_THRESHOLD_MET, null).variables(NO_TASK_VARIABLES))
                    .containsEntry("decision", "REJECT")
                    .containsEntry("reasonCode", "POLICE_THRESHOLD_MET");
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class RecordPartnerOutcomeBody {

        @Test
        void anOutcomeIsRequired() {
            assertThat(fields(new RecordPartnerOutcome(null, null))).containsExactly("outcome");
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = PartnerOutcome.class, names = "PASSED_BACK", mode = EnumSource.Mode.EXCLUDE)
        void outcomesThatKeepThePersonNeedNoNote(PartnerOutcome outcome) {
            assertThat(new RecordPartnerOutcome(outcome, null).validate(NO_TASK_VARIABLES)).isEmpty();
        }

        @Test
        void passingThePersonBackToPoliceNeedsANote() {
            assertThat(fields(new RecordPartnerOutcome(PartnerOutcome.PASSED_BACK, ""))).containsExactly("note");
            assertThat(new RecordPartnerOutcome(PartnerOutcome.PASSED_BACK, "weapon seen").validate(NO_TASK_VARIABLES)).isEmpty();
        }

        @Test
        void variablesCarryTheOutcomeTheJournalTheNote() {
            RecordPartnerOutcome outcome = new RecordPartnerOutcome(PartnerOutcome.ASSESSED, " seen at home ");
            // The outcome is read later (the referral, the figures); the note only by the journal.
            assertThat(outcome.variables(NO_TASK_VARIABLES)).containsExactly(Map.entry("partnerOutcome", "ASSESSED"));
            assertThat(outcome.summary()).isEqualTo("Partner outcome ASSESSED");
            assertThat(outcome.note()).isEqualTo(" seen at home ");
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class SupervisorReviewBody {

        private Map<String, Object> taskFor(ReviewReason reason) {
            return Map.of("reason", reason.name());
        }

        @Test
        void anActionAndANoteAreRequired() {
            assertThat(fields(new SupervisorReview(null, null, null), taskFor(ReviewReason.NO_RESPONSE)))
                    .containsExactlyInAnyOrder("action", "note");
            assertThat(fields(new SupervisorReview(SupervisorAction.CHASE, null, "  "), taskFor(ReviewReason.NO_RESPONSE)))
                    .containsExactly("note");
        }

        @ParameterizedTest(name = "{0}")
        @org.junit.jupiter.params.provider.EnumSource(ReviewReason.class)
        void onlyAPartnersRejectionCanBeContestedAndTheActionStillHappensNow(ReviewReason reason) {
            SupervisorReview contested = new SupervisorReview(SupervisorAction.CHASE, null, "Chase, and we contest", true);
            if (reason == ReviewReason.REJECTED) {
                assertThat(fields(contested, taskFor(reason))).isEmpty();
                Map<String, Object> variables = contested.variables(taskFor(reason));
                assertThat(variables).containsEntry("disputeContested", true).containsEntry("supervisorAction", "CHASE");
                assertThat(new SupervisorReview(SupervisorAction.CHASE, null, "Chase").variables(taskFor(reason)))
                        .containsEntry("disputeContested", false);
            } else {
                assertThat(fields(contested, taskFor(reason))).containsExactly("contest");
            }
        }

        /**
         * What a supervisor may do for each reason: a referral that went silent or was rejected is the
         * supervisor's to decide; a notice that never reached the agency may be chased, rerouted or sent to
         * police, never closed over; a person not located may become a missing-person assessment, be looked for again
         * (CHASE, POLICE_ATTEND) or be closed with the whereabouts recorded, never rerouted; only a not-located review opens
         * a missing-person assessment; every other overdue clock runs beside work still in hand, so it can only be chased.
         */
        static Stream<Arguments> allowedActions() {
            Stream.Builder<Arguments> rows = Stream.builder();
            for (ReviewReason reason : ReviewReason.values()) {
                for (SupervisorAction action : SupervisorAction.values()) {
                    boolean s136Only = action == SupervisorAction.WITHDRAW || action == SupervisorAction.ESCALATE;
                    boolean missingPerson = action == SupervisorAction.MISSING_PERSON;
                    boolean decides = (reason == ReviewReason.NO_RESPONSE || reason == ReviewReason.REJECTED) && !s136Only && !missingPerson;
                    boolean noticeFailed = reason == ReviewReason.NOTIFICATION_FAILED && action != SupervisorAction.CLOSE && !s136Only
                            && !missingPerson;
                    boolean notLocated = reason == ReviewReason.NOT_LOCATED && action != SupervisorAction.REROUTE && !s136Only;
                    // Past the s136 hour police may also withdraw (on a risk assessment) or escalate to the hospital's on-call manager
                    boolean handover = reason == ReviewReason.HANDOVER_OVERDUE && s136Only;
                    rows.add(Arguments.of(reason, action, decides || noticeFailed || notLocated || handover
                            || action == SupervisorAction.CHASE));
                }
            }
            return rows.build();
        }

        @ParameterizedTest(name = "{0}: {1} allowed={2}")
        @MethodSource("allowedActions")
        void theActionMustBeOneTheReviewReasonAllows(ReviewReason reason, SupervisorAction action, boolean allowed) {
            SupervisorReview review = new SupervisorReview(action, Agency.SOCIAL_CARE, "decided",
                    action == SupervisorAction.CLOSE ? Whereabouts.LOCATED_SAFE : null, null, "risk assessed");
            List<FieldError> errors = review.validate(taskFor(reason));
            if (allowed) {
                assertThat(errors).isEmpty();
            } else {
                assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("action");
                    assertThat(error.message()).contains(switch (reason) {
                        case NOTIFICATION_FAILED -> "[CHASE, REROUTE, POLICE_ATTEND]";
                        case NO_RESPONSE, REJECTED -> "[CHASE, REROUTE, POLICE_ATTEND, CLOSE]";
                        case NOT_LOCATED -> "[CHASE, POLICE_ATTEND, CLOSE, MISSING_PERSON]";
                        case HANDOVER_OVERDUE -> "[CHASE, WITHDRAW, ESCALATE]";
                        default -> "[CHASE]";
                    }).contains(reason.name());
                });
            }
        }

        @Test
        void closingANotLocatedReviewNeedsTheWhereaboutsAndOnlyThatReview() {
            assertThat(fields(new SupervisorReview(SupervisorAction.CLOSE, null, "closing"), taskFor(ReviewReason.NOT_LOCATED)))
                    .containsExactly("whereabouts");
            assertThat(fields(new SupervisorReview(SupervisorAction.CLOSE, null, "closing", Whereabouts.NO_CONCERN_ASSESSED),
                    taskFor(ReviewReason.NOT_LOCATED))).isEmpty();
            assertThat(new SupervisorReview(SupervisorAction.CLOSE, null, "closing", Whereabouts.NO_CONCERN_ASSESSED)
                    .variables(taskFor(ReviewReason.NOT_LOCATED))).containsEntry("whereabouts", "NO_CONCERN_ASSESSED");
            assertThat(fields(new SupervisorReview(SupervisorAction.CLOSE, null, "closing"), taskFor(ReviewReason.NO_RESPONSE)))
                    .isEmpty();
            assertThat(new SupervisorReview(SupervisorAction.CLOSE, null, "closing", Whereabouts.LOCATED_SAFE)
                    .variables(taskFor(ReviewReason.NO_RESPONSE))).doesNotContainKey("whereabouts");
        }

        @Test
        void anOverdueTriageCannotBeClosedByTheSupervisor() {
            assertThat(fields(new SupervisorReview(SupervisorAction.CLOSE, null, "closing"), taskFor(ReviewReason.TRIAGE_OVERDUE)))
                    .containsExactly("action");
        }

        @Test
        void reroutingNeedsAnAgency() {
            assertThat(fields(new SupervisorReview(SupervisorAction.REROUTE, null, "to social care"), taskFor(ReviewReason.REJECTED)))
                    .containsExactly("agency");
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = Agency.class, names = {"POLICE", "NHS111", "HOSPITAL"})
        void reroutingNeedsAnAgencyThatTakesReferrals(Agency agency) {
            assertThat(fields(new SupervisorReview(SupervisorAction.REROUTE, agency, "reroute"), taskFor(ReviewReason.NO_RESPONSE)))
                    .containsExactly("agency");
        }

        @Test
        void aRerouteRefusedByTheReasonReportsBothProblems() {
            assertThat(fields(new SupervisorReview(SupervisorAction.REROUTE, null, "reroute"), taskFor(ReviewReason.HANDOVER_OVERDUE)))
                    .containsExactlyInAnyOrder("action", "agency");
        }

        @Test
        void variablesPutBackThisTasksOwnReasonAndTheRerouteAgency() {
            SupervisorReview review = new SupervisorReview(SupervisorAction.REROUTE, Agency.AMBULANCE, "needs conveyance");
            Map<String, Object> taskVariables = new HashMap<>(taskFor(ReviewReason.REJECTED));
            taskVariables.put("reviewReason", "OUTCOME_OVERDUE"); // a parallel review overwrote the shared variable
            assertThat(review.variables(taskVariables))
                    .containsEntry("supervisorAction", "REROUTE")
                    .doesNotContainKey("supervisorNote")
                    .containsEntry("reviewReason", "REJECTED")
                    .containsEntry("rerouteAgency", "AMBULANCE");
        }

        @Test
        void anAgencyGivenWithAnotherActionIsNotPassedOn() {
            assertThat(new SupervisorReview(SupervisorAction.CHASE, Agency.AMBULANCE, "chased").variables(taskFor(ReviewReason.NO_RESPONSE)))
                    .containsEntry("supervisorAction", "CHASE")
                    .containsEntry("reviewReason", "NO_RESPONSE")
                    .doesNotContainKey("rerouteAgency");
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class AcceptHandoverBody {

        @Test
        void aNoteIsOptional() {
            assertThat(new AcceptHandover(null).validate(NO_TASK_VARIABLES)).isEmpty();
        }

        @Test
        void theNoteIsTheJournalsNotTheEngines() {
            assertThat(new AcceptHandover("bed on ward 3").variables(NO_TASK_VARIABLES))
                    .isEqualTo(Map.of("handoverDecision", "ACCEPT"));
            assertThat(new AcceptHandover("bed on ward 3").note()).isEqualTo("bed on ward 3");
        }

        @Test
        void aDelayIsAgreedUntilAFutureTimeBeforeTheDetentionLimitWithAPoliceNameAndANote() {
            java.util.Date limit = java.util.Date.from(IN_AN_HOUR.plusHours(2).toInstant());
            Map<String, Object> task = Map.of("detentionLimitAt", limit);
            assertThat(new AcceptHandover(HandoverDecision.AGREE_DELAY, IN_AN_HOUR, "PS Jones", "Suite cleaned").validate(task)).isEmpty();
            assertThat(new AcceptHandover(HandoverDecision.AGREE_DELAY, IN_AN_HOUR.plusHours(3), "PS Jones", "n").validate(task))
                    .extracting(FieldError::field).containsExactly("until");
            assertThat(new AcceptHandover(HandoverDecision.AGREE_DELAY, null, null, null).validate(task))
                    .extracting(FieldError::field).containsExactlyInAnyOrder("until", "agreedWithPolice", "note");
            Map<String, Object> variables = new AcceptHandover(HandoverDecision.AGREE_DELAY, IN_AN_HOUR, "PS Jones", "n").variables(task);
            assertThat(variables).containsEntry("handoverDecision", "AGREE_DELAY")
                    .containsEntry("delayUntil", java.util.Date.from(IN_AN_HOUR.toInstant()));
            assertThat(new AcceptHandover(HandoverDecision.AGREE_DELAY, IN_AN_HOUR, "PS Jones", "n").answers())
                    .containsEntry("agreedWithPolice", "PS Jones");
        }
    }

    @Nested
    class MissingPersonAssessmentBody {

        @Test
        void aRiskLevelWhetherLocatedAndTheReasoningAreRequired() {
            assertThat(fields(new org.rcrp.handover.missing.MissingPersonAssessment(null, null, " ")))
                    .containsExactlyInAnyOrder("riskLevel", "located", "note");
            assertThat(fields(new org.rcrp.handover.missing.MissingPersonAssessment(MissingPersonRisk.LOW, false,
                    "x".repeat(TextLimits.NOTE + 1)))).containsExactly("note");
        }

        @Test
        void theGradingAndWhetherLocatedGoToTheEngineTheReasoningToTheJournal() {
            var assessment = new org.rcrp.handover.missing.MissingPersonAssessment(MissingPersonRisk.MEDIUM, false,
                    "Left a note; no money");
            assertThat(assessment.validate(NO_TASK_VARIABLES)).isEmpty();
            assertThat(assessment.variables(NO_TASK_VARIABLES)).containsOnly(
                    Map.entry("missingPersonRisk", "MEDIUM"), Map.entry("missingPersonLocated", false));
            assertThat(assessment.note()).isEqualTo("Left a note; no money");
        }

        /** The case closes only located at low or no apparent risk; medium or high sends police; unfound stays open. */
        @ParameterizedTest(name = "{0}")
        @EnumSource(MissingPersonRisk.class)
        void whereTheAssessmentTakesTheCase(MissingPersonRisk risk) {
            assertThat(MissingPersonNext.of(risk, true)).isEqualTo(risk.needsPolice() ? MissingPersonNext.ATTEND : MissingPersonNext.LOCATED);
            assertThat(MissingPersonNext.of(risk, false)).isEqualTo(risk.needsPolice() ? MissingPersonNext.ATTEND : MissingPersonNext.REVIEW);
            assertThat(risk.needsPolice()).isEqualTo(risk == MissingPersonRisk.MEDIUM || risk == MissingPersonRisk.HIGH);
        }
    }
}
