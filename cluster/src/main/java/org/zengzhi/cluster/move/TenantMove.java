package org.zengzhi.cluster.move;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.zengzhi.cluster.ClusterTopics;
import org.zengzhi.cluster.KafkaSettings;
import org.zengzhi.cluster.PartitionReplay;
import org.zengzhi.cluster.SnapshotStore;
import org.zengzhi.cluster.TenantSeal;
import org.zengzhi.cluster.TenantSeals;
import org.zengzhi.cluster.TenantSnapshot;
import org.zengzhi.engine.Engine;

/**
 * Moves a tenant from one Kafka cluster to another (issue 21 deliver 5), in four steps, each safe to run again:
 * <ol>
 * <li><b>Seal on the source.</b> The seal's intent goes to the source's seals topic, then a seal record
 * ({@link TenantSeal}) to the tenant's partition, then the seal with that record's offset. The first seal record is
 * the one point of the move: the source's node applies everything before it and nothing after it; senders refuse
 * the tenant from then on ({@code CommandSender}).</li>
 * <li><b>State at the seal.</b> The source's newest snapshot of the tenant (or a fresh engine), and the records
 * after it up to the seal replayed into it.</li>
 * <li><b>Copy to the target.</b> That state as a snapshot in the target's snapshots topic, at the offset just
 * before the target partition's end (its first offset: the partition must hold nothing yet), so a target node that
 * is assigned the tenant restores it and applies the target's records from there.</li>
 * <li><b>Check.</b> The snapshot read back from the target restores to the same state hash.</li>
 * </ol>
 * A second run finds the seal and the copied snapshot and writes neither again; a copy that differs is refused.
 */
public final class TenantMove {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Where the move stands: the source's seal, where the state came from and where it now is on the target. */
    public record Result(String tenant, String target, long sealOffset, long sourceSnapshotOffset, long replayed,
            long targetOffset, String stateHash, boolean copiedBefore) {
    }

    /** One side of the move: its bootstrap servers and its topics (tenant to partition). */
    public record Side(String bootstrap, ClusterTopics topics) {
    }

    private TenantMove() {
    }

    public static Result move(Side source, Side target, String targetName, String tenant, Supplier<Engine> fresh)
            throws Exception {
        source.topics().partition(tenant); // an unknown tenant is refused before anything is written
        target.topics().partition(tenant);
        seal(source, tenant, targetName);
        Optional<TenantSnapshot> snapshot = Optional.ofNullable(new SnapshotReader(source).latest(tenant));
        Engine engine = snapshot.map(TenantSnapshot::restore).orElseGet(fresh);
        long from = snapshot.map(TenantSnapshot::offset).orElse(-1L) + 1;
        PartitionReplay.Replayed replayed = PartitionReplay.replay(source.bootstrap(), source.topics(), tenant, engine,
                from);
        if (replayed.sealOffset() < 0) {
            throw new IllegalStateException(tenant + ": no seal record found in the source partition after offset "
                    + from);
        }
        recordSealOffset(source, tenant, targetName, replayed.sealOffset());
        Copy copy = copy(target, tenant, engine);
        return new Result(tenant, targetName, replayed.sealOffset(), from - 1, replayed.records(), copy.offset(),
                engine.stateHash(), copy.before());
    }

    /** Step 1: intent, seal record (unless a seal offset is already recorded). */
    private static void seal(Side source, String tenant, String targetName) throws Exception {
        try (TenantSeals view = new TenantSeals(source.bootstrap(), source.topics(), "move-" + tenant);
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaSettings.producer(source.bootstrap(),
                        "move-" + tenant))) {
            view.currentAfter(System.nanoTime()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Optional<TenantSeals.Seal> known = view.seal(tenant);
            if (known.isPresent() && !known.get().target().equals(targetName)) {
                throw new IllegalStateException(tenant + " is already sealed for cluster " + known.get().target());
            }
            if (known.isPresent() && known.get().offsetKnown()) {
                return; // sealed by an earlier run
            }
            TenantSeals.write(producer, source.topics(), new TenantSeals.Seal(tenant, targetName, -1));
            // A second seal record (an earlier run died after writing one) is harmless: the first one counts.
            producer.send(TenantSeal.record(source.topics(), tenant, targetName)).get();
        }
    }

    private static void recordSealOffset(Side source, String tenant, String targetName, long offset) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaSettings.producer(source.bootstrap(),
                "move-" + tenant))) {
            TenantSeals.write(producer, source.topics(), new TenantSeals.Seal(tenant, targetName, offset));
        }
    }

    private record Copy(long offset, boolean before) {
    }

    /** Step 3 and 4: the state as the target's snapshot at the offset before its partition's first record. */
    private static Copy copy(Side target, String tenant, Engine engine) throws Exception {
        TenantSnapshot there = new SnapshotReader(target).latest(tenant);
        if (there != null) {
            if (!there.restore().stateHash().equals(engine.stateHash())) {
                throw new IllegalStateException(tenant + " already has another state on the target (snapshot at "
                        + there.offset() + "); not overwritten");
            }
            return new Copy(there.offset(), true);
        }
        long first = endOffset(target, tenant);
        if (first != beginningOffset(target, tenant)) {
            throw new IllegalStateException(tenant + "'s partition on the target already holds records; a move needs "
                    + "an empty one");
        }
        TenantSnapshot snapshot = TenantSnapshot.of(tenant, first - 1, engine);
        try (SnapshotStore store = new SnapshotStore(target.bootstrap(), target.topics(), "move-" + tenant)) {
            store.save(snapshot).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        TenantSnapshot back = new SnapshotReader(target).latest(tenant);
        if (back == null || back.offset() != first - 1 || !back.restore().stateHash().equals(engine.stateHash())) {
            throw new IllegalStateException(tenant + ": the snapshot read back from the target differs");
        }
        return new Copy(first - 1, false);
    }

    private static long endOffset(Side side, String tenant) {
        try (KafkaConsumer<String, byte[]> reader = reader(side, tenant)) {
            TopicPartition p = partition(side, tenant);
            return reader.endOffsets(List.of(p), TIMEOUT).get(p);
        }
    }

    private static long beginningOffset(Side side, String tenant) {
        try (KafkaConsumer<String, byte[]> reader = reader(side, tenant)) {
            TopicPartition p = partition(side, tenant);
            return reader.beginningOffsets(List.of(p), TIMEOUT).get(p);
        }
    }

    private static KafkaConsumer<String, byte[]> reader(Side side, String tenant) {
        return new KafkaConsumer<>(KafkaSettings.reader(side.bootstrap(), "move-" + tenant + "-offsets"));
    }

    private static TopicPartition partition(Side side, String tenant) {
        return new TopicPartition(side.topics().commands(), side.topics().partition(tenant));
    }

    /** A tenant's newest snapshot on one side. */
    private record SnapshotReader(Side side) {
        TenantSnapshot latest(String tenant) {
            try (SnapshotStore store = new SnapshotStore(side.bootstrap(), side.topics(), "move-read")) {
                return store.latest().get(tenant);
            }
        }
    }
}
