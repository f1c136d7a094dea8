package org.rcrp.handover.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.ThresholdDecision;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The threshold table {@code bpmn/rcrp-threshold.dmn} on the standalone DMN engine, rule by rule.
 * Every case names the rule it must hit first; the engine reports which rule matched, and the
 * rationale must be that rule's own text as written in the file.
 */
class ThresholdDecisionTest {

    private static final String DMN_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/";

    private static DmnEngine dmnEngine;
    private static DmnDecision decision;
    /** Rule ids in table order, each with its rationale text, read straight from the XML. */
    private static Map<String, String> rationaleByRule;
    private static String hitPolicy;
    /** The category each rule tests for (unquoted), for rules that test one. */
    private static List<String> categoriesInTable;
    /** Ids of the rules that matched in the last evaluation (FIRST: at most one). */
    private static List<String> lastMatchedRules = List.of();

    @BeforeAll
    static void parseTable() throws Exception {
        DmnDecisionTableEvaluationListener recordMatches = event -> lastMatchedRules =
                event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList();
        DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
                .createDefaultDmnEngineConfiguration().customPostDecisionTableEvaluationListeners(List.of(recordMatches));
        // The application's setting (camunda.bpm.generic-properties dmn-feel-enable-legacy-behavior): every rule
        // is checked on the FEEL implementation that evaluates it in production.
        configuration.setEnableFeelLegacyBehavior(true);
        dmnEngine = configuration.buildEngine();
        try (InputStream dmn = resource()) {
            decision = dmnEngine.parseDecision(ThresholdDecision.KEY, dmn);
        }
        try (InputStream dmn = resource()) {
            readRulesFromXml(dmn);
        }
    }

    private static InputStream resource() {
        InputStream dmn = ThresholdDecisionTest.class.getClassLoader().getResourceAsStream(ThresholdDecision.RESOURCE);
        assertThat(dmn).as("classpath resource %s", ThresholdDecision.RESOURCE).isNotNull();
        return dmn;
    }

    private static void readRulesFromXml(InputStream dmn) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(dmn);
        Element table = (Element) document.getElementsByTagNameNS(DMN_NS, "decisionTable").item(0);
        hitPolicy = table.getAttribute("hitPolicy");

        NodeList outputs = table.getElementsByTagNameNS(DMN_NS, "output");
        int rationaleIndex = -1;
        for (int i = 0; i < outputs.getLength(); i++) {
            if (ThresholdDecision.OUTPUT_RATIONALE.equals(((Element) outputs.item(i)).getAttribute("name"))) {
                rationaleIndex = i;
            }
        }
        assertThat(rationaleIndex).as("the table has a rationale output").isNotNegative();

        rationaleByRule = new LinkedHashMap<>();
        categoriesInTable = new ArrayList<>();
        NodeList rules = table.getElementsByTagNameNS(DMN_NS, "rule");
        for (int i = 0; i < rules.getLength(); i++) {
            Element rule = (Element) rules.item(i);
            String text = rule.getElementsByTagNameNS(DMN_NS, "outputEntry").item(rationaleIndex).getTextContent().strip();
            String previous = rationaleByRule.put(rule.getAttribute("id"), unquote(text));
            assertThat(previous).as("rule id %s appears once", rule.getAttribute("id")).isNull();
            String category = rule.getElementsByTagNameNS(DMN_NS, "inputEntry").item(0).getTextContent().strip();
            if (!category.isEmpty()) {
                categoriesInTable.add(unquote(category));
            }
        }
    }

    private static String unquote(String feelString) {
        assertThat(feelString).startsWith("\"").endsWith("\"");
        return feelString.substring(1, feelString.length() - 1);
    }

    // ---------------------------------------------------------------------------------------------
    // The call as the table sees it
    // ---------------------------------------------------------------------------------------------

    private static final List<String> FLAGS = List.of("riskToLife", "seriousHarm", "childAtRisk", "crime",
            "missingPerson", "awolPartThree", "awolDangerous", "awolParticularlyVulnerable", "medicalEmergency",
            "knownToMentalHealth", "knownToSocialCare");

    /** The inputs of one call: a category, the flags that are true (all others false) and an age (may be null). */
    record Call(String category, Set<String> flags, Integer subjectAge) {

        static Call of(Category category, String... flags) {
            return new Call(category == null ? null : category.name(), Set.of(flags), null);
        }

        Call aged(Integer years) {
            return new Call(category, flags, years);
        }

        Map<String, Object> variables() {
            assertThat(FLAGS).containsAll(flags);
            Map<String, Object> variables = new HashMap<>();
            variables.put("category", category);
            FLAGS.forEach(flag -> variables.put(flag, flags.contains(flag)));
            variables.put("subjectAge", subjectAge);
            return variables;
        }

        @Override
        public String toString() {
            StringJoiner description = new StringJoiner(" + ");
            description.add(String.valueOf(category));
            FLAGS.stream().filter(flags::contains).forEach(description::add);
            if (subjectAge != null) {
                description.add("age " + subjectAge);
            }
            return description.toString();
        }
    }

    /** What the table answered, and which rule answered it. */
    record Outcome(String rule, String route, String grade, String agency, String rationale) {
    }

    private static Outcome evaluate(Call call) {
        lastMatchedRules = List.of();
        DmnDecisionTableResult result = dmnEngine.evaluateDecisionTable(decision, call.variables());
        assertThat(result).as("FIRST hit policy returns one result for %s", call).hasSize(1);
        assertThat(lastMatchedRules).as("matched rules for %s", call).hasSize(1);
        Map<String, Object> entries = result.getSingleResult().getEntryMap();
        return new Outcome(lastMatchedRules.get(0),
                (String) entries.get(ThresholdDecision.OUTPUT_ROUTE),
                (String) entries.get(ThresholdDecision.OUTPUT_GRADE),
                (String) entries.get(ThresholdDecision.OUTPUT_AGENCY),
                (String) entries.get(ThresholdDecision.OUTPUT_RATIONALE));
    }

    private static void assertHits(Call call, String rule, String route, String grade, String agency) {
        Outcome outcome = evaluate(call);
        assertThat(outcome.rule()).as("first matching rule for %s", call).isEqualTo(rule);
        assertThat(outcome.route()).as("route for %s", call).isEqualTo(route);
        assertThat(outcome.grade()).as("grade for %s", call).isEqualTo(grade);
        assertThat(outcome.agency()).as("agency for %s", call).isEqualTo(agency);
        assertThat(outcome.rationale()).as("rationale for %s", call).isEqualTo(rationaleByRule.get(rule));
    }

    // ---------------------------------------------------------------------------------------------
    // One case per rule, in table order
    // ---------------------------------------------------------------------------------------------

    record RuleCase(String rule, Call call, String route, String grade, String agency) {

        @Override
        public String toString() {
            return rule + " <- " + call;
        }
    }

    private static final String POLICE = "POLICE_ATTEND";
    private static final String REFER = "REFER";
    private static final String ADVICE = "ADVICE_AND_CLOSE";
    private static final String IMMEDIATE = "IMMEDIATE";
    private static final String PRIORITY = "PRIORITY";

    static final List<RuleCase> RULE_CASES = List.of(
            new RuleCase("rule_risk_to_life", Call.of(Category.CONCERN_FOR_WELFARE, "riskToLife"), POLICE, IMMEDIATE, null),
            new RuleCase("rule_serious_harm", Call.of(Category.CONCERN_FOR_WELFARE, "seriousHarm"), POLICE, IMMEDIATE, null),
            new RuleCase("rule_child_at_risk", Call.of(Category.CONCERN_FOR_WELFARE, "childAtRisk").aged(6), POLICE, IMMEDIATE, null),
            new RuleCase("rule_crime", Call.of(Category.OTHER, "crime"), POLICE, PRIORITY, null),
            new RuleCase("rule_missing_person", Call.of(Category.CONCERN_FOR_WELFARE, "missingPerson"), POLICE, PRIORITY, null),
            new RuleCase("rule_awol_part_three", Call.of(Category.AWOL, "awolPartThree"), POLICE, PRIORITY, null),
            new RuleCase("rule_awol_dangerous", Call.of(Category.AWOL, "awolDangerous"), POLICE, PRIORITY, null),
            new RuleCase("rule_awol_vulnerable", Call.of(Category.AWOL, "awolParticularlyVulnerable"), POLICE, PRIORITY, null),
            new RuleCase("rule_medical_emergency", Call.of(Category.CONCERN_FOR_WELFARE, "medicalEmergency"), REFER, null, "AMBULANCE"),
            new RuleCase("rule_medical", Call.of(Category.MEDICAL), REFER, null, "AMBULANCE"),
            new RuleCase("rule_walkout", Call.of(Category.WALKOUT), REFER, null, "HEALTHCARE_SETTING"),
            new RuleCase("rule_awol", Call.of(Category.AWOL), REFER, null, "MENTAL_HEALTH"),
            new RuleCase("rule_s136_handover", Call.of(Category.S136_HANDOVER), POLICE, PRIORITY, null),
            new RuleCase("rule_welfare_known_mental_health", Call.of(Category.CONCERN_FOR_WELFARE, "knownToMentalHealth").aged(34), REFER, null, "MENTAL_HEALTH"),
            new RuleCase("rule_welfare_child", Call.of(Category.CONCERN_FOR_WELFARE).aged(15), REFER, null, "SOCIAL_CARE"),
            new RuleCase("rule_welfare_known_social_care", Call.of(Category.CONCERN_FOR_WELFARE, "knownToSocialCare").aged(80), REFER, null, "SOCIAL_CARE"),
            new RuleCase("rule_welfare_no_service", Call.of(Category.CONCERN_FOR_WELFARE).aged(40), ADVICE, null, null),
            new RuleCase("rule_otherwise", Call.of(Category.OTHER), ADVICE, null, null));

    static Stream<RuleCase> ruleCases() {
        return RULE_CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleCases")
    @DisplayName("each rule is hit first by the call it is written for, with its own route, grade, agency and rationale")
    void eachRuleHitsFirstWithItsOwnOutputs(RuleCase ruleCase) {
        assertHits(ruleCase.call(), ruleCase.rule(), ruleCase.route(), ruleCase.grade(), ruleCase.agency());
    }

    // ---------------------------------------------------------------------------------------------
    // The table itself
    // ---------------------------------------------------------------------------------------------

    @Test
    void everyRuleInTheFileIsExercisedByARuleCase() {
        Set<String> exercised = RULE_CASES.stream().map(RuleCase::rule).collect(Collectors.toSet());
        assertThat(exercised).containsExactlyInAnyOrderElementsOf(rationaleByRule.keySet());
        assertThat(RULE_CASES).extracting(RuleCase::rule).doesNotHaveDuplicates();
    }

    @Test
    void ruleCasesFollowTheTableOrder() {
        assertThat(RULE_CASES).extracting(RuleCase::rule).containsExactlyElementsOf(rationaleByRule.keySet());
    }

    @Test
    void tableUsesHitPolicyFirstWithEighteenRulesAndUniqueRationales() {
        assertThat(hitPolicy).isEqualTo("FIRST");
        assertThat(rationaleByRule).hasSize(18);
        assertThat(rationaleByRule.values()).doesNotHaveDuplicates().allSatisfy(text -> assertThat(text).isNotBlank());
    }

    // ---------------------------------------------------------------------------------------------
    // Precedence that matters for safety
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} with every other flag set")
    @EnumSource(Category.class)
    void riskToLifeWinsOverEverythingInEveryCategory(Category category) {
        Call everything = new Call(category.name(), Set.copyOf(FLAGS), 15);
        assertHits(everything, "rule_risk_to_life", POLICE, IMMEDIATE, null);
    }

    @Test
    void riskToLifeWinsWithoutACategory() {
        assertHits(Call.of(null, "riskToLife"), "rule_risk_to_life", POLICE, IMMEDIATE, null);
    }

    @Test
    void walkoutWithRiskToLifeGetsAnImmediatePoliceResponseNotTheHealthcareSetting() {
        assertHits(Call.of(Category.WALKOUT, "riskToLife"), "rule_risk_to_life", POLICE, IMMEDIATE, null);
    }

    @ParameterizedTest(name = "{0} with serious harm")
    @EnumSource(Category.class)
    void seriousHarmGetsAnImmediatePoliceResponseInEveryCategory(Category category) {
        Call call = Call.of(category, "seriousHarm", "medicalEmergency", "knownToMentalHealth", "knownToSocialCare").aged(15);
        assertHits(call, "rule_serious_harm", POLICE, IMMEDIATE, null);
    }

    @Test
    void childAtRiskGetsAnImmediatePoliceResponseEvenWhenKnownToServices() {
        assertHits(Call.of(Category.CONCERN_FOR_WELFARE, "childAtRisk", "knownToMentalHealth", "knownToSocialCare").aged(12),
                "rule_child_at_risk", POLICE, IMMEDIATE, null);
    }

    @Test
    void crimeBeatsAMedicalEmergency() {
        assertHits(Call.of(Category.MEDICAL, "crime", "medicalEmergency"), "rule_crime", POLICE, PRIORITY, null);
    }

    @Test
    void aConcernForWelfareThatIsAMissingPersonGoesToPolice() {
        assertHits(Call.of(Category.CONCERN_FOR_WELFARE, "missingPerson", "knownToMentalHealth"),
                "rule_missing_person", POLICE, PRIORITY, null);
    }

    @ParameterizedTest(name = "AWOL + {0}")
    @ValueSource(strings = {"awolPartThree", "awolDangerous", "awolParticularlyVulnerable"})
    void awolWithAnyReportingFlagGoesToPoliceNotTheTrust(String flag) {
        Outcome outcome = evaluate(Call.of(Category.AWOL, flag, "knownToMentalHealth"));
        assertThat(outcome.route()).isEqualTo(POLICE);
        assertThat(outcome.grade()).isEqualTo(PRIORITY);
        assertThat(outcome.agency()).isNull();
    }

    @Test
    void awolWithAllReportingFlagsHitsThePartThreeRuleFirst() {
        assertHits(Call.of(Category.AWOL, "awolPartThree", "awolDangerous", "awolParticularlyVulnerable"),
                "rule_awol_part_three", POLICE, PRIORITY, null);
    }

    @ParameterizedTest(name = "CONCERN_FOR_WELFARE + {0}")
    @ValueSource(strings = {"awolPartThree", "awolDangerous", "awolParticularlyVulnerable"})
    void awolFlagsOutsideAnAwolCallDoNotSendPolice(String flag) {
        assertHits(Call.of(Category.CONCERN_FOR_WELFARE, flag).aged(40), "rule_welfare_no_service", ADVICE, null, null);
    }

    @Test
    void medicalEmergencyGoesToAmbulanceWhateverTheCategory() {
        assertHits(Call.of(Category.WALKOUT, "medicalEmergency"), "rule_medical_emergency", REFER, null, "AMBULANCE");
    }

    @Test
    void aChildKnownToMentalHealthGoesToTheCrisisTeamBecauseThatRuleComesFirst() {
        assertHits(Call.of(Category.CONCERN_FOR_WELFARE, "knownToMentalHealth").aged(15),
                "rule_welfare_known_mental_health", REFER, null, "MENTAL_HEALTH");
    }

    @Test
    void aChildKnownToSocialCareGoesToChildrensSocialCare() {
        assertHits(Call.of(Category.CONCERN_FOR_WELFARE, "knownToSocialCare").aged(15),
                "rule_welfare_child", REFER, null, "SOCIAL_CARE");
    }

    @Test
    void anUnknownAgeDoesNotMatchTheChildRule() {
        assertHits(Call.of(Category.CONCERN_FOR_WELFARE).aged(null), "rule_welfare_no_service", ADVICE, null, null);
    }

    @Test
    void anUnknownAgeKnownToSocialCareGoesToAdultSocialCare() {
        assertHits(Call.of(Category.CONCERN_FOR_WELFARE, "knownToSocialCare").aged(null),
                "rule_welfare_known_social_care", REFER, null, "SOCIAL_CARE");
    }

    @Test
    void seventeenIsAChildAndEighteenIsNot() {
        assertHits(Call.of(Category.CONCERN_FOR_WELFARE).aged(17), "rule_welfare_child", REFER, null, "SOCIAL_CARE");
        assertHits(Call.of(Category.CONCERN_FOR_WELFARE).aged(18), "rule_welfare_no_service", ADVICE, null, null);
    }

    @Test
    void aChildOutsideAConcernForWelfareIsNotReferredToSocialCare() {
        assertHits(Call.of(Category.OTHER).aged(10), "rule_otherwise", ADVICE, null, null);
    }

    @ParameterizedTest(name = "{0} with nothing else known")
    @EnumSource(Category.class)
    void everyCategoryWithNoFlagsGetsAnAnswer(Category category) {
        Outcome outcome = evaluate(Call.of(category));
        assertThat(outcome.route()).isIn(POLICE, REFER, ADVICE);
        assertThat(outcome.rationale()).isEqualTo(rationaleByRule.get(outcome.rule()));
        if (REFER.equals(outcome.route())) {
            assertThat(outcome.agency()).as("a referral names an agency").isNotNull();
        }
        if (POLICE.equals(outcome.route())) {
            assertThat(outcome.grade()).as("police attendance has a grade").isNotNull();
        }
    }

    @Test
    void policeRoutesAlwaysCarryAGradeAndReferralsGoToAnAgencyThatTakesThem() {
        // The rule cases' expectations are checked against the table above, so this holds for the table.
        List<String> problems = new ArrayList<>();
        for (RuleCase ruleCase : RULE_CASES) {
            if (POLICE.equals(ruleCase.route()) && ruleCase.grade() == null) {
                problems.add(ruleCase + " has no grade");
            }
            if (REFER.equals(ruleCase.route())
                    && (ruleCase.agency() == null || !Agency.valueOf(ruleCase.agency()).takesReferrals())) {
                problems.add(ruleCase + " does not refer to an agency that takes referrals");
            }
            if (!POLICE.equals(ruleCase.route()) && ruleCase.grade() != null) {
                problems.add(ruleCase + " grades a non-police route");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyCategoryTheTableTestsForIsARealCategory() {
        // A misspelt category ("WALK_OUT") would never match and silently fall through to advice-and-close.
        assertThat(categoriesInTable).isNotEmpty()
                .allSatisfy(category -> assertThat(Arrays.stream(Category.values()).map(Enum::name)).contains(category));
    }
}
