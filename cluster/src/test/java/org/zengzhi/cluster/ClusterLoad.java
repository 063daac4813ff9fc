package org.zengzhi.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.zengzhi.engine.Engine;

/**
 * The load generator behind the cluster figures in docs/benchmarks.md (not part of `verify`; run it by name):
 * payments for several tenants through one node with the in-process broker, timed from the first send until the
 * node has applied every acknowledged payment; the answer is checked (each tenant's pool holds every pool share
 * once, invariants hold). Sizes: -Dcluster.tenants (6), -Dcluster.payments per tenant (20000).
 */
class ClusterLoad {
    private static final int TENANT_COUNT = Integer.getInteger("cluster.tenants", 6);
    private static final int PAYMENTS = Integer.getInteger("cluster.payments", 20_000);
    private static final List<String> TENANTS = IntStream.range(0, TENANT_COUNT).mapToObj(i -> "load-" + i).toList();
    private static final ClusterTopics TOPICS = new ClusterTopics("load-commands", "load-snapshots", TENANTS);

    @Test
    void paymentsThroughOneNode() throws Exception {
        try (EmbeddedBroker broker = new EmbeddedBroker(TOPICS);
                ClusterNode node = new ClusterNode(broker.bootstrap(), TOPICS, "load-nodes", "n1", Payments::freshEngine,
                        5_000, 3_000, new MemoryOutputs());
                CommandSender sender = new CommandSender(broker.bootstrap(), TOPICS, "load")) {
            Await.until(Duration.ofSeconds(60), "the node holds every tenant", () -> node.tenants().size() == TENANT_COUNT);
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            long start = System.nanoTime();
            CompletableFuture<?>[] acks = new CompletableFuture<?>[TENANT_COUNT * PAYMENTS];
            int n = 0;
            for (int i = 0; i < PAYMENTS; i++) {
                for (String tenant : TENANTS) {
                    acks[n++] = sender.send(tenant, Payments.payment(tenant, i)).whenComplete((o, e) -> {
                        if (e != null) {
                            failures.add(e);
                        }
                    });
                }
            }
            CompletableFuture.allOf(acks).join();
            long acked = System.nanoTime();
            Await.until(Duration.ofMinutes(5), "every payment applied",
                    () -> TENANTS.stream().allMatch(t -> node.applied(t) == PAYMENTS - 1));
            long applied = System.nanoTime();

            assertThat(failures).isEmpty();
            for (String tenant : TENANTS) {
                assertThat(node.query(tenant, Engine::poolCash).join()).isEqualTo(Payments.poolSharesFen(PAYMENTS));
                assertThat(node.query(tenant, Engine::checkInvariants).join()).isEmpty();
            }
            long total = (long) TENANT_COUNT * PAYMENTS;
            System.out.printf("cluster load: %d payments (%d tenants x %d) through one node: acknowledged by Kafka "
                    + "(acks=all) in %d ms = %.0f/s; applied in %d ms = %.0f/s%n", total, TENANT_COUNT, PAYMENTS,
                    (acked - start) / 1_000_000, total * 1e9 / (acked - start), (applied - start) / 1_000_000,
                    total * 1e9 / (applied - start));
        }
    }
}
