package org.zengzhi.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zengzhi.cluster.move.TenantMove;
import org.zengzhi.engine.Engine;
import org.zengzhi.log.LogLines;

/**
 * Issue 21, deliver 5: a tenant moved between two Kafka clusters (two KRaft brokers in-process, Kafka's own test kit).
 * The source seals it (its node applies nothing after the seal, senders are refused), the tenant's state at the seal
 * is copied to the target as a snapshot before the target partition's first offset, and the target's node serves it
 * with the same state hash and applies the target's new payments on top (R-1.5: invariants hold, the pool holds every
 * acknowledged pool share once, across both clusters). A second run of the move writes nothing again.
 */
class TenantMoveIT {
    private static final String MOVED = "shop-a";
    private static final String STAYS = "shop-b";
    private static final ClusterTopics SOURCE = new ClusterTopics("src-commands", "src-snapshots", List.of(MOVED, STAYS));
    private static final ClusterTopics TARGET = new ClusterTopics("dst-commands", "dst-snapshots",
            List.of("shop-c", MOVED));
    private static final int PAYMENTS = 600;
    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static EmbeddedBroker source;
    private static EmbeddedBroker target;

    @BeforeAll
    static void startClusters() throws Exception {
        source = new EmbeddedBroker(SOURCE);
        target = new EmbeddedBroker(TARGET);
    }

    @AfterAll
    static void stopClusters() throws Exception {
        if (source != null) {
            source.close();
        }
        if (target != null) {
            target.close();
        }
    }

    private static ClusterNode node(EmbeddedBroker broker, ClusterTopics topics, String name, OutputSink outputs) {
        return new ClusterNode(broker.bootstrap(), topics, name + "-group", name, Payments::freshEngine, 250, 3_000,
                outputs);
    }

    @Test
    void aMovedTenantIsRefusedByTheSourceAndServedByTheTargetWithTheSameState() throws Exception {
        MemoryOutputs sourceOutputs = new MemoryOutputs();
        MemoryOutputs targetOutputs = new MemoryOutputs();
        TenantMove.Side from = new TenantMove.Side(source.bootstrap(), SOURCE);
        TenantMove.Side to = new TenantMove.Side(target.bootstrap(), TARGET);
        try (ClusterNode sourceNode = node(source, SOURCE, "source", sourceOutputs);
                CommandSender sourceSender = new CommandSender(source.bootstrap(), SOURCE, "source-payments")) {
            Await.until(PATIENCE, "the source node holds both tenants", () -> sourceNode.tenants().size() == 2);
            Map<Long, String> acked = send(sourceSender, MOVED, 0, PAYMENTS);
            send(sourceSender, STAYS, 0, PAYMENTS);
            Await.until(PATIENCE, "the source applied every payment and stored a snapshot of the tenant",
                    () -> sourceNode.applied(MOVED) == PAYMENTS - 1 && sourceNode.snapshotsStored(MOVED) > 0);

            TenantMove.Result moved = TenantMove.move(from, to, "cluster-2", MOVED, Payments::freshEngine);

            assertThat(moved.sealOffset()).as("the seal follows the last payment").isEqualTo(PAYMENTS);
            assertThat(moved.sourceSnapshotOffset()).as("the state came from a snapshot, not a replay from 0")
                    .isGreaterThanOrEqualTo(0);
            assertThat(moved.replayed()).isEqualTo(PAYMENTS - 1 - moved.sourceSnapshotOffset());
            assertThat(moved.targetOffset()).as("just before the empty target partition's first offset").isEqualTo(-1);
            assertThat(moved.copiedBefore()).isFalse();

            // Senders are refused, whether their view of the seals is current before they send or after the ack.
            CompletableFuture<Long> late = sourceSender.send(MOVED, Payments.payment(MOVED, PAYMENTS));
            assertThatThrownBy(late::join).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(TenantMovedException.class).hasMessageContaining("cluster-2");
            // A writer that knows nothing of seals: its record is in the log after the seal, and is not applied there.
            long stray = writeRaw(source.bootstrap(), SOURCE, MOVED, Payments.payment(MOVED, PAYMENTS + 1));
            Await.until(PATIENCE, "the source node read past the stray record", () -> sourceNode.applied(MOVED) >= stray);
            assertThat(sourceNode.sealedAt(MOVED)).isEqualTo(PAYMENTS);
            assertThat(new TreeMap<>(sourceOutputs.of(MOVED)).lastKey()).as("no output after the seal")
                    .isEqualTo(PAYMENTS - 1L);
            assertThat(outputs(sourceOutputs, MOVED)).isEqualTo(new TreeMap<>(acked));
            String sourceHash = sourceNode.query(MOVED, Engine::stateHash).join();
            assertThat(sourceHash).as("the source's state is the one moved").isEqualTo(moved.stateHash());
            assertThat(PartitionReplay.replay(source.bootstrap(), SOURCE, MOVED, Payments.freshEngine()).engine()
                    .stateHash()).as("a replay of the source partition stops at the seal").isEqualTo(sourceHash);
            assertThat(sourceSender.send(STAYS, Payments.payment(STAYS, PAYMENTS)).join())
                    .as("the tenant that stays is served as before").isEqualTo(PAYMENTS);

            long sourceEnd = endOffset(source.bootstrap(), SOURCE, MOVED);
            TenantMove.Result again = TenantMove.move(from, to, "cluster-2", MOVED, Payments::freshEngine);
            assertThat(again.sealOffset()).isEqualTo(moved.sealOffset());
            assertThat(again.stateHash()).isEqualTo(moved.stateHash());
            assertThat(again.copiedBefore()).as("the second run finds the copy").isTrue();
            assertThat(endOffset(source.bootstrap(), SOURCE, MOVED)).as("no second seal record").isEqualTo(sourceEnd);

            try (ClusterNode targetNode = node(target, TARGET, "target", targetOutputs);
                    CommandSender targetSender = new CommandSender(target.bootstrap(), TARGET, "target-payments")) {
                Await.until(PATIENCE, "the target node serves the moved tenant", () -> targetNode.applied(MOVED) == -1
                        && targetNode.query(MOVED, e -> true).handle((ok, e) -> e == null).join());
                assertThat(targetNode.query(MOVED, Engine::stateHash).join())
                        .as("the target serves the moved tenant with the source's state hash").isEqualTo(sourceHash);

                Map<Long, String> ackedThere = send(targetSender, MOVED, PAYMENTS, PAYMENTS + 300);
                Await.until(PATIENCE, "the target applied the new payments", () -> targetNode.applied(MOVED) == 299);
                assertThat(outputs(targetOutputs, MOVED)).isEqualTo(new TreeMap<>(ackedThere));
                assertThat(targetNode.query(MOVED, Engine::checkInvariants).join()).isEmpty();
                assertThat(targetNode.query(MOVED, Engine::poolCash).join())
                        .as("the pool holds every acknowledged pool share of both clusters once")
                        .isEqualTo(Payments.poolSharesFen(PAYMENTS + 300));
            }
        }
    }

    private static Map<Long, String> send(CommandSender sender, String tenant, int from, int to) {
        Map<Long, String> acked = new ConcurrentHashMap<>();
        List<CompletableFuture<Long>> all = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String id = Payments.payment(tenant, i).id();
            all.add(sender.send(tenant, Payments.payment(tenant, i)).whenComplete((offset, e) -> {
                if (e == null) {
                    acked.put(offset, id);
                }
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        return acked;
    }

    private static Map<Long, String> outputs(MemoryOutputs outputs, String tenant) {
        Map<Long, String> written = new TreeMap<>();
        outputs.of(tenant).forEach((offset, output) -> written.put(offset, output.commandId()));
        return written;
    }

    private static long writeRaw(String bootstrap, ClusterTopics topics, String tenant,
            org.zengzhi.engine.Command command) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaSettings.producer(bootstrap, "raw"))) {
            return producer.send(new ProducerRecord<>(topics.commands(), topics.partition(tenant), tenant,
                    LogLines.write(command).getBytes(StandardCharsets.UTF_8))).get().offset();
        }
    }

    private static long endOffset(String bootstrap, ClusterTopics topics, String tenant) {
        TopicPartition partition = new TopicPartition(topics.commands(), topics.partition(tenant));
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(KafkaSettings.reader(bootstrap, "ends"))) {
            return reader.endOffsets(List.of(partition)).get(partition);
        }
    }
}
