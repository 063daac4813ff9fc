package org.zengzhi.engine.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The due-order queue behind settlement settles orders earliest due first, ties in payment order,
 * exactly like a sorted set of them: on random mixes of payments with a few settlement windows or any due
 * time, reschedules (receipt confirmed), removals (refunds) and polls at a moving clock, every poll returns
 * what the sorted set returns and the sizes agree.
 */
class DueQueueProperties {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** One step: 0–5 pay (window from a few, or any due time when 5), 6 reschedule, 7 remove, 8–9 tick. */
    record Step(int kind, int days, int pick, int advanceHours) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 9),
                Arbitraries.of(0, 1, 7, 22, 22, 30), Arbitraries.integers().between(0, 1_000),
                Arbitraries.integers().between(0, 72)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(400);
    }

    @Property(tries = 400)
    void pollsLikeASortedSet(@ForAll("steps") List<Step> steps) {
        DueQueue queue = new DueQueue();
        TreeSet<Order> reference = new TreeSet<>(DueQueue.DUE_ORDER);
        List<Order> queued = new ArrayList<>();
        Instant now = START;
        long sequence = 0;
        for (Step step : steps) {
            if (step.kind() <= 5) {
                Instant due = step.kind() == 5 ? START.plus(Duration.ofHours(step.pick()))
                        : now.plus(Duration.ofDays(step.days()));
                Order order = order(sequence++, now, due);
                queue.add(order);
                reference.add(order);
                queued.add(order);
            } else if (step.kind() <= 7 && !queued.isEmpty()) {
                Order order = queued.get(step.pick() % queued.size());
                queue.remove(order);
                reference.remove(order);
                if (step.kind() == 6) {
                    order.dueAt = now.plus(Duration.ofDays(step.days()));
                    queue.add(order);
                    reference.add(order);
                } else {
                    queued.remove(order);
                }
            } else {
                now = now.plus(Duration.ofHours(step.advanceHours()));
                for (Order due = queue.pollDue(now); due != null; due = queue.pollDue(now)) {
                    assertThat(due).isSameAs(reference.pollFirst());
                    assertThat(due.dueAt).isBeforeOrEqualTo(now);
                    queued.remove(due);
                }
                assertThat(reference.isEmpty() || reference.first().dueAt.isAfter(now)).isTrue();
            }
            assertThat(queue.size()).isEqualTo(reference.size());
        }
        Instant end = Instant.MAX;
        for (Order due = queue.pollDue(end); due != null; due = queue.pollDue(end)) {
            assertThat(due).isSameAs(reference.pollFirst());
        }
        assertThat(reference).isEmpty();
        assertThat(queue.slotsInUse()).isZero();
    }

    /** The usual case, orders of two windows paid in time order, takes two lanes and no tree. */
    @Example
    void twoWindowsUseTwoLanes() {
        DueQueue queue = new DueQueue();
        for (int i = 0; i < 1_000; i++) {
            Instant paid = START.plus(Duration.ofMinutes(i));
            queue.add(order(i, paid, paid.plus(Duration.ofDays(i % 3 == 0 ? 1 : 22))));
        }
        assertThat(queue.lanes()).isEqualTo(2);
        assertThat(queue.slotsInUse()).isEqualTo(1_000);
        Order previous = null;
        for (Order due = queue.pollDue(Instant.MAX); due != null; due = queue.pollDue(Instant.MAX)) {
            assertThat(previous == null || DueQueue.DUE_ORDER.compare(previous, due) < 0).isTrue();
            previous = due;
        }
        assertThat(queue.size()).isZero();
    }

    /** Orders falling due in reverse: each fits no lane, so past the eighth lane they go to the sorted set. */
    @Example
    void reversedDueTimesOverflowIntoTheSortedSetAndStillComeOutSorted() {
        DueQueue queue = new DueQueue();
        for (int i = 0; i < 100; i++) {
            queue.add(order(i, START, START.plus(Duration.ofHours(100 - i))));
        }
        assertThat(queue.lanes()).isEqualTo(8);
        assertThat(queue.size()).isEqualTo(100);
        for (int i = 99; i >= 0; i--) {
            assertThat(queue.pollDue(Instant.MAX).sequence).isEqualTo(i);
        }
        assertThat(queue.pollDue(Instant.MAX)).isNull();
        assertThat(queue.slotsInUse()).isZero();
    }

    private static Order order(long sequence, Instant paidAt, Instant dueAt) {
        return new Order("o" + sequence, sequence, 0, -1, Channel.MALL, 100, 0, null,
                new OrderSplit(100, 0, 0, 0, 0, 0, 0, 0, 0), new long[0], 0, 0, paidAt, dueAt);
    }
}
