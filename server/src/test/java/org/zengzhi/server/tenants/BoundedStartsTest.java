package org.zengzhi.server.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Issue 21 item 1: tenants start in parallel at server start, a bounded number at a time, a failure kept apart. */
class BoundedStartsTest {
    @Test
    void startsTwoAtOnceNeverThreeAndEveryOneRuns() throws Exception {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch twoTogether = new CountDownLatch(2);
        Set<String> started = ConcurrentHashMap.newKeySet();
        Map<String, Throwable> failed = BoundedStarts.run(List.of("a", "b", "c", "d", "e"), 2, slug -> slug, slug -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            twoTogether.countDown();
            // The first two wait for each other: they can only both get here if they run at the same time.
            assertThat(twoTogether.await(30, TimeUnit.SECONDS)).isTrue();
            started.add(slug);
            now.decrementAndGet();
        });
        assertThat(failed).isEmpty();
        assertThat(started).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void aTenantThatFailsIsReportedAndTheOthersStart() throws Exception {
        Set<String> started = ConcurrentHashMap.newKeySet();
        Map<String, Throwable> failed = BoundedStarts.run(List.of("a", "broken", "c"), 3, slug -> slug, slug -> {
            if (slug.equals("broken")) {
                throw new IllegalStateException("its journal is unreadable");
            }
            started.add(slug);
        });
        assertThat(started).containsExactlyInAnyOrder("a", "c");
        assertThat(failed).containsOnlyKeys("broken");
        assertThat(failed.get("broken")).hasMessage("its journal is unreadable");
    }

    @Test
    void noTenantsIsNothingToDo() throws Exception {
        assertThat(BoundedStarts.run(List.<String>of(), 3, slug -> slug, slug -> {
            throw new AssertionError("nothing to start");
        })).isEmpty();
    }
}
