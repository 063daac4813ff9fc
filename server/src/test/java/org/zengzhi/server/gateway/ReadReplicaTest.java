package org.zengzhi.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.PoolRules;
import org.zengzhi.engine.Price;
import org.zengzhi.engine.network.RegionDirectory;

/** The replica on its own, without a database: its order of work, and what it does when a batch fails. */
class ReadReplicaTest {
    private static final Plan PLAN = Plan.defaults(new PoolRules(700_000, 800_000, 1_000, 1, Price.ONE_YUAN));
    /** A guard against a hang only; no test asserts a duration. */
    private static final long HANG_SECONDS = 60;
    private static final Instant AT = Instant.parse("2026-12-06T00:00:00Z");

    @Test
    void aQuerySeesEveryBatchHandedOverBeforeIt() throws Exception {
        try (ReadReplica replica = new ReadReplica(() -> { })) {
            replica.reset(new Engine(PLAN, RegionDirectory.STANDARD));
            replica.apply(List.of(order("o1", "u1", AT), order("o2", "u2", AT)));
            assertThat(replica.query(Engine::holderCount).get(HANG_SECONDS, TimeUnit.SECONDS)).isEqualTo(2);
            replica.apply(List.of(order("o3", "u3", AT)));
            assertThat(replica.query(Engine::poolCash).get(HANG_SECONDS, TimeUnit.SECONDS)).isEqualTo(3 * 3_000);
        }
    }

    /** A command the replica cannot apply (a bug: here a missing time) tells the gateway and refuses queries until a reset. */
    @Test
    void aFailedBatchIsReportedAndNothingIsServedUntilTheReset() throws Exception {
        CountDownLatch failed = new CountDownLatch(1);
        try (ReadReplica replica = new ReadReplica(failed::countDown)) {
            replica.reset(new Engine(PLAN, RegionDirectory.STANDARD));
            replica.apply(List.of(order("o1", "u1", null)));
            assertThat(failed.await(HANG_SECONDS, TimeUnit.SECONDS)).as("the gateway is told").isTrue();
            assertThatThrownBy(() -> replica.query(Engine::holderCount).get(HANG_SECONDS, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(EngineGateway.GatewayBusyException.class);
            Engine rebuilt = new Engine(PLAN, RegionDirectory.STANDARD);
            rebuilt.execute(order("o2", "u2", AT));
            replica.reset(rebuilt);
            assertThat(replica.query(engine -> engine.holder("u2")).get(HANG_SECONDS, TimeUnit.SECONDS)).isNotNull();
        }
    }

    private static Command order(String id, String user, Instant at) {
        return new Command.SettleOrder(id, at, user, 10_000, 3_000);
    }
}
