package org.rcrp.handover.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.process.LabelCatalogue;
import org.rcrp.handover.process.TaskCompletion;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The task catalogue is the one place a user task is described: it has exactly the user tasks of the models (with their
 * candidate groups as the models give them), each question of a task's page binds to a component of the task's body
 * record and has words, and no other class keeps its own list of task keys.
 */
class TaskCatalogueTest {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final Path SOURCES = Path.of("src/main/java/org/rcrp/handover");

    @Test
    void everyUserTaskOfTheModelsHasExactlyOneEntryAndEveryEntryIsAUserTaskOfTheModels() throws Exception {
        // task key → process key → candidate groups, as the models say it
        Map<String, Map<String, String>> modelled = new TreeMap<>();
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path model : models.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList()) {
                var factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                NodeList processes = factory.newDocumentBuilder().parse(model.toFile()).getElementsByTagNameNS(BPMN, "process");
                for (int p = 0; p < processes.getLength(); p++) {
                    Element process = (Element) processes.item(p);
                    NodeList tasks = process.getElementsByTagNameNS(BPMN, "userTask");
                    for (int t = 0; t < tasks.getLength(); t++) {
                        Element task = (Element) tasks.item(t);
                        modelled.computeIfAbsent(task.getAttribute("id"), key -> new TreeMap<>())
                                .put(process.getAttribute("id"), task.getAttributeNS(CAMUNDA, "candidateGroups"));
                    }
                }
            }
        }
        assertThat(modelled).as("the models' user tasks").hasSizeGreaterThanOrEqualTo(13);

        Map<String, Map<String, String>> catalogued = new TreeMap<>();
        TaskCatalogue.TASKS.forEach(task -> assertThat(catalogued.put(task.key(), new TreeMap<>(task.candidateGroups())))
                .as("a second entry for " + task.key()).isNull());

        assertThat(catalogued).isEqualTo(modelled);
    }

    @Test
    void everyBodyRecordCompletesTheTaskOfItsEntry() throws Exception {
        for (UserTask task : TaskCatalogue.TASKS) {
            assertThat(task.body().isRecord()).as(task.body() + " is a record").isTrue();
            Object[] nothing = Arrays.stream(task.body().getRecordComponents()).map(RecordComponent::getType)
                    .map(type -> type == boolean.class ? (Object) false : type.isPrimitive() ? 0 : null).toArray();
            Class<?>[] types = Arrays.stream(task.body().getRecordComponents()).map(RecordComponent::getType).toArray(Class[]::new);
            TaskCompletion empty = task.body().getDeclaredConstructor(types).newInstance(nothing);
            assertThat(empty.taskKey()).as(task.body().getSimpleName()).isEqualTo(task.key());
        }
    }

    @Test
    void everyQuestionIsAComponentOfItsBodyRecordAndHasWords() {
        for (UserTask task : TaskCatalogue.TASKS) {
            List<String> components = Arrays.stream(task.body().getRecordComponents()).map(RecordComponent::getName).toList();
            assertThat(task.page() == UserTask.Page.TASK ? task.questions() : List.of())
                    .as(task.key() + " asks on the task page").isEqualTo(task.questions());
            for (UserTask.Question question : task.questions()) {
                String where = task.key() + "." + question.name();
                assertThat(components).as(where + " is a component of " + task.body().getSimpleName()).contains(question.name());
                assertThat(question.label()).as(where + " has a label").isNotBlank().doesNotContainPattern("\\b[a-z]+[A-Z]\\w*\\b");
                assertThat(question.missing()).as(where + " says what to do when unanswered").matches("(Select|Enter) .+");
                switch (question.kind()) {
                    case RADIO, SELECT -> assertThat(LabelCatalogue.CHOICES).as(where + " offers values with words in the label catalogue")
                            .contains(question.choices().type());
                    default -> assertThat(question.choices().type()).as(where + " offers no values").isNull();
                }
            }
            if (task.page() == UserTask.Page.TASK) {
                assertThat(task.questions()).as(task.key() + " asks something").isNotEmpty();
                assertThat(task.title().apply(Map.of())).as(task.key() + " has a title").isNotBlank();
            }
        }
    }

    @Test
    void noOtherClassKeepsItsOwnListOfTaskKeys() throws IOException {
        // The API's binding and oneOf, the task pages' questions and the figures' hooks are derived from the catalogue.
        for (String derived : List.of("inbox/TaskBodies.java", "inbox/TaskController.java", "web/TaskForms.java",
                "metrics/FiguresListeners.java")) {
            String source = Files.readString(SOURCES.resolve(derived));
            assertThat(source).as(derived).doesNotContainPattern("Elements\\.USER_\\w+").doesNotContainPattern("\"user_\\w+\"");
            for (UserTask task : TaskCatalogue.TASKS) {
                assertThat(source).as(derived + " names no body record").doesNotContainPattern("\\b" + task.body().getSimpleName() + "\\.class");
            }
        }
    }

    @Test
    void theCatalogueNamesEachBodyRecordOnce() {
        assertThat(new TreeSet<>(TaskCatalogue.bodies().values().stream().map(Class::getName).toList()))
                .hasSize(TaskCatalogue.TASKS.size());
    }
}
