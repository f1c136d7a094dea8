package org.rcrp.handover;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the packages-by-feature honest: no cycles between features; the shared {@code process}
 * vocabulary depends on no feature; features talk to the engine only through the process facades
 * (intake, inbox) and the case read model (casefile), so a change of engine (e.g. the Operaton fork) stays a local change.
 */
class ModularityTest {

    private static final String BASE = "org.rcrp.handover";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    @Test
    void featuresHaveNoCycles() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theSharedProcessVocabularyDependsOnNoFeature() {
        noClasses().that().resideInAPackage(BASE + ".process..")
                .should().dependOnClassesThat(resideInAPackage(BASE + "..").and(not(resideInAPackage(BASE + ".process.."))))
                .because("process/ holds only the shared vocabulary; behaviour (e.g. who owns the case: ownership/) lives in a feature")
                .check(classes);
    }

    @Test
    void theOwnershipRuleDependsOnlyOnTheVocabulary() {
        noClasses().that().resideInAPackage(BASE + ".ownership..")
                .should().dependOnClassesThat(resideInAPackage(BASE + "..")
                        .and(not(resideInAnyPackage(BASE + ".ownership..", BASE + ".process.."))))
                .because("who is responsible for the person is decided from the case's own variables only")
                .check(classes);
    }

    @Test
    void onlyFacadesUseTheEngineServices() {
        noClasses().that().resideOutsideOfPackages(BASE + ".intake..", BASE + ".inbox..", BASE + ".casefile..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.RuntimeService")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.TaskService")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.HistoryService")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.RepositoryService")
                .because("engine calls stay behind our process facades")
                .check(classes);
    }
}
