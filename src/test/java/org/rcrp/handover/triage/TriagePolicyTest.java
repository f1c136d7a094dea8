package org.rcrp.handover.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.Route;
import org.rcrp.handover.triage.TriagePolicy.Decision;
import org.rcrp.handover.triage.TriagePolicy.Override;
import org.rcrp.handover.triage.TriagePolicy.Recommendation;

class TriagePolicyTest {

    private static final String REASON = "Caller is a nurse on the ward and says the crisis team already knows him";

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Nested
    class Check {

        @Test
        void noOverrideHasNothingToCheck() {
            assertThat(TriagePolicy.check(null, true, true)).isEmpty();
        }

        @Test
        void aCompleteReferralOverrideIsAccepted() {
            assertThat(TriagePolicy.check(new Override(Route.REFER, Agency.MENTAL_HEALTH, null, REASON), false, false)).isEmpty();
        }

        @Test
        void aPoliceOverrideNeedsNoAgency() {
            assertThat(TriagePolicy.check(new Override(Route.POLICE_ATTEND, null, Grade.PRIORITY, REASON), false, false)).isEmpty();
        }

        @Test
        void aRiskToLifeOrSeriousHarmCannotBeDowngradedToThePriorityGrade() {
            Override priority = new Override(Route.POLICE_ATTEND, null, Grade.PRIORITY, REASON);
            assertThat(TriagePolicy.check(priority, true, false)).extracting(FieldError::field).containsExactly("override.grade");
            assertThat(TriagePolicy.check(priority, false, true)).extracting(FieldError::field).containsExactly("override.grade");
            assertThat(TriagePolicy.check(new Override(Route.POLICE_ATTEND, null, Grade.IMMEDIATE, REASON), true, true)).isEmpty();
        }

        @Test
        void anAdviceOverrideNeedsNoAgency() {
            assertThat(TriagePolicy.check(new Override(Route.ADVICE_AND_CLOSE, null, null, REASON), false, false)).isEmpty();
        }

        @Test
        void anOverrideWithoutARouteIsRefusedOnOverrideRoute() {
            List<FieldError> errors = TriagePolicy.check(new Override(null, null, null, REASON), false, false);
            assertThat(errors).containsExactly(new FieldError("override.route", "is required with an override"));
        }

        @Test
        void anOverrideWithoutARouteIsOnlyReportedOnceEvenWithRiskToLife() {
            assertThat(fields(TriagePolicy.check(new Override(null, null, null, REASON), true, true)))
                    .containsExactly("override.route");
        }

        @ParameterizedTest(name = "reason \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t\n"})
        void anOverrideNeedsAReason(String reason) {
            List<FieldError> errors = TriagePolicy.check(new Override(Route.ADVICE_AND_CLOSE, null, null, reason), false, false);
            assertThat(errors).containsExactly(new FieldError("override.reason", "is required with an override"));
        }

        @Test
        void aReferralOverrideNeedsAnAgency() {
            assertThat(fields(TriagePolicy.check(new Override(Route.REFER, null, null, REASON), false, false)))
                    .containsExactly("override.agency");
        }

        @ParameterizedTest(name = "REFER to {0}")
        @EnumSource(value = Agency.class, names = {"POLICE", "NHS111", "HOSPITAL"})
        void aReferralOverrideMustNameAnAgencyThatTakesReferrals(Agency agency) {
            assertThat(fields(TriagePolicy.check(new Override(Route.REFER, agency, null, REASON), false, false)))
                    .containsExactly("override.agency");
        }

        @ParameterizedTest(name = "REFER to {0}")
        @EnumSource(value = Agency.class, names = {"MENTAL_HEALTH", "AMBULANCE", "SOCIAL_CARE", "HEALTHCARE_SETTING"})
        void aReferralOverrideMayNameAnyAgencyThatTakesReferrals(Agency agency) {
            assertThat(TriagePolicy.check(new Override(Route.REFER, agency, null, REASON), false, false)).isEmpty();
        }

        @ParameterizedTest(name = "{0} with riskToLife={1}, seriousHarm={2}")
        @CsvSource({
                "REFER,            true,  false",
                "REFER,            false, true",
                "REFER,            true,  true",
                "ADVICE_AND_CLOSE, true,  false",
                "ADVICE_AND_CLOSE, false, true",
        })
        void anOverrideCannotTakePoliceAwayFromRiskToLifeOrSeriousHarm(Route route, boolean riskToLife, boolean seriousHarm) {
            List<FieldError> errors = TriagePolicy.check(new Override(route, Agency.MENTAL_HEALTH, null, REASON), riskToLife, seriousHarm);
            assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("override.route");
                assertThat(error.message()).contains("always gets a police response");
            });
        }

        @ParameterizedTest(name = "riskToLife={0}, seriousHarm={1}")
        @CsvSource({"true, false", "false, true", "true, true"})
        void anOverrideToPoliceAttendanceIsAllowedWithRiskToLifeOrSeriousHarm(boolean riskToLife, boolean seriousHarm) {
            assertThat(TriagePolicy.check(new Override(Route.POLICE_ATTEND, null, Grade.IMMEDIATE, REASON), riskToLife, seriousHarm))
                    .isEmpty();
        }

        @Test
        void everyProblemIsReportedAtOnce() {
            List<FieldError> errors = TriagePolicy.check(new Override(Route.REFER, null, null, " "), true, false);
            assertThat(fields(errors)).containsExactlyInAnyOrder("override.reason", "override.agency", "override.route");
        }
    }

    @Nested
    class Decide {

        private final Recommendation referToCrisisTeam = new Recommendation(Route.REFER, null, Agency.MENTAL_HEALTH,
                "Concern for welfare of a person known to mental health services: the crisis team leads.");
        private final Recommendation policeImmediate = new Recommendation(Route.POLICE_ATTEND, Grade.IMMEDIATE, null,
                "Real and immediate risk to life: police attend (ECHR Article 2).");
        private final Recommendation advice = new Recommendation(Route.ADVICE_AND_CLOSE, null, null,
                "No police threshold met and no lead agency identified: advise the caller and close.");

        @Test
        void withoutAnOverrideTheRecommendationIsFollowedAsItIs() {
            Decision decision = TriagePolicy.decide(referToCrisisTeam, Optional.empty(), false, false);
            assertThat(decision).isEqualTo(new Decision(Route.REFER, null, Agency.MENTAL_HEALTH, false,
                    referToCrisisTeam.rationale()));
        }

        @Test
        void withoutAnOverrideEvenRiskFlagsLeaveTheRecommendationAlone() {
            Decision decision = TriagePolicy.decide(policeImmediate, Optional.empty(), true, false);
            assertThat(decision).isEqualTo(new Decision(Route.POLICE_ATTEND, Grade.IMMEDIATE, null, false,
                    policeImmediate.rationale()));
        }

        @Test
        void anInvalidOverrideIsRefusedWithItsProblems() {
            Optional<Override> noAgency = Optional.of(new Override(Route.REFER, null, null, null));
            assertThatThrownBy(() -> TriagePolicy.decide(referToCrisisTeam, noAgency, false, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Override refused")
                    .hasMessageContaining("override.agency");
        }

        @Test
        void theEngineAppliesAnOverrideWithoutItsReasonWhichTheAnswersCarriedToTheJournal() {
            Decision decision = TriagePolicy.decide(referToCrisisTeam,
                    Optional.of(new Override(Route.REFER, Agency.SOCIAL_CARE, null, null)), false, false);
            assertThat(decision).isEqualTo(new Decision(Route.REFER, null, Agency.SOCIAL_CARE, true,
                    "Override of the recommendation (REFER to MENTAL_HEALTH)"));
        }

        @Test
        void anOverrideAwayFromPoliceIsRefusedWhenThereIsRiskToLife() {
            Optional<Override> advise = Optional.of(new Override(Route.ADVICE_AND_CLOSE, null, null, REASON));
            assertThatThrownBy(() -> TriagePolicy.decide(policeImmediate, advise, true, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("override.route");
        }

        @Test
        void overridingToAnotherAgencyRecordsTheRecommendationButNotTheReason() {
            Decision decision = TriagePolicy.decide(referToCrisisTeam,
                    Optional.of(new Override(Route.REFER, Agency.SOCIAL_CARE, null, "  " + REASON + "  ")), false, false);
            assertThat(decision.route()).isEqualTo(Route.REFER);
            assertThat(decision.agency()).isEqualTo(Agency.SOCIAL_CARE);
            assertThat(decision.grade()).isNull();
            assertThat(decision.overridden()).isTrue();
            assertThat(decision.rationale()).isEqualTo("Override of the recommendation (REFER to MENTAL_HEALTH)");
        }

        @Test
        void aRecommendationWithoutAnAgencyIsDescribedByItsRouteAlone() {
            Decision decision = TriagePolicy.decide(advice,
                    Optional.of(new Override(Route.POLICE_ATTEND, null, Grade.PRIORITY, REASON)), false, false);
            assertThat(decision.rationale()).isEqualTo("Override of the recommendation (ADVICE_AND_CLOSE)");
        }

        @Test
        void overridingToPoliceUsesTheGradeTheHandlerChose() {
            Decision decision = TriagePolicy.decide(referToCrisisTeam,
                    Optional.of(new Override(Route.POLICE_ATTEND, null, Grade.IMMEDIATE, REASON)), false, false);
            assertThat(decision).isEqualTo(new Decision(Route.POLICE_ATTEND, Grade.IMMEDIATE, null, true,
                    "Override of the recommendation (REFER to MENTAL_HEALTH)"));
        }

        @Test
        void overridingToPoliceWithoutAGradeKeepsTheRecommendedGrade() {
            Recommendation crime = new Recommendation(Route.POLICE_ATTEND, Grade.PRIORITY, null, "crime");
            Decision decision = TriagePolicy.decide(crime,
                    Optional.of(new Override(Route.POLICE_ATTEND, null, null, REASON)), false, false);
            assertThat(decision.grade()).isEqualTo(Grade.PRIORITY);
        }

        @Test
        void overridingToPoliceWithoutAnyGradeFallsBackToPriority() {
            Decision decision = TriagePolicy.decide(referToCrisisTeam,
                    Optional.of(new Override(Route.POLICE_ATTEND, null, null, REASON)), false, false);
            assertThat(decision.route()).isEqualTo(Route.POLICE_ATTEND);
            assertThat(decision.grade()).isEqualTo(Grade.PRIORITY);
            assertThat(decision.overridden()).isTrue();
        }

        @Test
        void anAgencyGivenWithAPoliceOverrideIsDropped() {
            Decision decision = TriagePolicy.decide(referToCrisisTeam,
                    Optional.of(new Override(Route.POLICE_ATTEND, Agency.AMBULANCE, Grade.IMMEDIATE, REASON)), false, false);
            assertThat(decision.agency()).isNull();
        }

        @Test
        void aGradeGivenWithAReferralOverrideIsDropped() {
            Decision decision = TriagePolicy.decide(advice,
                    Optional.of(new Override(Route.REFER, Agency.AMBULANCE, Grade.IMMEDIATE, REASON)), false, false);
            assertThat(decision.grade()).isNull();
            assertThat(decision.agency()).isEqualTo(Agency.AMBULANCE);
        }

        @Test
        void overridingToAdviceClearsGradeAndAgency() {
            Decision decision = TriagePolicy.decide(referToCrisisTeam,
                    Optional.of(new Override(Route.ADVICE_AND_CLOSE, Agency.MENTAL_HEALTH, Grade.PRIORITY, REASON)), false, false);
            assertThat(decision).isEqualTo(new Decision(Route.ADVICE_AND_CLOSE, null, null, true,
                    "Override of the recommendation (REFER to MENTAL_HEALTH)"));
        }

        @Test
        void anOverrideThatChangesNothingIsNotAnOverrideAndKeepsTheTableRationale() {
            Decision decision = TriagePolicy.decide(referToCrisisTeam,
                    Optional.of(new Override(Route.REFER, Agency.MENTAL_HEALTH, null, REASON)), false, false);
            assertThat(decision).isEqualTo(new Decision(Route.REFER, null, Agency.MENTAL_HEALTH, false,
                    referToCrisisTeam.rationale()));
        }

        @Test
        void confirmingPoliceWithoutAGradeIsNotAnOverride() {
            Decision decision = TriagePolicy.decide(policeImmediate,
                    Optional.of(new Override(Route.POLICE_ATTEND, null, null, REASON)), true, false);
            assertThat(decision).isEqualTo(new Decision(Route.POLICE_ATTEND, Grade.IMMEDIATE, null, false,
                    policeImmediate.rationale()));
        }

        @Test
        void changingOnlyTheGradeIsAnOverride() {
            Recommendation crime = new Recommendation(Route.POLICE_ATTEND, Grade.PRIORITY, null, "crime");
            Decision decision = TriagePolicy.decide(crime,
                    Optional.of(new Override(Route.POLICE_ATTEND, null, Grade.IMMEDIATE, REASON)), false, false);
            assertThat(decision.grade()).isEqualTo(Grade.IMMEDIATE);
            assertThat(decision.overridden()).isTrue();
            assertThat(decision.rationale()).isEqualTo("Override of the recommendation (POLICE_ATTEND)");
        }

        @Test
        void aReferralOverrideTakesPoliceAwayWhenNoRiskIsRecorded() {
            Decision decision = TriagePolicy.decide(policeImmediate,
                    Optional.of(new Override(Route.REFER, Agency.AMBULANCE, null, REASON)), false, false);
            assertThat(decision.route()).isEqualTo(Route.REFER);
            assertThat(decision.overridden()).isTrue();
        }
    }
}
