package org.zengzhi.engine.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import org.zengzhi.engine.PoolRules;
import org.zengzhi.engine.plan.Plan;

/**
 * The order book's id table behaves exactly like a {@code HashMap} from id to order: on random mixes of adds,
 * replacements, removals (present and absent ids, and of an order no longer held under its id) and look-ups over a small id space, so that probe runs
 * collide, wrap around the table's end and are cut by removals, every look-up, the size and the whole
 * content agree after every step.
 */
class OrderTableProperties {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    /** One step: 0–4 put, 5–7 remove, 8 remove another order of a held id, 9 find; on id {@code "o" + id}. */
    record Step(int kind, int id) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 300)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(2_000);
    }

    @Property(tries = 300)
    void actsLikeAHashMap(@ForAll("steps") List<Step> steps) {
        OrderTable table = new OrderTable();
        Map<String, Order> reference = new HashMap<>();
        long sequence = 0;
        for (Step step : steps) {
            String id = "o" + step.id();
            if (step.kind() <= 4) {
                Order order = order(id, sequence++);
                table.put(order);
                reference.put(id, order);
            } else if (step.kind() <= 7) {
                // Removal is of an order object: the one held under the id, or (absent id) one never added.
                Order held = reference.remove(id);
                table.remove(held != null ? held : order(id, sequence++));
            } else if (step.kind() == 8 && reference.containsKey(id)) {
                // An order replaced under its id is no longer held: removing it leaves the new one.
                table.remove(order(id, sequence++));
            }
            assertThat(table.find(id)).isSameAs(reference.get(id));
            assertThat(table.size()).isEqualTo(reference.size());
        }
        for (int id = 0; id <= 300; id++) {
            assertThat(table.find("o" + id)).isSameAs(reference.get("o" + id));
        }
        List<Order> inPaymentOrder = new ArrayList<>(reference.values());
        inPaymentOrder.sort(Comparator.comparingLong((Order order) -> order.sequence));
        assertThat(table.values()).containsExactlyElementsOf(inPaymentOrder);
    }

    /**
     * The book lists its orders in payment order however many of them are forgotten, from the oldest, the
     * newest or between ({@code count} orders paid with {@code Orders.nextSequence}, then about
     * {@code forgetPercent} of them forgotten), and a book emptied and filled again starts afresh.
     */
    @Property(tries = 300)
    void theBookListsItsOrdersInPaymentOrder(@ForAll @IntRange(min = 0, max = 2_000) int count,
            @ForAll @IntRange(min = 0, max = 100) int forgetPercent) {
        Orders orders = new Orders();
        List<Order> kept = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Order order = order("o" + (i * 7919 % 2_003), orders.nextSequence());
            orders.add(order);
            if (i * 37 % 100 < forgetPercent) {
                orders.forget(order);
            } else {
                kept.add(order);
            }
        }
        assertThat(orders.inPaymentOrder()).containsExactlyElementsOf(kept);
        assertThat(orders.count()).isEqualTo(kept.size());
        for (Order order : kept) {
            orders.forget(order);
        }
        assertThat(orders.inPaymentOrder()).isEmpty();
        Order later = order("o-later", orders.nextSequence());
        orders.add(later);
        assertThat(orders.inPaymentOrder()).containsExactly(later);
        assertThat(orders.find("o-later")).isSameAs(later);
    }

    /**
     * Orders added out of payment order (a snapshot's, or one put before older ones) are still listed in it,
     * found by id and removed, however far apart their numbers are.
     */
    @Property(tries = 200)
    void ordersAddedOutOfOrderAreListedInPaymentOrder(@ForAll("sequences") List<Long> sequences) {
        OrderTable table = new OrderTable();
        List<Order> added = new ArrayList<>();
        for (long sequence : sequences) {
            Order order = order("o" + sequence, sequence);
            table.put(order);
            added.add(order);
        }
        added.sort(Comparator.comparingLong((Order order) -> order.sequence));
        assertThat(table.values()).containsExactlyElementsOf(added);
        for (Order order : added) {
            assertThat(table.find(order.id)).isSameAs(order);
        }
        for (int i = 0; i < added.size(); i += 2) {
            table.remove(added.get(i));
            assertThat(table.find(added.get(i).id)).isNull();
        }
        assertThat(table.size()).isEqualTo(added.size() / 2);
    }

    @Provide
    Arbitrary<List<Long>> sequences() {
        return Arbitraries.longs().between(0, 5_000).list().uniqueElements().ofMaxSize(300);
    }

    @Example
    void twoOrdersOfOneSequenceAreRefusedAndTheFirstStays() {
        OrderTable table = new OrderTable();
        Order first = order("o1", 7);
        table.put(first);
        assertThatThrownBy(() -> table.put(order("o2", 7))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("share sequence 7");
        assertThat(table.find("o1")).isSameAs(first);
        assertThat(table.find("o2")).isNull();
        assertThat(table.size()).isEqualTo(1);
    }

    @Example
    void aNullIdIsNotFound() {
        OrderTable table = new OrderTable();
        table.put(order("o1", 0));
        assertThat(table.find(null)).isNull();
        assertThat(table.find("o1")).isNotNull();
    }

    private static Order order(String id, long sequence) {
        return new Order(id, sequence, 0, -1, Channel.MALL, 100, 0, null, Splits.mall(Plan.defaults(PoolRules.MALL).mall(), 100, 0),
                new long[0], 0, 0, AT, AT);
    }
}
