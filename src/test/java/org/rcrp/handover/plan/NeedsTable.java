package org.rcrp.handover.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.rcrp.handover.process.AwolKind;
import org.rcrp.handover.process.Category;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code bpmn/rcrp-response-needs.dmn} on the standalone DMN engine, on the FEEL the application runs it with, with the
 * rules read straight from the XML (id and reason), for the tests of the table and of the plans it makes.
 */
final class NeedsTable {

    private static final String DMN_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/";

    final DmnEngine engine;
    final DmnDecision decision;
    final String hitPolicy;
    /** Rule ids in table order, each with its reason as written in the file. */
    final Map<String, String> reasonByRule = new LinkedHashMap<>();
    private List<String> lastMatched = List.of();

    NeedsTable() {
        DmnDecisionTableEvaluationListener recordMatches = event -> lastMatched =
                event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList();
        DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
                .createDefaultDmnEngineConfiguration().customPostDecisionTableEvaluationListeners(List.of(recordMatches));
        // The application's setting (camunda.bpm.generic-properties dmn-feel-enable-legacy-behavior).
        configuration.setEnableFeelLegacyBehavior(true);
        engine = configuration.buildEngine();
        try (InputStream dmn = resource()) {
            decision = engine.parseDecision(ResponseNeedsDecision.KEY, dmn);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        try (InputStream dmn = resource()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(dmn);
            Element table = (Element) document.getElementsByTagNameNS(DMN_NS, "decisionTable").item(0);
            hitPolicy = table.getAttribute("hitPolicy");
            NodeList outputs = table.getElementsByTagNameNS(DMN_NS, "output");
            int reasonIndex = -1;
            for (int i = 0; i < outputs.getLength(); i++) {
                if (ResponseNeedsDecision.OUTPUT_REASON.equals(((Element) outputs.item(i)).getAttribute("name"))) {
                    reasonIndex = i;
                }
            }
            NodeList rules = table.getElementsByTagNameNS(DMN_NS, "rule");
            for (int i = 0; i < rules.getLength(); i++) {
                Element rule = (Element) rules.item(i);
                String text = rule.getElementsByTagNameNS(DMN_NS, "outputEntry").item(reasonIndex).getTextContent().strip();
                assertThat(reasonByRule.put(rule.getAttribute("id"), text.substring(1, text.length() - 1)))
                        .as("rule id %s appears once", rule.getAttribute("id")).isNull();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource() {
        return NeedsTable.class.getClassLoader().getResourceAsStream(ResponseNeedsDecision.RESOURCE);
    }

    /** The facts of one call as the table reads them; anything not given is unanswered (null). */
    static final class Call {
        final Map<String, Object> variables = new HashMap<>();

        static Call of(Category category) {
            Call call = new Call();
            ResponseNeedsDecision.INPUTS.forEach(input -> call.variables.put(input, null));
            call.variables.put("category", category.name());
            return call;
        }

        Call yes(String... inputs) {
            for (String input : inputs) {
                variables.put(input, true);
            }
            return this;
        }

        Call no(String... inputs) {
            for (String input : inputs) {
                variables.put(input, false);
            }
            return this;
        }

        Call aged(int years) {
            variables.put(ResponseNeedsDecision.INPUT_SUBJECT_IS_CHILD, years < 18);
            return this;
        }

        Call awol(AwolKind kind) {
            variables.put("awolKind", kind.name());
            return this;
        }

        @Override
        public String toString() {
            return variables.entrySet().stream().filter(entry -> entry.getValue() != null)
                    .map(entry -> entry.getKey() + "=" + entry.getValue()).sorted().toList().toString();
        }
    }

    List<Need> needs(Call call) {
        DmnDecisionResult result = engine.evaluateDecision(decision, call.variables);
        return Needs.fromDecision(result.getResultList());
    }

    /** Ids of the rules that matched, in table order. */
    List<String> matched(Call call) {
        lastMatched = List.of();
        engine.evaluateDecision(decision, call.variables);
        return new ArrayList<>(lastMatched);
    }

    ResponsePlan plan(Call call) {
        return ResponsePlanner.plan(needs(call));
    }
}
