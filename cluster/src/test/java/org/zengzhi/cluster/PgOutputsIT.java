package org.zengzhi.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.zengzhi.cluster.pg.PgOutputs;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Event;

/**
 * Issue 21, deliver 2: the outputs of applied commands in PostgreSQL keyed by (tenant, offset), written idempotently
 * (one transaction per batch, {@code ON CONFLICT DO NOTHING}), against the real PostgreSQL (127.0.0.1:5432, db
 * {@code test}, schemas of its own). A node is killed mid-stream; its tenants are taken over by the other from their
 * snapshots and the tail replayed: each tenant then has exactly one output row and one idempotency record per
 * acknowledged offset — none lost, none twice.
 */
class PgOutputsIT {
    static final String URL = System.getProperty("cluster.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("cluster.pg.user", "postgres");
    private static final List<String> TENANTS = IntStream.range(0, 6).mapToObj(i -> "pg-" + i).toList();
    private static final ClusterTopics TOPICS = new ClusterTopics("pg-commands", "pg-snapshots", TENANTS);
    private static final int PAYMENTS = 2_000;
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    private static PgOutputs outputs(String schema) {
        return new PgOutputs(URL, USER, "", schema, 2);
    }

    @Test
    void aBatchWrittenTwiceIsWrittenOnceAndTheFirstOffsetOfACommandIsKept() {
        try (PgOutputs sink = outputs("cluster_it_sink").dropSchema().createSchema()) {
            List<OutputSink.Applied> batch = List.of(applied(0, "c0"), applied(1, "c1"), applied(2, "c0"));
            assertThat(sink.lastWritten("t")).isEqualTo(-1);
            assertThat(sink.writeBatch("t", batch)).isEqualTo(3);
            assertThat(sink.writeBatch("t", batch)).as("the same batch again writes nothing").isZero();
            assertThat(sink.writeBatch("t", List.of(applied(2, "c0"), applied(3, "c3")))).isEqualTo(1);
            assertThat(sink.writeBatch("u", List.of(applied(0, "c0")))).as("another tenant's offset 0").isEqualTo(1);
            assertThat(sink.commandsByOffset("t")).containsExactly(Map.entry(0L, "c0"), Map.entry(1L, "c1"),
                    Map.entry(2L, "c0"), Map.entry(3L, "c3"));
            assertThat(sink.lastWritten("t")).isEqualTo(3);
            assertThat(sink.offsetOf("t", "c0")).as("idempotency record: the first offset of c0").isZero();
            assertThat(sink.offsetOf("t", "c9")).isEqualTo(-1);
            assertThat(sink.rowCounts().get("t")).containsExactly(4, 3);
            assertThat(sink.refused()).isEqualTo(4);
        }
    }

    private static OutputSink.Applied applied(long offset, String id) {
        return new OutputSink.Applied(offset, id, List.<Event>of(new Event.SubsidyInjected(id, offset + 1)));
    }

    @Test
    void aKilledNodesTenantsReplayedElsewhereWriteEachAcknowledgedOffsetOnce() throws Exception {
        try (PgOutputs check = outputs("cluster_it_failover").dropSchema().createSchema();
                EmbeddedBroker broker = new EmbeddedBroker(TOPICS);
                PgOutputs victimOutputs = outputs("cluster_it_failover");
                PgOutputs survivorOutputs = outputs("cluster_it_failover");
                ClusterNode victim = node(broker, "a", victimOutputs);
                ClusterNode survivor = node(broker, "b", survivorOutputs);
                CommandSender sender = new CommandSender(broker.bootstrap(), TOPICS, "pg-payments")) {
            Await.until(PATIENCE, "both nodes hold tenants", () -> !victim.tenants().isEmpty()
                    && !survivor.tenants().isEmpty() && victim.tenants().size() + survivor.tenants().size() == 6);
            Map<String, Map<Long, String>> acked = new ConcurrentHashMap<>();
            TENANTS.forEach(t -> acked.put(t, new ConcurrentHashMap<>()));
            AtomicLong ackCount = new AtomicLong();

            send(sender, 0, PAYMENTS / 2, acked, ackCount).join();
            Set<String> victims = victim.tenants();
            Await.until(PATIENCE, "the victim stored a snapshot of each of its tenants",
                    () -> victims.stream().allMatch(t -> victim.snapshotsStored(t) > 0));
            CompletableFuture<Void> rest = send(sender, PAYMENTS / 2, PAYMENTS, acked, ackCount);
            Await.until(PATIENCE, "payments of the second half acknowledged",
                    () -> ackCount.get() >= (long) TENANTS.size() * (PAYMENTS / 2 + 200));
            victim.kill();
            rest.join();
            Await.until(PATIENCE, "the survivor applied every tenant up to its last acknowledged payment",
                    () -> TENANTS.stream().allMatch(t -> survivor.applied(t) == PAYMENTS - 1));

            Map<String, long[]> rows = check.rowCounts();
            for (String tenant : TENANTS) {
                assertThat(acked.get(tenant)).as("%s: every payment acknowledged", tenant).hasSize(PAYMENTS);
                assertThat(check.commandsByOffset(tenant)).as("%s: one row per acknowledged offset, its command",
                        tenant).isEqualTo(new TreeMap<>(acked.get(tenant)));
                assertThat(rows.get(tenant)).as("%s: output rows and idempotency records", tenant)
                        .containsExactly(PAYMENTS, PAYMENTS);
                assertThat(survivor.query(tenant, Engine::poolCash).join()).as("%s: each pool share once", tenant)
                        .isEqualTo(Payments.poolSharesFen(PAYMENTS));
            }
            assertThat(victims).allSatisfy(t -> assertThat(survivor.restoredFrom(t))
                    .as("%s restored from a snapshot", t).isGreaterThanOrEqualTo(0));
            System.out.printf("PostgreSQL outputs: %d rows for %d acknowledged payments; %d rows offered again "
                    + "after the take-over and refused%n", rows.values().stream().mapToLong(r -> r[0]).sum(),
                    ackCount.get(), survivorOutputs.refused() + victimOutputs.refused());
        }
    }

    private static ClusterNode node(EmbeddedBroker broker, String name, OutputSink outputs) {
        return new ClusterNode(broker.bootstrap(), TOPICS, "pg-nodes", name, Payments::freshEngine, 250, 3_000,
                outputs);
    }

    private static CompletableFuture<Void> send(CommandSender sender, int from, int to,
            Map<String, Map<Long, String>> acked, AtomicLong ackCount) {
        List<CompletableFuture<Long>> all = new ArrayList<>();
        for (int i = from; i < to; i++) {
            for (String tenant : TENANTS) {
                String id = Payments.payment(tenant, i).id();
                all.add(sender.send(tenant, Payments.payment(tenant, i)).whenComplete((offset, e) -> {
                    if (e == null) {
                        acked.get(tenant).put(offset, id);
                        ackCount.incrementAndGet();
                    }
                }));
            }
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }
}
