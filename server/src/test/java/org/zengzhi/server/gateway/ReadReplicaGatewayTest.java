package org.zengzhi.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.zengzhi.log.LogLines;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.PoolRules;
import org.zengzhi.engine.Price;
import org.zengzhi.server.ServerConfig;
import org.zengzhi.server.journal.Journal;

/**
 * The gateway's read replica (issue 16, reads off the writer thread) on the real journal in H2 file mode:
 * it reaches the writer's state hash after a burst, after recovery and after a rebuild; a query asked after
 * an acknowledgement sees the acknowledged command; a query held on purpose stops no command.
 */
class ReadReplicaGatewayTest {
    private static final Plan PLAN = Plan.defaults(new PoolRules(700_000, 800_000, 1_000, 1, Price.ONE_YUAN));
    /** A guard against a hang only (the old gateway would wait for ever here); no test asserts a duration. */
    private static final long HANG_SECONDS = 60;
    private static final int SNAPSHOT_INTERVAL = 50;

    @TempDir
    Path data;
    private Journal journal;
    private EngineGateway gateway;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:file:" + data.resolve("zengzhi")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/h2").load().migrate();
        journal = ServerConfig.journal(new JdbcTemplate(dataSource), new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        gateway = start();
    }

    @AfterEach
    void close() throws Exception {
        gateway.close();
    }

    private EngineGateway start() {
        return new EngineGateway(journal, () -> new Recovery(journal, PLAN).recover(), Clock.systemUTC(), SNAPSHOT_INTERVAL);
    }

    @Test
    void theReplicaReachesTheWritersStateHashAfterABurstAndAfterRecovery() throws Exception {
        List<CompletableFuture<Response>> burst = new ArrayList<>();
        long poolSharesFen = 0;
        for (int i = 0; i < 600; i++) {
            burst.add(gateway.submit(order("o" + i, "u" + (i % 37), 10_000 + i)));
            poolSharesFen += (10_000 + i) * 3 / 10;
        }
        for (CompletableFuture<Response> answer : burst) {
            assertThat(answer.get(HANG_SECONDS, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        String hash = replicaHash();
        assertThat(hash).isEqualTo(writerHash());
        assertThat(gateway.query(Engine::poolCash).get()).isEqualTo(poolSharesFen);

        gateway.close();
        gateway = start();
        assertThat(journal.latestSnapshot()).as("recovery goes through a snapshot and the journal's tail").isNotNull();
        assertThat(replicaHash()).isEqualTo(hash).isEqualTo(writerHash());
        assertThat(gateway.submit(order("after", "u1", 5_000)).get(HANG_SECONDS, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(replicaHash()).isEqualTo(writerHash()).isNotEqualTo(hash);
    }

    /** A batch that fails before its commit is rebuilt away from the writer and never reaches the replica. */
    @Test
    void aFailedBatchReachesNeitherEngine() throws Exception {
        assertThat(gateway.submit(order("kept", "u1", 10_000)).get(HANG_SECONDS, TimeUnit.SECONDS).status()).isEqualTo(200);
        String before = replicaHash();
        CommandRequest failing = new CommandRequest(now -> new Command.SettleOrder("lost", now, "u2", 10_000, 3_000),
                ReadReplicaGatewayTest::render, "k-lost", "lost", (command, events) -> {
                    throw new IllegalStateException("a read-model row that cannot be built");
                });
        assertThatThrownBy(() -> gateway.submit(failing).get(HANG_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
        assertThat(gateway.submit(order("next", "u3", 10_000)).get(HANG_SECONDS, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(gateway.query(engine -> engine.holder("u2")).get()).as("the failed batch's order").isNull();
        assertThat(gateway.query(engine -> engine.holder("u3")).get()).isNotNull();
        assertThat(replicaHash()).isNotEqualTo(before).isEqualTo(writerHash());
    }

    /** Each client reads its own order right after the acknowledgement, while the others keep paying. */
    @Test
    void aQueryAskedAfterAnAcknowledgementSeesTheCommand() throws Exception {
        List<Thread> clients = new ArrayList<>();
        List<String> unseen = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < 4; c++) {
            int client = c;
            clients.add(new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    String user = "c" + client + "-" + i;
                    gateway.submit(order("o-" + user, user, 10_000)).join();
                    if (gateway.query(engine -> engine.holder(user)).join() == null) {
                        unseen.add(user);
                    }
                }
            }));
        }
        clients.forEach(Thread::start);
        for (Thread client : clients) {
            client.join(TimeUnit.SECONDS.toMillis(HANG_SECONDS));
        }
        assertThat(unseen).as("acknowledged orders a query right after did not see").isEmpty();
        assertThat(gateway.query(Engine::holderCount).get()).isEqualTo(100);
    }

    @Test
    void aQueryHeldOnPurposeStopsNoCommand() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> slow = gateway.query(engine -> {
            held.countDown();
            await(release);
            return engine.holderCount();
        });
        assertThat(held.await(HANG_SECONDS, TimeUnit.SECONDS)).as("the slow query holds the replica").isTrue();
        List<CompletableFuture<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            answers.add(gateway.submit(order("o" + i, "u" + i, 10_000)));
        }
        for (CompletableFuture<Response> answer : answers) {
            assertThat(answer.get(HANG_SECONDS, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        CompletableFuture<Integer> behind = gateway.query(Engine::holderCount);
        assertThat(gateway.queryOnWriter(Engine::holderCount).get(HANG_SECONDS, TimeUnit.SECONDS)).isEqualTo(300);
        assertThat(slow).as("the slow query is still running").isNotDone();
        assertThat(behind).as("a query behind the slow one waits for it").isNotDone();
        release.countDown();
        assertThat(slow.get(HANG_SECONDS, TimeUnit.SECONDS)).as("it saw what was committed before it").isZero();
        assertThat(behind.get(HANG_SECONDS, TimeUnit.SECONDS)).isEqualTo(300);
    }

    private String replicaHash() throws Exception {
        return gateway.query(Engine::stateHash).get(HANG_SECONDS, TimeUnit.SECONDS);
    }

    private String writerHash() throws Exception {
        return gateway.queryOnWriter(Engine::stateHash).get(HANG_SECONDS, TimeUnit.SECONDS);
    }

    private static CommandRequest order(String id, String user, long amountFen) {
        return new CommandRequest(now -> new Command.SettleOrder(id, now, user, amountFen, amountFen * 3 / 10),
                ReadReplicaGatewayTest::render, "k-" + id, id);
    }

    private static Response render(List<org.zengzhi.engine.Event> events) {
        return new Response(events.size() == 1 && events.get(0) instanceof org.zengzhi.engine.Event.CommandRejected
                ? 422 : 200, "{\"events\":" + LogLines.events(events) + "}");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
