package org.zengzhi.cli.greenref;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak of issue 17's check: {@code -Dgreenref.soak=400} replays 400 random logs, rotating through the
 * plans of {@link GreenPlans}, and compares each with the reference; it prints what they covered. Off in the
 * default run, which {@link GreenReplayComparisonTest} keeps short.
 */
@EnabledIfSystemProperty(named = "greenref.soak", matches = "\\d+")
class GreenSoakTest {
    @TempDir
    Path plans;

    @Test
    void manyRandomLogsAgreeWithTheIndependentReading() {
        int logs = Integer.getInteger("greenref.soak");
        List<RefTerms> all = GreenPlans.all();
        long events = 0;
        long dividends = 0;
        long scaled = 0;
        long retired = 0;
        long rejections = 0;
        long months = 0;
        long commands = 0;
        java.util.Map<String, Integer> codes = new java.util.TreeMap<>();
        for (int i = 0; i < logs; i++) {
            RefTerms terms = all.get(i % all.size());
            long seed = 1_000_003L * i + 17;
            List<String> log = LogGenerator.generate(seed, terms, 300 + i % 400, 3 + i % 4);
            String difference = GreenComparison.firstDifference(log, terms, GreenPlans.planFile(terms, plans));
            assertThat(difference).as(terms.name() + " seed " + seed).isNull();
            GreenComparison.Figures f = GreenComparison.figures(log, terms);
            commands += log.size();
            events += f.events();
            dividends += f.dividends();
            scaled += f.scaledDown();
            retired += f.retired();
            rejections += f.rejections();
            months += f.promoterMonths();
            f.rejectionCodes().forEach((code, n) -> codes.merge(code, n, Integer::sum));
        }
        System.out.printf("greenref soak: %d logs, %d commands, %d compared events, %d dividends (%d at a scale"
                + " below 1), %d lots retired, %d rejections %s, %d promoter months: all agree%n", logs, commands,
                events, dividends, scaled, retired, rejections, codes, months);
    }
}
