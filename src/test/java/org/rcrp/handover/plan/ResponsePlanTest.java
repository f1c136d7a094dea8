package org.rcrp.handover.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.plan.NeedsTable.Call;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.AwolKind;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.Route;

/**
 * The situations the December review found unsafe under the one-route table, run through the real needs table and the
 * planner: each plan must hold every agency the call needs, in the role guidance gives it.
 */
class ResponsePlanTest {

    private static NeedsTable table;

    @BeforeAll
    static void parse() {
        table = new NeedsTable();
    }

    private static List<Tuple> agencies(ResponsePlan plan) {
        return plan.responses().stream().map(response -> tuple(response.agency(), response.role(), response.grade())).toList();
    }

    @Nested
    class MedicalNeedIsNeverDroppedBecauseAPoliceRuleMatched {

        @Test
        void selfHarmWithBleedingGetsPoliceAtOnceAndAnAmbulanceBeside() {
            ResponsePlan plan = table.plan(Call.of(Category.CONCERN_FOR_WELFARE).yes("riskToLife", "medicalEmergency"));
            assertThat(plan.route()).isEqualTo(Route.POLICE_ATTEND);
            assertThat(plan.grade()).isEqualTo(Grade.IMMEDIATE);
            assertThat(agencies(plan)).containsExactly(tuple(Agency.POLICE, Role.LEAD, Grade.IMMEDIATE),
                    tuple(Agency.AMBULANCE, Role.SUPPORT, Grade.IMMEDIATE));
            assertThat(plan.kind()).isEqualTo(ResponsePlan.PlanKind.JOINT);
        }

        @Test
        void aReportedCardiacArrestWithARiskToLifeGetsAnAmbulance() {
            ResponsePlan plan = table.plan(Call.of(Category.MEDICAL).yes("riskToLife", "medicalEmergency"));
            assertThat(agencies(plan)).containsExactly(tuple(Agency.POLICE, Role.LEAD, Grade.IMMEDIATE),
                    tuple(Agency.AMBULANCE, Role.SUPPORT, Grade.IMMEDIATE));
        }

        @Test
        void aCrimeWithAMedicalEmergencyGetsBoth() {
            ResponsePlan plan = table.plan(Call.of(Category.OTHER).yes("crime", "medicalEmergency"));
            assertThat(agencies(plan)).containsExactly(tuple(Agency.POLICE, Role.LEAD, Grade.PRIORITY),
                    tuple(Agency.AMBULANCE, Role.SUPPORT, Grade.IMMEDIATE));
        }

        @Test
        void aMissingPersonWithAMedicalEmergencyGetsBothAndIsImmediateWhenLifeIsAtRisk() {
            assertThat(agencies(table.plan(Call.of(Category.OTHER).yes("missingPerson", "medicalEmergency"))))
                    .containsExactly(tuple(Agency.POLICE, Role.LEAD, Grade.PRIORITY), tuple(Agency.AMBULANCE, Role.SUPPORT, Grade.IMMEDIATE));
            assertThat(table.plan(Call.of(Category.OTHER).yes("missingPerson", "riskToLife")).grade()).isEqualTo(Grade.IMMEDIATE);
        }

        @Test
        void aMedicalEmergencyAloneIsTheAmbulanceServicesLead() {
            ResponsePlan plan = table.plan(Call.of(Category.CONCERN_FOR_WELFARE).yes("medicalEmergency"));
            assertThat(plan.route()).isEqualTo(Route.REFER);
            assertThat(plan.agency()).isEqualTo(Agency.AMBULANCE);
            assertThat(plan.kind()).isEqualTo(ResponsePlan.PlanKind.PARTNER_ONLY);
        }

        @Test
        void aNonUrgentMedicalCallIsAScheduledConveyanceNotPolice() {
            assertThat(agencies(table.plan(Call.of(Category.MEDICAL))))
                    .containsExactly(tuple(Agency.AMBULANCE, Role.LEAD, Grade.SCHEDULED));
        }
    }

    @Nested
    class PolicePowers {

        @Test
        void theReadmesNeighbourNobodyCanReachGetsPoliceToGetInAndTheCrisisTeamIsTold() {
            ResponsePlan plan = table.plan(Call.of(Category.CONCERN_FOR_WELFARE).yes("entryNeeded", "knownToMentalHealth")
                    .yes("whereaboutsKnown"));
            assertThat(plan.route()).isEqualTo(Route.POLICE_ATTEND);
            assertThat(agencies(plan)).containsExactly(tuple(Agency.POLICE, Role.LEAD, Grade.IMMEDIATE),
                    tuple(Agency.MENTAL_HEALTH, Role.INFORMED, null));
            assertThat(plan.rationale()).contains("s17 PACE");
        }

        @Test
        void theSameNeighbourUnknownToServicesIsNotAdviceAndClose() {
            ResponsePlan plan = table.plan(Call.of(Category.CONCERN_FOR_WELFARE).yes("entryNeeded"));
            assertThat(agencies(plan)).containsExactly(tuple(Agency.POLICE, Role.LEAD, Grade.IMMEDIATE));
        }

        @Test
        void whereaboutsUnknownIsAMissingPersonMatterForPolice() {
            ResponsePlan plan = table.plan(Call.of(Category.CONCERN_FOR_WELFARE).no("whereaboutsKnown").yes("knownToMentalHealth"));
            assertThat(agencies(plan)).containsExactly(tuple(Agency.POLICE, Role.LEAD, Grade.PRIORITY),
                    tuple(Agency.MENTAL_HEALTH, Role.INFORMED, null));
        }
    }

    @Nested
    class Children {

        @Test
        void aFifteenYearOldKnownToMentalHealthInvolvesChildrensSocialCareWhichLeads() {
            ResponsePlan plan = table.plan(Call.of(Category.CONCERN_FOR_WELFARE).yes("knownToMentalHealth").aged(15));
            assertThat(plan.route()).isEqualTo(Route.REFER);
            assertThat(plan.agency()).isEqualTo(Agency.CHILDRENS_SOCIAL_CARE);
            assertThat(agencies(plan)).containsExactly(tuple(Agency.CHILDRENS_SOCIAL_CARE, Role.LEAD, null),
                    tuple(Agency.MENTAL_HEALTH, Role.SUPPORT, null));
        }

        @Test
        void childrensSocialCareIsInvolvedWhateverElseLeads() {
            ResponsePlan plan = table.plan(Call.of(Category.CONCERN_FOR_WELFARE).yes("riskToLife").aged(12));
            assertThat(agencies(plan)).containsExactly(tuple(Agency.POLICE, Role.LEAD, Grade.IMMEDIATE),
                    tuple(Agency.CHILDRENS_SOCIAL_CARE, Role.SUPPORT, null));
        }

        @Test
        void aChildWalkingOutOfAAndEIsAMissingChildForPoliceWithChildrensSocialCare() {
            ResponsePlan plan = table.plan(Call.of(Category.WALKOUT).aged(15));
            assertThat(plan.route()).isEqualTo(Route.POLICE_ATTEND);
            assertThat(agencies(plan)).containsExactly(tuple(Agency.POLICE, Role.LEAD, Grade.PRIORITY),
                    tuple(Agency.HEALTHCARE_SETTING, Role.SUPPORT, null), tuple(Agency.CHILDRENS_SOCIAL_CARE, Role.SUPPORT, null));
        }

        @Test
        void adultSocialCareIsNotTheChildrensService() {
            ResponsePlan plan = table.plan(Call.of(Category.CONCERN_FOR_WELFARE).yes("knownToSocialCare").aged(16));
            assertThat(plan.response(Agency.SOCIAL_CARE)).isEmpty();
            assertThat(plan.agency()).isEqualTo(Agency.CHILDRENS_SOCIAL_CARE);
        }
    }

    @Nested
    class WalkOutsAndAwol {

        @Test
        void aDetainedPatientWalkingOutIsAwolForTheDetainingTrustNotTheSetting() {
            ResponsePlan plan = table.plan(Call.of(Category.WALKOUT).yes("walkoutDetained"));
            assertThat(plan.agency()).isEqualTo(Agency.MENTAL_HEALTH);
            assertThat(plan.response(Agency.HEALTHCARE_SETTING)).isEmpty();
        }

        @Test
        void aVoluntaryAdultWalkingOutIsTheSettingsToFollowUp() {
            assertThat(agencies(table.plan(Call.of(Category.WALKOUT).no("walkoutDetained"))))
                    .containsExactly(tuple(Agency.HEALTHCARE_SETTING, Role.LEAD, null));
        }

        @Test
        void aDangerousRestrictedAbsconderIsImmediate() {
            ResponsePlan plan = table.plan(Call.of(Category.AWOL).yes("awolPartThree", "awolDangerous").awol(AwolKind.ABSCONDED));
            assertThat(plan.grade()).isEqualTo(Grade.IMMEDIATE);
            assertThat(agencies(plan)).containsExactly(tuple(Agency.POLICE, Role.LEAD, Grade.IMMEDIATE),
                    tuple(Agency.MENTAL_HEALTH, Role.SUPPORT, null));
        }

        @Test
        void aDangerousEscapeeFromCustodyIsImmediate() {
            assertThat(table.plan(Call.of(Category.AWOL).yes("awolDangerous").awol(AwolKind.ESCAPED_CUSTODY)).grade())
                    .isEqualTo(Grade.IMMEDIATE);
        }

        @Test
        void anUnsearchedHospitalIsOnThePlanForTheTrust() {
            ResponsePlan plan = table.plan(Call.of(Category.AWOL).no("awolHospitalSearched").yes("awolParticularlyVulnerable"));
            assertThat(plan.response(Agency.MENTAL_HEALTH)).get().satisfies(response -> {
                assertThat(response.role()).isEqualTo(Role.SUPPORT);
                assertThat(response.reason()).contains("have not been searched");
            });
        }
    }

    @Nested
    class AForcesRollOut {

        private ResponsePlan planIn(RoutingScope scope, Call call, Category category, Integer age) {
            List<Need> needs = new ArrayList<>(table.needs(call));
            scope.outOfScope(category, age).ifPresent(needs::add);
            return ResponsePlanner.plan(needs);
        }

        @Test
        void aCategoryNotYetRolledOutGoesToPoliceAsBeforeKeepingEveryOtherNeed() {
            RoutingScope scope = new RoutingScope();
            scope.setCategories(EnumSet.complementOf(EnumSet.of(Category.MEDICAL)));
            ResponsePlan plan = planIn(scope, Call.of(Category.MEDICAL), Category.MEDICAL, 40);
            assertThat(plan.route()).isEqualTo(Route.POLICE_ATTEND);
            assertThat(agencies(plan)).containsExactly(tuple(Agency.POLICE, Role.LEAD, Grade.PRIORITY),
                    tuple(Agency.AMBULANCE, Role.SUPPORT, Grade.SCHEDULED));
            assertThat(plan.rationale()).contains("does not route MEDICAL calls by RCRP yet");
        }

        @Test
        void aRolledOutCategoryRoutesByRcrp() {
            ResponsePlan plan = planIn(RoutingScope.everything(), Call.of(Category.MEDICAL), Category.MEDICAL, 40);
            assertThat(plan.route()).isEqualTo(Route.REFER);
        }

        @Test
        void childrenBeforeTheForcePhasesThemInGoToPoliceAsBefore() {
            RoutingScope adultsOnly = new RoutingScope();
            adultsOnly.setMinAge(18);
            Call child = Call.of(Category.CONCERN_FOR_WELFARE).yes("knownToMentalHealth").aged(15);
            ResponsePlan plan = planIn(adultsOnly, child, Category.CONCERN_FOR_WELFARE, 15);
            assertThat(plan.route()).isEqualTo(Route.POLICE_ATTEND);
            assertThat(plan.response(Agency.CHILDRENS_SOCIAL_CARE)).get().extracting(Response::role).isEqualTo(Role.SUPPORT);
            assertThat(planIn(adultsOnly, Call.of(Category.CONCERN_FOR_WELFARE).yes("knownToMentalHealth").aged(30),
                    Category.CONCERN_FOR_WELFARE, 30).route()).isEqualTo(Route.REFER);
            assertThat(planIn(RoutingScope.everything(), child, Category.CONCERN_FOR_WELFARE, 15).route()).isEqualTo(Route.REFER);
        }
    }

    @Test
    void noNeedAtAllIsAdviceAndClose() {
        ResponsePlan plan = table.plan(Call.of(Category.CONCERN_FOR_WELFARE));
        assertThat(plan.route()).isEqualTo(Route.ADVICE_AND_CLOSE);
        assertThat(plan.responses()).isEmpty();
        assertThat(plan.kind()).isEqualTo(ResponsePlan.PlanKind.ADVICE);
    }
}
