package org.zengzhi.server.prices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Issue 20 item 7: the chart's series keeps every rise of the whole history, however long. */
class DownsampleTest {
    private static PricePoint at(long seq, long cashFen) {
        return new PricePoint(seq, 0, null, cashFen, 1_000_000);
    }

    @Test
    void issue20Item7AShortSeriesIsKeptWhole() {
        Downsample downsample = new Downsample(3, 10);
        List<PricePoint> all = List.of(at(1, 100), at(2, 150), at(3, 2119));
        all.forEach(downsample::add);
        assertThat(downsample.points()).isEqualTo(all);
    }

    @Test
    void issue20Item7ALongSeriesKeepsTheFirstLowestHighestAndLastOfEachRunInOrder() {
        List<PricePoint> all = new ArrayList<>();
        for (long seq = 1; seq <= 10_000; seq++) {
            all.add(at(seq, 100 + seq));
        }
        all.set(4_321, at(4_322, 50_000)); // one spike inside a run
        all.set(7_777, at(7_778, 1)); // one dip inside a run
        Downsample downsample = new Downsample(all.size(), 100);
        all.forEach(downsample::add);
        List<PricePoint> kept = downsample.points();
        assertThat(kept.size()).isLessThanOrEqualTo(400).isGreaterThanOrEqualTo(100);
        assertThat(kept.get(0)).isEqualTo(all.get(0));
        assertThat(kept.get(kept.size() - 1)).as("the newest price").isEqualTo(all.get(all.size() - 1));
        assertThat(kept).contains(all.get(4_321), all.get(7_777));
        assertThat(kept).extracting(PricePoint::seq).isSorted().doesNotHaveDuplicates();
        // The chart climbs from the first price to the last one in 100 steps, not one flat segment.
        assertThat(kept.stream().map(PricePoint::poolCashFen).distinct().count()).isGreaterThanOrEqualTo(100);
    }
}
