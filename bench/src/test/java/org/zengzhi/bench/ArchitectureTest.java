package org.zengzhi.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
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
    // By name: bench runs the server without its web starter, so these classes are not all on its classpath.
    private static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";
    private static final String CONTROLLER = "org.springframework.stereotype.Controller";
    private static final String JDBC_TEMPLATE = "org.springframework.jdbc.core.JdbcTemplate";

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
                        "org.zengzhi.cli..", "org.zengzhi.server..", "org.zengzhi.bench..", "org.zengzhi.simulator..");
        rule.check(MAIN);
    }

    /**
     * The simulator (module simulator) runs its own engines on the plan and log formats: it knows neither the
     * command line (picocli), nor the server (Spring), nor the benchmarks, so both fronts can drive it.
     */
    @Test
    void theSimulatorDependsOnTheEngineAndLogOnly() {
        ArchRule rule = noClasses().that().resideInAPackage("org.zengzhi.simulator..")
                .should().dependOnClassesThat().resideInAnyPackage("org.zengzhi.cli..", "org.zengzhi.server..",
                        "org.zengzhi.bench..", "picocli..", "org.springframework..")
                .because("the command line and the operator's console are two fronts of the same simulator");
        rule.check(MAIN);
    }

    /** Nothing imports the command line but the benchmarks; the server reaches the simulator through its module. */
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

    /**
     * Engine rule 3: a model is a package that owns its state. The models' packages (ledger, pool, order,
     * network, withdrawal, plan, codec, green, party, rank) form no cycle, so each can be read, and replaced,
     * from the bottom up; the root package (the API: Engine, Command, Event, …) is the only place that sees
     * them all.
     */
    @Test
    void theEnginesModelsFormNoCycle() {
        ArchRule rule = slices().matching("org.zengzhi.engine.(*)..").should().beFreeOfCycles();
        rule.check(MAIN);
    }

    /** The ledger is the floor every model stands on: it knows no model. */
    @Test
    void theLedgerKnowsNoModel() {
        ArchRule rule = noClasses().that().resideInAPackage("org.zengzhi.engine.ledger..")
                .should().dependOnClassesThat().resideInAnyPackage("org.zengzhi.engine.pool..",
                        "org.zengzhi.engine.order..", "org.zengzhi.engine.network..", "org.zengzhi.engine.withdrawal..",
                        "org.zengzhi.engine.plan..", "org.zengzhi.engine.codec..", "org.zengzhi.engine.green..",
                        "org.zengzhi.engine.party..", "org.zengzhi.engine.rank..", "org.zengzhi.engine.greenflow..",
                        "org.zengzhi.engine.partyrules..");
        rule.check(MAIN);
    }

    /**
     * The three economies stay apart: the appreciation pool (pool), green points (green) and the four-party
     * model (party) do not reach into each other; what they share (ranks, the ledger, the network) sits below.
     */
    @Test
    void theEconomiesDoNotReachIntoEachOther() {
        String[] green = {"org.zengzhi.engine.green..", "org.zengzhi.engine.greenflow.."};
        String[] party = {"org.zengzhi.engine.party..", "org.zengzhi.engine.partyrules.."};
        noClasses().that().resideInAnyPackage(green)
                .should().dependOnClassesThat().resideInAnyPackage(concat(party, "org.zengzhi.engine.pool.."))
                .check(MAIN);
        noClasses().that().resideInAnyPackage(party)
                .should().dependOnClassesThat().resideInAnyPackage(concat(green, "org.zengzhi.engine.pool.."))
                .check(MAIN);
        noClasses().that().resideInAPackage("org.zengzhi.engine.pool..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(green, party))
                .check(MAIN);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    /** Server rule: controllers are thin; SQL lives in one query class per table, never in a controller. */
    @Test
    void controllersRunNoSql() {
        ArchRule rule = noClasses().that().areAnnotatedWith(REST_CONTROLLER).or().areAnnotatedWith(CONTROLLER)
                .should().dependOnClassesThat().areAssignableTo(JDBC_TEMPLATE)
                .because("a controller validates, calls a use case and maps the result (ARCHITECTURE.md, Server)");
        rule.check(MAIN);
    }

    /** Server rule: a feature calls another feature's use cases and queries, never its controllers. */
    @Test
    void noFeatureCallsAnotherFeaturesController() {
        ArchRule rule = classes().that().areAnnotatedWith(REST_CONTROLLER).or().areAnnotatedWith(CONTROLLER)
                .should(beUsedOnlyFromTheirOwnPackage());
        rule.check(MAIN);
    }

    private static ArchCondition<JavaClass> beUsedOnlyFromTheirOwnPackage() {
        return new ArchCondition<>("be used only from their own package") {
            @Override
            public void check(JavaClass controller, ConditionEvents events) {
                for (Dependency dependency : controller.getDirectDependenciesToSelf()) {
                    if (!dependency.getOriginClass().getPackageName().equals(controller.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
