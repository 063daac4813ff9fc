package org.zengzhi.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zengzhi.simulator.ReportLanguage;

/**
 * Issue 20 items 6–7: the simulator's report of every model (appreciation pool, green points, four-party) in Chinese,
 * the default, and in English. Headings and table headers are all in the page's language, and the two pages show the
 * same figures in their tables, cell for cell: one report, two texts.
 */
class ReportLanguageTest {
    private static final Simulator.Overrides SMALL = new Simulator.Overrides(7L, 3, 60, 2);
    private static final Pattern HEADING = Pattern.compile("<(h[1-3]|th)>(.*?)</\\1>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td[^>]*>([^<]*)</td>");
    private static final Pattern FIGURE = Pattern.compile("-?[0-9][0-9,]*(\\.[0-9]+)?%?");

    @TempDir
    Path dir;

    @Test
    void issue20Item6EveryModelsReportIsInChineseAndInEnglishWithTheSameFigures() throws Exception {
        for (String plan : List.of("local-life.yaml", "green-points.yaml", "four-party.yaml")) {
            Path file = dir.resolve(plan);
            Files.copy(Path.of("../plans").resolve(plan), file);
            Simulator.Report report = Simulator.prepare(Simulator.defaults(file), dir, SMALL).run();
            String zh = report.html(ReportLanguage.ZH);
            String en = report.html(ReportLanguage.EN);
            assertThat(zh).as(plan).contains("<html lang=\"zh-CN\">");
            assertThat(en).as(plan).contains("<html lang=\"en\">");
            for (String heading : headings(zh)) {
                assertThat(heading).as(plan + ": a Chinese heading").containsPattern("\\p{IsHan}");
            }
            for (String heading : headings(en)) {
                // A Chinese term may follow its English one in brackets (the glossary style of docs/).
                assertThat(heading.replaceAll("\\([^)]*\\)", "")).as(plan + ": an English heading")
                        .doesNotContainPattern("\\p{IsHan}");
            }
            assertThat(figures(en)).as(plan + ": the same figures in both").isEqualTo(figures(zh)).isNotEmpty();
        }
    }

    @Test
    void aLanguageIsZhOrEn() {
        assertThat(ReportLanguage.parse("EN")).isEqualTo(ReportLanguage.EN);
        assertThat(ReportLanguage.parse("zh")).isEqualTo(ReportLanguage.ZH);
        assertThat(ReportLanguage.of(java.util.Locale.US)).isEqualTo(ReportLanguage.EN);
        assertThat(ReportLanguage.of(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo(ReportLanguage.ZH);
        assertThatThrownBy(() -> ReportLanguage.parse("fr")).hasMessage("must be zh or en, not fr");
    }

    private static List<String> headings(String html) {
        List<String> found = new ArrayList<>();
        Matcher matcher = HEADING.matcher(html.replaceAll("<code>[^<]*</code>", ""));
        while (matcher.find()) {
            String text = matcher.group(2).replaceAll("<[^>]+>", "").replaceAll("[0-9\\-–./%]", "").trim();
            if (!text.isEmpty() && !text.equals("p") && !text.startsWith("STOKEN")) {
                found.add(text);
            }
        }
        return found;
    }

    /** The figures of every table cell, in order (words, such as a pool's name, left out). */
    private static List<String> figures(String html) {
        List<String> found = new ArrayList<>();
        Matcher cell = CELL.matcher(html);
        while (cell.find()) {
            if (FIGURE.matcher(cell.group(1).trim()).matches()) {
                found.add(cell.group(1).trim());
            }
        }
        return found;
    }
}
