package org.rcrp.handover.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The groups the models name in {@code camunda:candidateGroups} are the ones the application knows ({@link Groups}). */
class GroupsTest {

    private static final Pattern CANDIDATE_GROUPS = Pattern.compile("candidateGroups=\"([^\"]*)\"");

    @Test
    void everyGroupAModelNamesIsAKnownGroup() throws IOException {
        assertThat(namedByTheModels()).isNotEmpty().isSubsetOf(known());
    }

    private static Set<String> namedByTheModels() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path model : models.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
                Matcher groups = CANDIDATE_GROUPS.matcher(Files.readString(model));
                while (groups.find()) {
                    if (!groups.group(1).contains("${")) {
                        Arrays.stream(groups.group(1).split(",")).map(String::trim).forEach(named::add);
                    }
                }
            }
        }
        return named;
    }

    private static Set<String> known() {
        return Arrays.stream(Groups.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(GroupsTest::value)
                .collect(Collectors.toSet());
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
