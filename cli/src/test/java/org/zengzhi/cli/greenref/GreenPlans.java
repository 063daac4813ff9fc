package org.zengzhi.cli.greenref;

import java.nio.file.Path;
import java.util.List;

/** The plans the comparison runs: the shipped preset and test plans that exercise each rule often. */
final class GreenPlans {
    private GreenPlans() {
    }

    static List<RefTerms> all() {
        RefTerms scaled = RefTerms.scaled();
        RefTerms.Pool c = scaled.consumer();
        RefTerms.Pool m = scaled.merchant();
        long[] escalating = RefTerms.presetEscalatingRates();
        return List.of(
                RefTerms.seed().named("preset"),
                scaled,
                // short lots: 3 periods at 40% with the cap at 1×, so the cap binds in the third period
                scaled.named("short-lots").withPools(c.withRates(RefTerms.constant(400_000), 3).withCap(1_000_000),
                        m.withRates(RefTerms.constant(250_000), 4).withCap(1_000_000)),
                scaled.named("escalating").withPools(c.withRates(escalating, 40), m.withRates(escalating, 40)),
                scaled.named("dividend-cap").withDividendCap(20_000)
                        .withPools(c.withRates(RefTerms.constant(50_000), 40), m),
                scaled.named("new-york").withZone("America/New_York"));
    }

    /** The preset's own file for the preset; a written test plan for the others. */
    static Path planFile(RefTerms terms, Path dir) {
        return terms.name().equals("preset") ? Path.of("../plans/green-points.yaml") : terms.writePlan(dir);
    }
}
