package org.rcrp.handover.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
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
import org.rcrp.handover.plan.Need;
import org.rcrp.handover.plan.Response;
import org.rcrp.handover.plan.Role;

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

        private final List<Need> referToCrisisTeam = List.of(new Need("KNOWN_MENTAL_HEALTH", Agency.MENTAL_HEALTH, null,
                Role.INFORMED, 3, "Known to mental health services: the crisis team leads, or is told when police lead."));
        private final List<Need> policeImmediate = List.of(new Need("RISK_TO_LIFE", Agency.POLICE, Grade.IMMEDIATE,
                Role.LEAD, null, "Real and immediate risk to life: police attend (ECHR Article 2)."));
        private final List<Need> advice = List.of();
        private final List<Need> crime = List.of(new Need("CRIME", Agency.POLICE, Grade.PRIORITY, Role.LEAD, null, "crime"));

        private void assertDecision(Decision decision, Route route, Grade grade, Agency agency, boolean overridden, String rationale) {
            assertThat(decision.route()).as("route").isEqualTo(route);
            assertThat(decision.grade()).as("grade").isEqualTo(grade);
            assertThat(decision.agency()).as("agency").isEqualTo(agency);
            assertThat(decision.overridden()).as("overridden").isEqualTo(overridden);
            assertThat(decision.rationale()).as("rationale").isEqualTo(rationale);
        }

        @Test
        void withoutAnOverrideTheRecommendationIsFollowedAsItIs() {
            assertDecision(TriagePolicy.decide(referToCrisisTeam, Optional.empty(), false, false),
                    Route.REFER, null, Agency.MENTAL_HEALTH, false, referToCrisisTeam.get(0).reason());
        }

        @Test
        void withoutAnOverrideEvenRiskFlagsLeaveTheRecommendationAlone() {
            assertDecision(TriagePolicy.decide(policeImmediate, Optional.empty(), true, false),
                    Route.POLICE_ATTEND, Grade.IMMEDIATE, null, false, policeImmediate.get(0).reason());
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
            assertDecision(decision, Route.REFER, null, Agency.SOCIAL_CARE, true, "Override of the recommendation (REFER to MENTAL_HEALTH)");
            assertThat(decision.plan().response(Agency.MENTAL_HEALTH)).as("the crisis team stays on the plan, beside the new lead")
                    .get().extracting(Response::role).isEqualTo(Role.SUPPORT);
        }

        @Test
        void anOverrideAwayFromPoliceIsRefusedWhenThereIsRiskToLife() {
            Optional<Override> advise = Optional.of(new Override(Route.ADVICE_AND_CLOSE, null, null, REASON));
            assertThatThrownBy(() -> TriagePolicy.decide(policeImmediate, advise, true, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("override.route");
        }

        @Test
        void anAmbulanceMayBeAddedBesidePoliceAtARiskToLife() {
            Decision decision = TriagePolicy.decide(policeImmediate, Optional.of(new Override(Route.POLICE_ATTEND, null,
                    Grade.IMMEDIATE, REASON, List.of(Agency.AMBULANCE))), true, false);
            assertThat(decision.route()).isEqualTo(Route.POLICE_ATTEND);
            assertThat(decision.overridden()).isTrue();
            assertThat(decision.plan().responses()).extracting(Response::agency, Response::role)
                    .containsExactly(tuple(Agency.POLICE, Role.LEAD), tuple(Agency.AMBULANCE, Role.SUPPORT));
        }

        @Test
        void onlyAgenciesThatTakeReferralsCanBeAdded() {
            assertThat(fields(TriagePolicy.check(new Override(Route.POLICE_ATTEND, null, Grade.IMMEDIATE, REASON,
                    List.of(Agency.NHS111)), true, false))).containsExactly("override.addAgencies");
        }

        @Test
        void policeNeverAttendAtTheScheduledGrade() {
            assertThat(fields(TriagePolicy.check(new Override(Route.POLICE_ATTEND, null, Grade.SCHEDULED, REASON), false, false)))
                    .containsExactly("override.grade");
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
            assertDecision(decision, Route.POLICE_ATTEND, Grade.IMMEDIATE, null, true, "Override of the recommendation (REFER to MENTAL_HEALTH)");
            assertThat(decision.plan().response(Agency.MENTAL_HEALTH)).as("the crisis team is told when police lead")
                    .get().extracting(Response::role).isEqualTo(Role.INFORMED);
        }

        @Test
        void overridingToPoliceWithoutAGradeKeepsTheRecommendedGrade() {
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
        void overridingToAdviceClearsGradeAndAgencyAndTellsThePartnersInstead() {
            Decision decision = TriagePolicy.decide(referToCrisisTeam,
                    Optional.of(new Override(Route.ADVICE_AND_CLOSE, Agency.MENTAL_HEALTH, Grade.PRIORITY, REASON)), false, false);
            assertDecision(decision, Route.ADVICE_AND_CLOSE, null, null, true, "Override of the recommendation (REFER to MENTAL_HEALTH)");
            assertThat(decision.plan().responses()).extracting(Response::agency, Response::role)
                    .containsExactly(tuple(Agency.MENTAL_HEALTH, Role.INFORMED));
        }

        @Test
        void anOverrideThatChangesNothingIsNotAnOverrideAndKeepsTheTableRationale() {
            assertDecision(TriagePolicy.decide(referToCrisisTeam,
                    Optional.of(new Override(Route.REFER, Agency.MENTAL_HEALTH, null, REASON)), false, false),
                    Route.REFER, null, Agency.MENTAL_HEALTH, false, referToCrisisTeam.get(0).reason());
        }

        @Test
        void confirmingPoliceWithoutAGradeIsNotAnOverride() {
            assertDecision(TriagePolicy.decide(policeImmediate,
                    Optional.of(new Override(Route.POLICE_ATTEND, null, null, REASON)), true, false),
                    Route.POLICE_ATTEND, Grade.IMMEDIATE, null, false, policeImmediate.get(0).reason());
        }

        @Test
        void changingOnlyTheGradeIsAnOverride() {
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
            assertThat(decision.plan().response(Agency.POLICE)).isEmpty();
        }
    }
}
