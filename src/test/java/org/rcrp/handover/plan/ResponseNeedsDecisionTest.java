package org.rcrp.handover.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rcrp.handover.plan.NeedsTable.Call;
import org.rcrp.handover.process.AwolKind;
import org.rcrp.handover.process.Category;

/**
 * The needs table rule by rule: for each rule, the smallest call that makes it match, and every rule that call matches
 * (COLLECT: a rule never hides another). Each need's reason is the rule's own text.
 */
class ResponseNeedsDecisionTest {

    private static NeedsTable table;

    @BeforeAll
    static void parse() {
        table = new NeedsTable();
    }

    record RuleCase(String rule, Call call, List<String> matched) {

        @Override
        public String toString() {
            return rule + " <- " + call;
        }
    }

    private static RuleCase hits(String rule, Call call, String... alsoMatched) {
        return new RuleCase(rule, call, Stream.concat(Stream.of(alsoMatched), Stream.of(rule)).toList());
    }

    static Stream<RuleCase> ruleCases() {
        return Stream.of(
                hits("need_risk_to_life", Call.of(Category.CONCERN_FOR_WELFARE).yes("riskToLife")),
                hits("need_serious_harm", Call.of(Category.OTHER).yes("seriousHarm")),
                hits("need_child_at_risk", Call.of(Category.OTHER).yes("childAtRisk").aged(30)),
                hits("need_entry_needed", Call.of(Category.OTHER).yes("entryNeeded")),
                hits("need_crime", Call.of(Category.OTHER).yes("crime")),
                hits("need_missing_person", Call.of(Category.OTHER).yes("missingPerson")),
                hits("need_whereabouts_unknown", Call.of(Category.CONCERN_FOR_WELFARE).no("whereaboutsKnown")),
                hits("need_awol_restricted_dangerous", Call.of(Category.AWOL).yes("awolPartThree", "awolDangerous"),
                        "need_awol_part_three", "need_awol_dangerous", "need_awol_trust"),
                hits("need_awol_escaped_dangerous", Call.of(Category.AWOL).awol(AwolKind.ESCAPED_CUSTODY).yes("awolDangerous"),
                        "need_awol_escaped", "need_awol_dangerous", "need_awol_trust"),
                hits("need_awol_escaped", Call.of(Category.AWOL).awol(AwolKind.ESCAPED_CUSTODY), "need_awol_trust"),
                hits("need_awol_part_three", Call.of(Category.AWOL).yes("awolPartThree"), "need_awol_trust"),
                hits("need_awol_dangerous", Call.of(Category.AWOL).yes("awolDangerous"), "need_awol_trust"),
                hits("need_awol_vulnerable", Call.of(Category.AWOL).yes("awolParticularlyVulnerable"), "need_awol_trust"),
                hits("need_awol_search_first", Call.of(Category.AWOL).no("awolHospitalSearched"), "need_awol_trust"),
                hits("need_awol_trust", Call.of(Category.AWOL).awol(AwolKind.FAILED_TO_RETURN)),
                hits("need_walkout_detained", Call.of(Category.WALKOUT).yes("walkoutDetained")),
                hits("need_walkout_child", Call.of(Category.WALKOUT).aged(15), "need_walkout_setting", "need_child"),
                hits("need_walkout_setting", Call.of(Category.WALKOUT).no("walkoutDetained")),
                hits("need_medical_emergency", Call.of(Category.OTHER).yes("medicalEmergency")),
                hits("need_medical_conveyance", Call.of(Category.MEDICAL)),
                hits("need_child", Call.of(Category.OTHER).aged(15)),
                hits("need_known_mental_health", Call.of(Category.CONCERN_FOR_WELFARE).yes("knownToMentalHealth")),
                hits("need_known_social_care", Call.of(Category.CONCERN_FOR_WELFARE).yes("knownToSocialCare")),
                hits("need_s136", Call.of(Category.S136_HANDOVER)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleCases")
    void eachRuleMatchesItsCallAndNothingElseDoes(RuleCase ruleCase) {
        assertThat(table.matched(ruleCase.call())).as("rules matched by %s", ruleCase.call())
                .containsExactlyInAnyOrderElementsOf(ruleCase.matched());
        assertThat(table.needs(ruleCase.call())).extracting(Need::reason)
                .contains(table.reasonByRule.get(ruleCase.rule()));
    }

    @Test
    void everyRuleHasACaseAndTheTableCollects() {
        assertThat(table.hitPolicy).isEqualTo("COLLECT");
        assertThat(ruleCases().map(RuleCase::rule)).containsExactlyInAnyOrderElementsOf(table.reasonByRule.keySet());
        assertThat(table.reasonByRule.keySet()).allMatch(rule -> rule.startsWith("need_"));
    }

    @Test
    void aCallWithNoNeedMatchesNothing() {
        assertThat(table.matched(Call.of(Category.CONCERN_FOR_WELFARE))).isEmpty();
        assertThat(table.matched(Call.of(Category.OTHER).no("riskToLife", "crime", "medicalEmergency").yes("whereaboutsKnown")))
                .isEmpty();
    }

    @Test
    void anUnknownAgeIsNotAChildAndUnansweredQuestionsMatchNothing() {
        Call unknownAge = Call.of(Category.WALKOUT);
        assertThat(table.matched(unknownAge)).containsExactly("need_walkout_setting");
        assertThat(table.matched(Call.of(Category.CONCERN_FOR_WELFARE))).doesNotContain("need_whereabouts_unknown");
    }

    @Test
    void theMostAnyCallCanMatchStillFitsInOneEngineVariable() {
        Call everything = Call.of(Category.AWOL).yes("riskToLife", "seriousHarm", "childAtRisk", "entryNeeded", "crime",
                "missingPerson", "medicalEmergency", "knownToMentalHealth", "knownToSocialCare", "awolPartThree",
                "awolDangerous", "awolParticularlyVulnerable", "walkoutDetained").awol(AwolKind.ESCAPED_CUSTODY).aged(15);
        String encoded = Needs.encode(table.needs(everything));
        assertThat(encoded.length()).as("responseNeeds is kept in the engine's 4000-character text column").isLessThan(4000);
        assertThat(Needs.decode(encoded)).isEqualTo(table.needs(everything));
    }
}
