package org.zengzhi.simulator;

import java.util.Comparator;
import java.util.List;

/** Every path's result, in path order, with the figures the report aggregates over paths. */
public record SimulationResult(Scenario scenario, List<PathResult> paths) {
    public SimulationResult {
        paths = List.copyOf(paths);
    }

    public int months() {
        return scenario.horizonMonths();
    }

    /** The values of one series in one month, one per path. */
    public long[] acrossPaths(Series series, int month) {
        long[] values = new long[paths.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = paths.get(i).series(series)[month];
        }
        return values;
    }

    public long percentile(Series series, int month, int q) {
        return Simulation.percentile(acrossPaths(series, month), q);
    }

    /** A cohort figure summed over paths. */
    public long cohortTotal(int month, int field) {
        long total = 0;
        for (PathResult path : paths) {
            total += path.cohorts()[month][field];
        }
        return total;
    }

    /**
     * Median months from joining to the first exit among the cohort's consumers who exited, pooled over
     * paths; −1 when nobody in the cohort exited.
     */
    public int medianMonthsToExit(int month) {
        long[] histogram = new long[months() + 1];
        long exited = 0;
        for (PathResult path : paths) {
            for (int m = 0; m < histogram.length; m++) {
                histogram[m] += path.monthsToExit()[month][m];
                exited += path.monthsToExit()[month][m];
            }
        }
        if (exited == 0) {
            return -1;
        }
        long middle = (exited + 1) / 2;
        for (int m = 0; m < histogram.length; m++) {
            middle -= histogram[m];
            if (middle <= 0) {
                return m;
            }
        }
        return months();
    }

    /**
     * The median path: the one at the nearest-rank median of the final month's price, ties in path order. The
     * class table and the summary's who-pays-whom figures are this one path's, so they add up exactly.
     */
    public PathResult medianPath() {
        int last = months() - 1;
        List<PathResult> sorted = paths.stream()
                .sorted(Comparator.comparingLong((PathResult path) -> path.series(Series.PRICE)[last])
                        .thenComparingInt(PathResult::path))
                .toList();
        int rank = (50 * sorted.size() + 99) / 100;
        return sorted.get(Math.max(0, rank - 1));
    }

    /** A class's money in or out, the median over paths (each class on its own, so they need not balance). */
    public long medianClass(ParticipantClass which, boolean in) {
        long[] values = new long[paths.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in ? paths.get(i).putIn()[which.ordinal()] : paths.get(i).tookOut()[which.ordinal()];
        }
        return Simulation.percentile(values, 50);
    }

    public long totalOrders() {
        return paths.stream().mapToLong(PathResult::orders).sum();
    }
}
