package org.zengzhi.server.journal.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.log.LogLines;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.TestDatabases;
import org.zengzhi.server.journal.AppliedCommand;
import org.zengzhi.server.journal.ReadModelWrite;

/**
 * The server on the Kafka journal (issue 21 deliver 2; docs/cluster.md, "The server on the Kafka log"): a real KRaft
 * broker in this JVM (Kafka's own test kit) and the real PostgreSQL. Two servers on one tenant: the second takes the
 * log over and fences the first; a crash between the Kafka commit and the SQL commit loses nothing and writes
 * nothing twice (R-8.3: a retried Idempotency-Key gets the first answer).
 */
class KafkaJournalIT {
    private static final String MERCHANT = "{\"type\":\"merchant\",\"merchant\":\"shop\",\"owner\":\"lee\","
            + "\"region\":\"440106\",\"commissionRate\":\"0.20\"}";
    private static KafkaClusterTestKit kafka;

    @BeforeAll
    static void broker() throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).build())
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "1")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    /** One broker here: 1 replica, 1 in sync (production: 3 and 2). Each test its own topic and schema. */
    private static String[] onKafka(String[] database, String topic) {
        List<String> all = new ArrayList<>(List.of(database));
        all.addAll(List.of("zengzhi.cluster.journal-servers=" + kafka.bootstrapServers(),
                "zengzhi.cluster.journal-topic=" + topic, "zengzhi.cluster.journal-partitions=3",
                "zengzhi.cluster.replicas=1", "zengzhi.cluster.min-insync-replicas=1"));
        return all.toArray(new String[0]);
    }

    private static String pay(int i) {
        return "{\"type\":\"pay\",\"id\":\"o" + i + "\",\"user\":\"u" + (i % 3) + "\",\"merchant\":\"shop\",\"amount\":\""
                + (100 + i) + ".00\",\"channel\":\"store\"}";
    }

    @Test
    void aSecondServerTakesTheTenantOverAndTheFirstIsFenced() throws Exception {
        String[] properties = onKafka(TestDatabases.freshPostgresSchema(), "journal-takeover");
        Map<Integer, String> answers = new java.util.HashMap<>();
        try (ServerHarness first = new ServerHarness(properties)) {
            assertThat(first.post("m", MERCHANT).status()).isEqualTo(200);
            for (int i = 0; i < 8; i++) {
                ServerHarness.Reply reply = first.post("p" + i, pay(i));
                assertThat(reply.status()).isEqualTo(200);
                answers.put(i, reply.body().toString());
            }
            assertThat(first.post("t", "{\"type\":\"tick\"}").status()).isEqualTo(200); // settles the orders
            assertThat(first.get("/operator/check").body().get("invariantsHold").asBoolean()).isTrue();
            assertThat(first.get("/economy").body().get("holders").asInt()).isEqualTo(3);

            try (ServerHarness second = new ServerHarness(properties)) {
                // Fenced: the first's next write is refused (503) and kept nowhere; it takes no more work.
                assertThat(first.post("late", pay(99)).status()).isEqualTo(503);
                assertThat(first.post("later", pay(98)).status()).isEqualTo(503);

                assertThat(second.post("p3", pay(3)).body().toString()).as("a retry gets the first answer")
                        .isEqualTo(answers.get(3));
                assertThat(second.post("p8", pay(8)).status()).isEqualTo(200);
                JdbcTemplate jdbc = second.bean(JdbcTemplate.class);
                for (int i = 0; i <= 8; i++) {
                    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal WHERE command_id = ?", Long.class,
                            "o" + i)).as("payment o" + i).isEqualTo(1);
                }
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal WHERE command_id IN ('o98', 'o99')",
                        Long.class)).isZero();
                assertThat(assertReplayOfThePartitionEqualsTheServer(second)).as("the fenced writes are not in Kafka")
                        .noneMatch(line -> line.contains("o99") || line.contains("o98")).anyMatch(l -> l.contains("o8"));
                aRefusedRequiredWriteNeverReachesKafka(second);
            }
        }
    }

    /**
     * A required read-model write (coin-mall stock, a payment intent still CREATED) is decided before the Kafka
     * commit: one that changes no row fails the batch with nothing in Kafka or SQL, and the log goes on after it.
     */
    private static void aRefusedRequiredWriteNeverReachesKafka(ServerHarness server) throws Exception {
        KafkaJournal journal = server.bean(KafkaJournal.class);
        JdbcTemplate jdbc = server.bean(JdbcTemplate.class);
        long last = jdbc.queryForObject("SELECT MAX(seq) FROM journal", Long.class);
        Command tick = new Command.Tick("tick@refused", Instant.parse("2030-01-01T00:00:00Z"));
        AppliedCommand refused = new AppliedCommand(last + 1, tick, LogLines.write(tick), List.of(), List.of(), null,
                List.of(ReadModelWrite.required("UPDATE products SET stock = stock - 1 WHERE product_id = ?",
                        List.of("no-such-product"))));
        assertThatThrownBy(() -> journal.append(List.of(refused))).isInstanceOf(ReadModelWrite.NotApplied.class);
        assertThat(jdbc.queryForObject("SELECT MAX(seq) FROM journal", Long.class)).isEqualTo(last);
        List<String> lines = new ArrayList<>();
        journal.readAfter(last, row -> lines.add(row.line()));
        assertThat(lines).as("nothing after row " + last + " in Kafka").isEmpty();
        assertThat(server.post("p9", pay(9)).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT MAX(seq) FROM journal", Long.class)).isEqualTo(last + 1);
    }

    @Test
    void aCrashBetweenTheKafkaCommitAndTheSqlCommitLosesNothingAndWritesNothingTwice() throws Exception {
        String[] properties = onKafka(TestDatabases.freshPostgresSchema(), "journal-crash");
        try (ServerHarness first = new ServerHarness(properties)) {
            assertThat(first.post("m", MERCHANT).status()).isEqualTo(200);
            assertThat(first.post("p0", pay(0)).status()).isEqualTo(200);
            first.bean(KafkaJournal.class).afterKafkaCommit(() -> {
                throw new Error("simulated crash after the Kafka commit");
            });
            assertThat(first.post("p1", pay(1)).status()).as("the caller is never told it was accepted")
                    .isEqualTo(503);
            JdbcTemplate firstSql = first.bean(JdbcTemplate.class);
            assertThat(firstSql.queryForObject("SELECT COUNT(*) FROM journal WHERE command_id = 'o1'", Long.class))
                    .as("in Kafka, not in SQL").isZero();

            try (ServerHarness second = new ServerHarness(properties)) {
                JdbcTemplate jdbc = second.bean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal WHERE command_id = 'o1'", Long.class))
                        .as("caught up from Kafka, once").isEqualTo(1);
                ServerHarness.Reply retry = second.post("p1", pay(1));
                assertThat(retry.status()).isEqualTo(200);
                assertThat(second.post("p1", pay(1)).body()).isEqualTo(retry.body());
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal WHERE command_id = 'o1'", Long.class))
                        .as("the retry is answered, not applied again").isEqualTo(1);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency WHERE idem_key LIKE '%p1'",
                        Long.class)).isEqualTo(1);
                assertReplayOfThePartitionEqualsTheServer(second);
            }
        }
    }

    /** The server's state hash equals a fresh engine fed the tenant's committed Kafka records, in order. */
    private static List<String> assertReplayOfThePartitionEqualsTheServer(ServerHarness server) throws Exception {
        KafkaJournal journal = server.bean(KafkaJournal.class);
        Engine engine = new Engine(server.bean(Plan.class), RegionDirectory.STANDARD);
        LogLines lines = new LogLines(engine::clock);
        EngineOutput out = new EngineOutput();
        long[] last = {0};
        List<String> replayed = new ArrayList<>();
        journal.readAfter(0, row -> {
            replayed.add(row.line());
            assertThat(row.seq()).isEqualTo(last[0] + 1);
            out.clear();
            engine.execute(lines.parse(row.seq(), row.line()), out);
            last[0] = row.seq();
        });
        assertThat(last[0]).isEqualTo(server.bean(JdbcTemplate.class).queryForObject("SELECT MAX(seq) FROM journal",
                Long.class));
        assertThat(server.get("/operator/check").body().get("stateHash").asString()).isEqualTo(engine.stateHash());
        return replayed;
    }
}
