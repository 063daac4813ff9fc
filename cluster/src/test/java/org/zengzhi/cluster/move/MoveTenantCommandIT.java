package org.zengzhi.cluster.move;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zengzhi.cluster.ClusterTopics;
import org.zengzhi.cluster.CommandSender;
import org.zengzhi.cluster.PartitionReplay;
import org.zengzhi.cluster.SnapshotStore;
import org.zengzhi.cluster.TenantSnapshot;
import org.zengzhi.cluster.demo.DemoPayments;

/**
 * Issue 21, deliver 5: {@code bin/zengzhi cluster-move-tenant} itself ({@link MoveTenantMain}) between two in-process
 * KRaft clusters laid out as the demo lays them out: it moves the tenant and says so in Chinese by default; run again
 * with {@code --lang en} it finds the move done and writes nothing twice.
 */
class MoveTenantCommandIT {
    private static final ClusterTopics TOPICS = new ClusterTopics("zengzhi-commands", "zengzhi-snapshots",
            List.of("tenant-00", "tenant-01"));
    private static KafkaClusterTestKit source;
    private static KafkaClusterTestKit target;

    @BeforeAll
    static void startClusters() throws Exception {
        source = cluster();
        target = cluster();
    }

    private static KafkaClusterTestKit cluster() throws Exception {
        KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true)
                .setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .build();
        kit.format();
        kit.startup();
        kit.waitForReadyBrokers();
        try (Admin admin = kit.admin(Map.of())) {
            TOPICS.create(admin, (short) 1, 1);
        }
        return kit;
    }

    @AfterAll
    static void stopClusters() throws Exception {
        for (KafkaClusterTestKit kit : new KafkaClusterTestKit[] {source, target}) {
            if (kit != null) {
                kit.close();
            }
        }
    }

    @Test
    void theCommandMovesATenantAndARepeatWritesNothingTwice() throws Exception {
        try (CommandSender sender = new CommandSender(source.bootstrapServers(), TOPICS, "command-it")) {
            List<CompletableFuture<Long>> sent = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                sent.add(sender.send("tenant-01", DemoPayments.payment("tenant-01", i)));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        }
        String[] args = {"--from", source.bootstrapServers(), "--to", target.bootstrapServers(), "--tenant",
            "tenant-01", "--tenants", "2", "--target-cluster", "cluster-b"};

        Run first = run(args);
        assertThat(first.code()).as(first.out()).isZero();
        assertThat(first.out()).contains("已在源集群封存：封存记录偏移量 120").contains("迁移完成");

        String[] english = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--lang", "en")).toArray(String[]::new);
        Run again = run(english);
        assertThat(again.code()).as(again.out()).isZero();
        assertThat(again.out()).contains("seal record at offset 120").contains("not written again");

        TenantSnapshot copied;
        try (SnapshotStore store = new SnapshotStore(target.bootstrapServers(), TOPICS, "check")) {
            copied = store.latest().get("tenant-01");
        }
        assertThat(copied.offset()).as("before the empty target partition's first offset").isEqualTo(-1);
        assertThat(copied.restore().stateHash()).as("the state of the source partition up to the seal")
                .isEqualTo(PartitionReplay.replay(source.bootstrapServers(), TOPICS, "tenant-01",
                        DemoPayments.freshEngine()).engine().stateHash());

        Run bad = run(new String[] {"--from", "x:1", "--to", "y:2", "--tenant", "tenant-07", "--tenants", "2"});
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("参数错误").contains("--tenant");
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String[] args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MoveTenantMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
