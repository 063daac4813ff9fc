package org.zengzhi.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.PoolRules;
import org.zengzhi.engine.Price;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.server.ServerConfig;
import org.zengzhi.server.journal.Journal;
import org.zengzhi.server.web.GatewayCalls;

/**
 * A standby's gateway (issue 21, docs/cluster.md "Warm standby"): it does not recover — on a Kafka log, recovering is
 * taking the log over — and refuses every request and query as busy until {@code start()}; then it recovers once,
 * with what another writer journaled meanwhile, and serves. A recovery that fails leaves it refusing work. On the
 * real journal in H2 file mode.
 */
class StandbyGatewayTest {
    private static final Plan PLAN = Plan.defaults(new PoolRules(700_000, 800_000, 1_000, 1, Price.ONE_YUAN));
    /** A guard against a hang only; no test asserts a duration. */
    private static final long HANG_SECONDS = 60;

    @TempDir
    Path data;
    private Journal journal;
    private final AtomicInteger recoveries = new AtomicInteger();

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:file:" + data.resolve("zengzhi")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/h2").load().migrate();
        journal = ServerConfig.journal(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    private Supplier<Recovery.Recovered> counted() {
        return () -> {
            recoveries.incrementAndGet();
            return new Recovery(journal, PLAN).recover();
        };
    }

    private static CommandRequest register(String merchant) {
        return new CommandRequest(now -> new Command.OnboardMerchant("m:" + merchant, now, merchant, "lee", null,
                "440106", 200_000), GatewayCalls::render, "reg-" + merchant, merchant);
    }

    @Test
    void aStandbyNeitherRecoversNorServesUntilStartedThenHasWhatTheWriterJournaledMeanwhile() throws Exception {
        EngineGateway standby = EngineGateway.standby(journal, counted(), Clock.systemUTC(), 1_000);
        try {
            assertThat(recoveries).as("built, not recovered").hasValue(0);
            assertThat(standby.started()).isFalse();
            assertThatThrownBy(() -> standby.submit(register("early")).get(HANG_SECONDS, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(EngineGateway.GatewayBusyException.class);
            assertThatThrownBy(() -> standby.query(engine -> engine.merchantCount()).get(HANG_SECONDS, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(EngineGateway.GatewayBusyException.class);

            // The serving node writes while the standby waits.
            try (EngineGateway writer = new EngineGateway(journal, () -> new Recovery(journal, PLAN).recover(),
                    Clock.systemUTC(), 1_000)) {
                assertThat(writer.submit(register("ann")).get(HANG_SECONDS, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
            assertThat(standby.answered("reg-early")).as("the refused request was never journaled").isFalse();

            standby.start();
            standby.start();
            assertThat(recoveries).as("recovered once, however often started").hasValue(1);
            assertThat(standby.started()).isTrue();
            assertThat(standby.queryOnWriter(engine -> engine.merchant("ann") != null)
                    .get(HANG_SECONDS, TimeUnit.SECONDS)).as("the writer's command is there").isTrue();
            assertThat(standby.submit(register("ann")).get(HANG_SECONDS, TimeUnit.SECONDS).status())
                    .as("a retry of the writer's request is answered from its record").isEqualTo(200);
            assertThat(standby.submit(register("bob")).get(HANG_SECONDS, TimeUnit.SECONDS).status()).isEqualTo(200);
        } finally {
            standby.close();
        }
    }

    @Test
    void aStandbyThatIsNeverStartedClosesAtOnce() throws Exception {
        EngineGateway standby = EngineGateway.standby(journal, counted(), Clock.systemUTC(), 1_000);
        standby.close();
        assertThat(recoveries).hasValue(0);
        assertThatThrownBy(standby::start).isInstanceOf(IllegalStateException.class);
        assertThat(recoveries).as("a closed gateway does not recover").hasValue(0);
    }

    @Test
    void aFailedRecoveryIsThrownAndTheGatewayKeepsRefusingWork() throws Exception {
        EngineGateway standby = EngineGateway.standby(journal, () -> {
            throw new IllegalStateException("the log was taken over by another node at " + Instant.EPOCH);
        }, Clock.systemUTC(), 1_000);
        try {
            assertThatThrownBy(standby::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("taken over");
            assertThat(standby.started()).isFalse();
            assertThatThrownBy(() -> standby.submit(register("late")).get(HANG_SECONDS, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(EngineGateway.GatewayBusyException.class);
        } finally {
            standby.close();
        }
    }
}
