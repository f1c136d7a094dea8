package org.rcrp.handover.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model in bpmn/ carries its diagram (Cockpit shows where each case waits on it, the coverage report draws on it):
 * a shape for every flow node and an edge for every sequence flow. And the pictures in docs/diagrams/ are rendered from
 * the models as they are now ({@code tools/diagrams}): every flow node and sequence flow of a model appears in them.
 */
class ModelDiagramsTest {

    private static final Path MODELS = Path.of("bpmn");
    private static final Path PICTURES = Path.of("docs", "diagrams");
    private static final Pattern DRAWN = Pattern.compile("data-element-id=\"([^\"]+)\"");

    static Stream<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(MODELS)) {
            return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyFlowNodeHasItsShapeAndEverySequenceFlowItsEdge(Path model) {
        BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
        Set<String> shaped = new HashSet<>();
        instance.getModelElementsByType(BpmnShape.class).forEach(shape -> shaped.add(shape.getBpmnElement().getId()));
        Set<String> edged = new HashSet<>();
        instance.getModelElementsByType(BpmnEdge.class).forEach(edge -> edged.add(edge.getBpmnElement().getId()));

        assertThat(ids(instance.getModelElementsByType(FlowNode.class))).isNotEmpty();
        assertThat(missing(instance.getModelElementsByType(FlowNode.class), shaped)).as("flow nodes without a shape")
                .isEmpty();
        assertThat(missing(instance.getModelElementsByType(SequenceFlow.class), edged)).as("sequence flows without an edge")
                .isEmpty();
        assertThat(instance.getModelElementsByType(BpmnEdge.class)).as("edges with fewer than two waypoints")
                .allMatch(edge -> edge.getWaypoints().size() >= 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void itsPicturesShowEveryFlowNodeAndSequenceFlow(Path model) throws IOException {
        BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
        String name = model.getFileName().toString().replaceFirst("\\.bpmn$", "");
        Set<String> drawn = new HashSet<>();
        try (Stream<Path> pictures = Files.list(PICTURES)) {
            for (Path picture : pictures.filter(file -> file.getFileName().toString().matches(
                    Pattern.quote(name) + "(--.+)?\\.svg")).toList()) {
                Matcher elements = DRAWN.matcher(Files.readString(picture));
                while (elements.find()) {
                    drawn.add(elements.group(1));
                }
            }
        }

        assertThat(missing(instance.getModelElementsByType(FlowNode.class), drawn)).as(
                "flow nodes missing from docs/diagrams/%s*.svg: render again with tools/diagrams", name).isEmpty();
        assertThat(missing(instance.getModelElementsByType(SequenceFlow.class), drawn)).as(
                "sequence flows missing from docs/diagrams/%s*.svg: render again with tools/diagrams", name).isEmpty();
    }

    private static List<String> missing(Collection<? extends BaseElement> elements, Set<String> present) {
        return ids(elements).stream().filter(id -> !present.contains(id)).toList();
    }

    private static List<String> ids(Collection<? extends BaseElement> elements) {
        return elements.stream().map(BaseElement::getId).toList();
    }
}
