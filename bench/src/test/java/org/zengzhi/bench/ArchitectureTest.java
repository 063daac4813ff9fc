package org.zengzhi.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The architecture's rules as tests (issue 16; /shared/ARCHITECTURE.md "The shape" and "Engine rules"), so
 * that a change cannot quietly break them. It lives in bench because bench is the one module whose
 * classpath holds every other module's classes. Test classes are left out: tests may reach anywhere.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.zengzhi");

    /** Engine rule 1: no framework, and nothing of the modules built on it (arrows point one way). */
    @Test
    void theEngineDependsOnTheJdkAlone() {
        ArchRule rule = classes().that().resideInAPackage("org.zengzhi.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.zengzhi.engine..")
                .because("the engine is pure: the server, the simulator and the auditor run the same code");
        rule.check(MAIN);
    }

    /** Engine rule 1: no clock, randomness, threads or I/O beyond the codec's streams. */
    @Test
    void theEngineReadsNoClockAndStartsNoThread() {
        ArchRule rule = noClasses().that().resideInAPackage("org.zengzhi.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "java.net..", "java.nio.file..", "java.sql..", "java.util.concurrent..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .because("the same commands must give the same state, byte for byte (SPEC R-1.6)");
        rule.check(MAIN);
    }

    /** engine ← log ← cli, server: the journal's line format knows nothing of who reads it. */
    @Test
    void theLogModuleDependsOnTheEngineOnly() {
        ArchRule rule = noClasses().that().resideInAPackage("org.zengzhi.log..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.zengzhi.cli..", "org.zengzhi.server..", "org.zengzhi.bench..");
        rule.check(MAIN);
    }

    /** Nothing imports the command line but the benchmarks, which drive the simulator. */
    @Test
    void nothingButBenchUsesTheCommandLine() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages("org.zengzhi.cli..", "org.zengzhi.bench..")
                .should().dependOnClassesThat().resideInAPackage("org.zengzhi.cli..");
        rule.check(MAIN);
    }

    /** The server and the command line are peers: neither reaches into the other. */
    @Test
    void theCommandLineDoesNotUseTheServer() {
        ArchRule rule = noClasses().that().resideInAPackage("org.zengzhi.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.zengzhi.server..");
        rule.check(MAIN);
    }

    /** Only bench sees everything; nothing depends on bench. */
    @Test
    void nothingDependsOnTheBenchmarks() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.zengzhi.bench..")
                .should().dependOnClassesThat().resideInAPackage("org.zengzhi.bench..");
        rule.check(MAIN);
    }
}
