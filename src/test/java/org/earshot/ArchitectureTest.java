package org.earshot;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.earshot.archfixture.answers.Answer;
import org.earshot.archfixture.asks.Question;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of STYLE.md, read from the compiled classes (so fully qualified names and
 * same-package types count too), so that breaking one fails the build instead of waiting for a
 * review: connectors, the web, the CLI and the demo know the core; the core knows none of them and
 * no platform; a platform knows no other platform; and no two packages need each other.
 */
class ArchitectureTest {
    private static final String[] CORE = {"org.earshot.config..", "org.earshot.connector", "org.earshot.http..",
            "org.earshot.matching..", "org.earshot.scoring..", "org.earshot.reading..", "org.earshot.reply..", "org.earshot.intake..",
            "org.earshot.task..", "org.earshot.alert..", "org.earshot.store..", "org.earshot.metrics..", "org.earshot.account.."};
    private static final String PLATFORMS = "org.earshot.connector.*..";

    private static final ArchRule NO_CYCLES = slices().matching("org.earshot.(**)").should().beFreeOfCycles();

    /** Earshot's own compiled classes only, read from where Wiring was loaded (not the whole classpath). */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .importUrl(Wiring.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void dependenciesPointFromTheEdgesThroughTheCoreToTheDomain() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Main and wiring").definedBy("org.earshot")
                .layer("Commands, web, demo and schedule").definedBy("org.earshot.cli..", "org.earshot.web..",
                        "org.earshot.demo..", "org.earshot.schedule..")
                .layer("Platforms").definedBy(PLATFORMS)
                .layer("Core").definedBy(CORE)
                .layer("Domain").definedBy("org.earshot.domain..")
                .whereLayer("Main and wiring").mayOnlyBeAccessedByLayers("Commands, web, demo and schedule")
                .whereLayer("Commands, web, demo and schedule").mayOnlyBeAccessedByLayers("Main and wiring")
                .whereLayer("Platforms").mayOnlyBeAccessedByLayers("Main and wiring")
                .whereLayer("Core").mayOnlyBeAccessedByLayers("Main and wiring", "Commands, web, demo and schedule",
                        "Platforms")
                .check(MAIN);
    }

    @Test
    void theCoreImportsNoPlatformPackage() {
        noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat().resideInAPackage(PLATFORMS)
                .check(MAIN);
    }

    @Test
    void aPlatformPackageImportsNoOtherPlatform() {
        slices().matching("org.earshot.connector.(*)..").should().notDependOnEachOther().check(MAIN);
    }

    @Test
    void onlyTheWiringKnowsThePlatforms() {
        classes().that().resideInAPackage(PLATFORMS).should().onlyHaveDependentClassesThat(
                resideInAPackage(PLATFORMS).or(equivalentTo(Wiring.class))).check(MAIN);
    }

    @Test
    void theDomainIsPlainJava() {
        classes().that().resideInAPackage("org.earshot.domain..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("org.earshot.domain..", "java..").check(MAIN);
    }

    @Test
    void scoringIsPureFunctionsOverTheDomain() {
        noClasses().that().resideInAPackage("org.earshot.scoring..").should().dependOnClassesThat(
                resideInAPackage("org.earshot..").and(not(resideInAnyPackage("org.earshot.scoring..",
                        "org.earshot.domain..")))).check(MAIN);
    }

    /**
     * Every package of Earshot, each on its own (connector and connector.mastodon are two): none needs a
     * package that needs it back. The main and wiring package is left out: it lists the commands, which
     * in turn start the wiring, and nothing below the commands may reach it (see the layers above).
     */
    @Test
    void noTwoPackagesDependOnEachOther() {
        NO_CYCLES.check(MAIN);
    }

    @Test
    void theNoCyclesRuleSeesACycleEvenThroughAFullyQualifiedName() {
        JavaClasses cycle = new ClassFileImporter().importClasses(Question.class, Answer.class);
        assertThatThrownBy(() -> NO_CYCLES.check(cycle)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("archfixture.answers").hasMessageContaining("archfixture.asks");
    }
}
