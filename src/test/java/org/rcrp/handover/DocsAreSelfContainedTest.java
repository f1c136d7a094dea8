package org.rcrp.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository documents itself: everything its text points to is in it. Fails on a mention of the team's old shared
 * folder (dot-dot-slash "shared"), on a {@code *.md} file named by a path that is not in the repository (a bare name
 * must be some file's name here), and on a Markdown link {@code ](path)} or {@code ](path#heading)} whose file or
 * heading does not exist. Reports written into {@code target/} by a run are not checked.
 */
class DocsAreSelfContainedTest {

    /** What the check reads: the repository's own text, not build output or downloaded tools. */
    private static final List<String> ROOTS = List.of("README.md", "docs", "src", "bpmn", "realm-export", ".ci",
            "tools", "bench", "reliability", "ops", "pom.xml", "docker-compose.yml", "Dockerfile", ".env.example");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules", ".idea");
    private static final Set<String> BINARY = Set.of("png", "jpg", "jpeg", "gif", "ico", "svg", "jar", "class", "zip",
            "gz", "woff", "woff2", "ttf", "eot", "pdf");

    /** Spelt in two parts so that this file does not mention it. */
    private static final String OUTSIDE_FOLDER = "../" + "shared";
    private static final Pattern MD_MENTION = Pattern.compile("(?<![\\w./-])((?:[\\w.][\\w.-]*/)*\\w[\\w-]*\\.md)(?![\\w-])");
    private static final Pattern MD_LINK = Pattern.compile("\\]\\(<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    @Test
    void everythingTheRepositoryPointsToIsInIt() {
        assertThat(Repository.of(Path.of("")).textFiles()).as("run from the repository's root")
                .contains("README.md", "docs/domain.md");
        assertThat(problems(Path.of(""))).as("mentions and links that leave the repository or go nowhere").isEmpty();
    }

    @Test
    void aBareNameOfAMissingFileALinkToNowhereAndTheSharedFolderAreFound(@TempDir Path repository) throws IOException {
        String guide = "guide/howto" + ".md";
        String gone = "guide/gone" + ".md";
        Files.createDirectories(repository.resolve("guide"));
        Files.writeString(repository.resolve(guide), "# How to\n\n## Previous contacts\n");
        Files.writeString(repository.resolve("README.md"), String.join("\n",
                "See " + guide + ", [how](" + guide + "#previous-contacts) and howto" + ".md.",
                "The rules are in " + "DOMAIN" + ".md and " + OUTSIDE_FOLDER + "/notes.",
                "[Gone](" + gone + ") and [a heading](" + guide + "#no-such-heading)."));

        assertThat(problems(repository)).containsExactlyInAnyOrder(
                "README.md:2 mentions " + OUTSIDE_FOLDER,
                "README.md:2 names " + "DOMAIN" + ".md, which is not in the repository",
                "README.md:3 links to " + gone + ", which is not in the repository",
                "README.md:3 links to " + guide + "#no-such-heading: " + guide + " has no such heading");
    }

    static List<String> problems(Path root) {
        Repository repository = Repository.of(root);
        List<String> problems = new ArrayList<>();
        for (String file : repository.textFiles()) {
            List<String> lines = repository.lines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String where = file + ":" + (i + 1);
                if (line.contains(OUTSIDE_FOLDER)) {
                    problems.add(where + " mentions " + OUTSIDE_FOLDER);
                }
                String outsideLinks = line;
                if (file.endsWith(".md")) {
                    Matcher link = MD_LINK.matcher(line);
                    while (link.find()) {
                        repository.linkProblem(file, link.group(1))
                                .ifPresent(problem -> problems.add(where + " links to " + problem));
                    }
                    outsideLinks = MD_LINK.matcher(line).replaceAll("]()");
                }
                Matcher mention = MD_MENTION.matcher(outsideLinks);
                while (mention.find()) {
                    String named = mention.group(1);
                    if (!named.startsWith("target/") && !repository.resolves(file, named)) {
                        problems.add(where + " names " + named + ", which is not in the repository");
                    }
                }
            }
        }
        return problems;
    }

    /** The files of a checkout, by their path from its root ({@code /}-separated), and the text files among them. */
    private record Repository(Path root, Set<String> files, Set<String> directories, List<String> textFiles,
                              Map<String, Set<String>> headingsByFile) {

        static Repository of(Path checkout) {
            Path root = checkout.toAbsolutePath().normalize();
            Set<String> files = new HashSet<>();
            Set<String> directories = new HashSet<>();
            walk(root, root, files, directories);
            List<String> textFiles = files.stream().filter(Repository::isChecked).sorted().toList();
            return new Repository(root, files, directories, textFiles, new HashMap<>());
        }

        private static void walk(Path root, Path directory, Set<String> files, Set<String> directories) {
            try (Stream<Path> children = Files.list(directory)) {
                for (Path child : children.toList()) {
                    String relative = root.relativize(child).toString().replace('\\', '/');
                    if (Files.isDirectory(child)) {
                        // ./data is the zero-setup run's H2 database
                        if (!SKIPPED_DIRECTORIES.contains(child.getFileName().toString()) && !relative.equals("data")) {
                            directories.add(relative);
                            walk(root, child, files, directories);
                        }
                    } else {
                        files.add(relative);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static boolean isChecked(String file) {
            boolean underARoot = ROOTS.stream().anyMatch(root -> file.equals(root) || file.startsWith(root + "/"));
            String extension = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            return underARoot && !BINARY.contains(extension);
        }

        List<String> lines(String file) {
            try {
                byte[] bytes = Files.readAllBytes(root.resolve(file));
                return new String(bytes, StandardCharsets.UTF_8).lines().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A path named in a file: from that file's folder, from the root, or a bare name some file here has. */
        boolean resolves(String fromFile, String named) {
            if (files.contains(normalise(folderOf(fromFile), named)) || files.contains(normalise("", named))) {
                return true;
            }
            return !named.contains("/")
                    && files.stream().anyMatch(file -> file.equals(named) || file.endsWith("/" + named));
        }

        Optional<String> linkProblem(String fromFile, String target) {
            if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                return Optional.empty();
            }
            int hash = target.indexOf('#');
            String path = hash < 0 ? target : target.substring(0, hash);
            String heading = hash < 0 ? null : target.substring(hash + 1);
            String file = path.isEmpty() ? fromFile : normalise(folderOf(fromFile), path);
            if (!files.contains(file) && !directories.contains(file.replaceAll("/$", ""))) {
                return Optional.of(target + ", which is not in the repository");
            }
            if (heading != null && !heading.isEmpty() && file.endsWith(".md") && !headings(file).contains(heading)) {
                return Optional.of(target + ": " + file + " has no such heading");
            }
            return Optional.empty();
        }

        /** The anchors GitHub gives a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens. */
        private Set<String> headings(String file) {
            return headingsByFile.computeIfAbsent(file, f -> {
                Set<String> anchors = new HashSet<>();
                Map<String, Integer> seen = new HashMap<>();
                boolean inCode = false;
                for (String line : lines(f)) {
                    if (line.startsWith("```")) {
                        inCode = !inCode;
                    }
                    Matcher heading = HEADING.matcher(line);
                    if (!inCode && heading.matches()) {
                        String anchor = heading.group(1).toLowerCase(Locale.ROOT)
                                .replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
                        int count = seen.merge(anchor, 1, Integer::sum);
                        anchors.add(count == 1 ? anchor : anchor + "-" + (count - 1));
                    }
                }
                return anchors;
            });
        }

        private static String folderOf(String file) {
            int slash = file.lastIndexOf('/');
            return slash < 0 ? "" : file.substring(0, slash);
        }

        private static String normalise(String folder, String relative) {
            Path joined = Path.of(folder.isEmpty() ? "." : folder).resolve(relative).normalize();
            return joined.toString().replace('\\', '/');
        }
    }
}
