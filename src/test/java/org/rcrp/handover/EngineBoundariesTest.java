package org.rcrp.handover;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;

/**
 * Where the application may reach inside the process engine. Camunda's {@code org.camunda.bpm.engine.impl} classes and
 * its own tables are not API: a new engine version (or the Operaton fork) may change them. Each class that does is
 * named here with why; a class outside the lists that starts to do it fails the build, and is either moved behind one
 * of these or added with its reason.
 */
class EngineBoundariesTest {

    private static final String BASE = "org.rcrp.handover.";

    /** The only classes that may depend on {@code org.camunda.bpm.engine.impl..}, each with why. */
    static final Map<String, String> ENGINE_INTERNALS = Map.ofEntries(
            Map.entry("operations.EngineClock", "the engine's clock (ClockUtil) as the application's one java.time.Clock"),
            Map.entry("operations.EngineIndexes", "engine plugin: indexes on the engine's task and job tables"),
            Map.entry("operations.JobDueDateBackfill", "engine plugin: gives the jobs of an earlier version a due date"),
            Map.entry("operations.NodeIdentity", "engine plugin: names this node as the job executor's lock owner"),
            Map.entry("operations.DatatypeFactoryLookup", "engine plugin: the XML datatype factory the engine uses"),
            Map.entry("identity.EngineLockdown", "engine plugin: command interceptor refusing deployments at run time"),
            Map.entry("identity.EngineAsUser", "runs engine commands as the signed-in user (the engine configuration)"),
            Map.entry("identity.NoDefaultGrants", "engine plugin: the authorization provider granting nothing by default"),
            Map.entry("inbox.WorkItemListeners", "engine plugin: parse listener keeping the work-queue read model"),
            Map.entry("inbox.WorkItemRows", "writes the read model in the engine's transaction (command context, entities)"),
            Map.entry("inbox.FollowOnTasks", "command-context listener: the next task of the same case after a completion"),
            Map.entry("inbox.TaskFacade", "names the engine's tables from its entity classes for the queue queries"),
            Map.entry("metrics.FiguresListeners", "engine plugin: parse listener recording the figures (reads the engine clock)"),
            Map.entry("intake.QualityReviewOnClose", "engine plugin: parse listener sampling closed cases (authentication, clock)"),
            Map.entry("notification.NotificationRetry", "job retry internals: the running job's attempts left"),
            Map.entry("history.LeanHistory", "engine plugin: puts the lean history writer in place of the default one"),
            Map.entry("history.LeanHistoryEventHandler", "the engine's own history writer, minus the variable updates it drops"),
            Map.entry("demo.DemoShiftRunner", "moves the engine's clock to replay a month of demo calls, then resets it"),
            Map.entry("triage.ApplyTriageDecisionDelegate", "who decided: the engine's current authentication"),
            Map.entry("assurance.RecordVerdictDelegate", "who reviewed: the engine's current authentication"),
            Map.entry("missing.ApplyMissingPersonAssessmentDelegate", "who assessed: the engine's current authentication"),
            Map.entry("missing.CloseNotLocatedDelegate", "who closed: the engine's current authentication"));

    /**
     * The only classes that may write SQL on the engine's own tables ({@code ACT_RU_*}, {@code ACT_HI_*}, …), whether
     * spelt in a string or named through {@code ManagementService.getTableName}, each with why.
     */
    static final Map<String, String> ENGINE_TABLE_SQL = Map.of(
            "inbox.TaskFacade", "the queues and a case's facts read in one query each, not task by task",
            "inbox.WorkItemRows", "the work-queue read model filled from the engine's tasks and identity links",
            "operations.EngineIndexes", "indexes the engine lacks on its task and job tables",
            "operations.JobDueDateBackfill", "jobs an earlier version left without a due date made due at start-up");

    private static final Pattern ENGINE_TABLE = Pattern.compile("ACT_(RU|HI|RE|GE|ID)_", Pattern.CASE_INSENSITIVE);

    private static final Pattern STRING_LITERAL = Pattern.compile("\"\"\"(?s:.*?)\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"");

    private static final Path SOURCES = Path.of("src/main/java");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rcrp.handover");

    @Test
    void onlyTheListedClassesDependOnEngineInternals() {
        noClasses().that(notListedIn(ENGINE_INTERNALS))
                .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
                .because("engine internals are not API; the classes that need them are listed in ENGINE_INTERNALS with why")
                .check(classes);
    }

    @Test
    void onlyTheListedClassesNameTheEngineTables() {
        noClasses().that(notListedIn(ENGINE_TABLE_SQL))
                .should().callMethod(ManagementService.class, "getTableName", Class.class)
                .because("SQL on the engine's tables is listed in ENGINE_TABLE_SQL with why")
                .check(classes);
    }

    @Test
    void onlyTheListedClassesSpellTheEngineTablesInStrings() throws IOException {
        assertThat(classesSpellingEngineTables()).isSubsetOf(ENGINE_TABLE_SQL.keySet());
    }

    @Test
    void everyListedClassExists() {
        TreeSet<String> listed = new TreeSet<>(ENGINE_INTERNALS.keySet());
        listed.addAll(ENGINE_TABLE_SQL.keySet());
        assertThat(listed).allSatisfy(name -> assertThat(classes.contain(BASE + name)).as(name).isTrue());
    }

    /** Classes (as {@code feature.Class}) of src/main/java whose string literals name an engine table. */
    static TreeSet<String> classesSpellingEngineTables() throws IOException {
        TreeSet<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                if (spellsEngineTable(Files.readString(file))) {
                    String name = SOURCES.relativize(file).toString().replace('/', '.').replace('\\', '.');
                    found.add(name.substring(0, name.length() - ".java".length()).replaceFirst("^org\\.rcrp\\.handover\\.", ""));
                }
            }
        }
        return found;
    }

    static boolean spellsEngineTable(String source) {
        Matcher literal = STRING_LITERAL.matcher(source);
        while (literal.find()) {
            if (ENGINE_TABLE.matcher(literal.group()).find()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theScanFindsEngineTablesInStringsOnly() {
        assertThat(List.of(
                spellsEngineTable("String sql = \"SELECT * FROM act_ru_task\";"),
                spellsEngineTable("String sql = \"\"\"\n  SELECT ID_ FROM ACT_HI_PROCINST\n\"\"\";"),
                spellsEngineTable("/** Reads {@code ACT_RU_JOB.LOCK_OWNER_}. */ String owner = \"node-a\";")))
                .containsExactly(true, true, false);
    }

    private static DescribedPredicate<JavaClass> notListedIn(Map<String, String> list) {
        return DescribedPredicate.describe("not listed in " + list.keySet(), javaClass -> {
            String name = javaClass.getName();
            int nested = name.indexOf('$');
            String topLevel = nested < 0 ? name : name.substring(0, nested);
            return !(topLevel.startsWith(BASE) && list.containsKey(topLevel.substring(BASE.length())));
        });
    }
}
