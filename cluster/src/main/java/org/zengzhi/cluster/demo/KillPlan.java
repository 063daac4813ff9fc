package org.zengzhi.cluster.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * When the demo kills nodes and which ones (issue 21, "a node is killed at random moments"): with
 * {@code --kill-at random} each kill's moment is drawn uniformly within the load window, {@code [0, window)} ms
 * after the load starts, and its victim among the nodes still alive; with {@code --kill-at S} kill k (1, 2, …) is at
 * k·S seconds and its victim the last node still alive. One seed draws everything, so {@code --seed} repeats a run.
 */
public record KillPlan(long seed, List<Long> momentsMs, List<Integer> picks) {

    /** {@code kills} moments drawn uniformly in {@code [0, windowMs)}, in order, and a victim pick for each. */
    public static KillPlan random(long seed, int kills, long windowMs) {
        // SplittableRandom mixes its seed: java.util.Random's first draws from near seeds (1, 2, 3 …) are alike.
        SplittableRandom random = new SplittableRandom(seed);
        List<Long> moments = new ArrayList<>();
        for (int k = 0; k < kills; k++) {
            moments.add((long) (random.nextDouble() * windowMs));
        }
        moments.sort(null);
        List<Integer> picks = IntStream.range(0, kills).mapToObj(k -> random.nextInt(Integer.MAX_VALUE)).toList();
        return new KillPlan(seed, List.copyOf(moments), picks);
    }

    /** Kill k (0-based) at (k+1)·{@code killAtSeconds}, each time the last node alive. */
    public static KillPlan fixed(long seed, int kills, int killAtSeconds) {
        List<Long> moments = IntStream.range(0, kills).mapToObj(k -> (k + 1) * killAtSeconds * 1_000L).toList();
        return new KillPlan(seed, moments, IntStream.range(0, kills).mapToObj(k -> -1).toList());
    }

    /** Kill k's victim among {@code alive} (node indexes, in order): the drawn pick, or the last one. */
    public int victim(int k, List<Integer> alive) {
        int pick = picks.get(k);
        return pick < 0 ? alive.get(alive.size() - 1) : alive.get(pick % alive.size());
    }
}
