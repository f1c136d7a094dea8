package org.rcrp.handover.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hazard log (docs/SAFETY.md) is a clinical risk management file, not prose: every hazard states its cause, effect
 * and risk before and after its controls on the matrix the file defines, and every control names the test that proves
 * it. A control whose test is renamed or deleted fails here, so the log cannot drift from the code.
 */
class SafetyCaseTest {

    private static final Path HAZARD_LOG = Path.of("docs/SAFETY.md");
    private static final Path TEST_SOURCES = Path.of("src/test/java");

    private static final List<String> SEVERITIES = List.of("Minor", "Significant", "Considerable", "Major", "Catastrophic");
    private static final List<String> LIKELIHOODS = List.of("Very low", "Low", "Medium", "High", "Very high");
    /** Risk rating by likelihood (row, Very low first) and severity (column, Minor first), as the file's matrix prints it. */
    private static final int[][] MATRIX = {
            {1, 1, 2, 2, 3},
            {1, 2, 2, 3, 4},
            {2, 2, 3, 3, 4},
            {2, 3, 3, 4, 5},
            {3, 4, 4, 5, 5}};

    private static final Pattern HAZARD = Pattern.compile("^### (H-\\d{2}) (.+)$");
    private static final Pattern RISK = Pattern.compile(
            "^\\| (Before controls|After controls) \\| severity \\*\\*(\\w+)\\*\\*, likelihood \\*\\*([\\w ]+)\\*\\*: risk \\*\\*(\\d)\\*\\* \\|$");
    private static final Pattern EVIDENCE = Pattern.compile("`([A-Z]\\w+)#(\\w+)`");
    private static final Set<String> TEST_ANNOTATIONS = Set.of("Test", "ParameterizedTest", "RepeatedTest", "TestFactory", "Property", "Example");

    @Test
    void everyHazardHasItsCauseEffectRisksAndAtLeastOneProvenControl() throws IOException {
        Map<String, List<String>> hazards = hazards();
        assertThat(hazards).as("hazards in " + HAZARD_LOG).hasSizeGreaterThanOrEqualTo(10);
        List<String> problems = new ArrayList<>();
        hazards.forEach((id, lines) -> {
            for (String row : List.of("| Cause |", "| Effect |", "| Status |")) {
                if (lines.stream().noneMatch(line -> line.startsWith(row))) {
                    problems.add(id + " has no row " + row);
                }
            }
            int[] before = risk(id, lines, "Before controls", problems);
            int[] after = risk(id, lines, "After controls", problems);
            if (before != null && after != null && after[2] > before[2]) {
                problems.add(id + ": its controls raise the risk from " + before[2] + " to " + after[2]);
            }
            if (lines.stream().noneMatch(line -> line.startsWith("| ") && EVIDENCE.matcher(line).find())) {
                problems.add(id + " names no test for any control");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyTestTheLogNamesExistsAndIsATest() throws IOException {
        Map<String, Path> sources = testSources();
        List<String> problems = new ArrayList<>();
        Matcher evidence = EVIDENCE.matcher(Files.readString(HAZARD_LOG));
        int named = 0;
        while (evidence.find()) {
            named++;
            String className = evidence.group(1);
            String methodName = evidence.group(2);
            Path source = sources.get(className);
            if (source == null) {
                problems.add(evidence.group() + ": no test class " + className + " in " + TEST_SOURCES);
                continue;
            }
            if (!isTestMethod(qualifiedName(source), methodName)) {
                problems.add(evidence.group() + ": " + className + " has no test method " + methodName);
            }
        }
        assertThat(named).as("tests named in " + HAZARD_LOG).isPositive();
        assertThat(problems).isEmpty();
    }

    @Test
    void theMatrixTheLogPrintsIsTheOneItIsCheckedAgainst() throws IOException {
        List<String> matrixRows = Files.readAllLines(HAZARD_LOG).stream()
                .filter(line -> LIKELIHOODS.stream().anyMatch(likelihood -> line.startsWith("| **" + likelihood + "** |")))
                .toList();
        assertThat(matrixRows).hasSize(LIKELIHOODS.size());
        for (String row : matrixRows) {
            String likelihood = row.substring("| **".length(), row.indexOf("** |"));
            int[] expected = MATRIX[LIKELIHOODS.indexOf(likelihood)];
            List<String> cells = Arrays.stream(row.split("\\|")).map(String::trim).filter(cell -> !cell.isEmpty()).skip(1).toList();
            assertThat(cells).as(likelihood).containsExactly(Arrays.stream(expected).mapToObj(String::valueOf).toArray(String[]::new));
        }
    }

    private static int[] risk(String id, List<String> lines, String which, List<String> problems) {
        for (String line : lines) {
            Matcher risk = RISK.matcher(line);
            if (risk.matches() && risk.group(1).equals(which)) {
                int severity = SEVERITIES.indexOf(risk.group(2));
                int likelihood = LIKELIHOODS.indexOf(risk.group(3));
                if (severity < 0 || likelihood < 0) {
                    problems.add(id + " " + which + ": unknown severity or likelihood in " + line);
                    return null;
                }
                int rating = Integer.parseInt(risk.group(4));
                if (MATRIX[likelihood][severity] != rating) {
                    problems.add(id + " " + which + ": the matrix rates " + risk.group(2) + " / " + risk.group(3)
                            + " as " + MATRIX[likelihood][severity] + ", not " + rating);
                }
                return new int[] {severity, likelihood, rating};
            }
        }
        problems.add(id + " has no row | " + which + " | severity **…**, likelihood **…**: risk **n** |");
        return null;
    }

    private static Map<String, List<String>> hazards() throws IOException {
        Map<String, List<String>> hazards = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : Files.readAllLines(HAZARD_LOG)) {
            Matcher hazard = HAZARD.matcher(line);
            if (hazard.matches()) {
                current = new ArrayList<>();
                assertThat(hazards.put(hazard.group(1), current)).as("hazard id " + hazard.group(1) + " used once").isNull();
            } else if (line.startsWith("## ")) {
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return hazards;
    }

    private static Map<String, Path> testSources() throws IOException {
        Map<String, Path> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(TEST_SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                String simpleName = file.getFileName().toString().replace(".java", "");
                Path earlier = sources.put(simpleName, file);
                assertThat(earlier).as("test class name " + simpleName + " is unique, so the log can name it alone").isNull();
            });
        }
        return sources;
    }

    private static String qualifiedName(Path source) {
        String relative = TEST_SOURCES.relativize(source).toString();
        return relative.substring(0, relative.length() - ".java".length()).replace('/', '.').replace('\\', '.');
    }

    private static boolean isTestMethod(String className, String methodName) {
        Class<?> type;
        try {
            type = Class.forName(className, false, SafetyCaseTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return false;
        }
        return declaresTest(type, methodName);
    }

    /** In the class, its superclasses or its {@code @Nested} classes. */
    private static boolean declaresTest(Class<?> type, String methodName) {
        for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
            for (Method method : declaring.getDeclaredMethods()) {
                if (method.getName().equals(methodName) && Arrays.stream(method.getAnnotations())
                        .map(Annotation::annotationType).map(Class::getSimpleName).anyMatch(TEST_ANNOTATIONS::contains)) {
                    return true;
                }
            }
            for (Class<?> nested : declaring.getDeclaredClasses()) {
                if (declaresTest(nested, methodName)) {
                    return true;
                }
            }
        }
        return false;
    }
}
