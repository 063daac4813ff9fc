package org.zengzhi.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 item 7: the sweep's page (参数扫描, R-9.2) in Chinese, the default, and in English with {@code --lang en},
 * for the appreciation pool's sweep and the four-party rebate × commission sweep: headings and table headers in the
 * page's language, the same figures cell for cell, the same CSV; another language is refused naming the option.
 */
class SweepLanguageTest {
    private static final Pattern HEADING = Pattern.compile("<(h[1-3]|th|title|p)>(.*?)</\\1>", Pattern.DOTALL);
    private static final List<String> AXES = List.of("k", "recruitment");
    private static final Pattern CELL = Pattern.compile("<td[^>]*>([^<]*)</td>");

    @TempDir
    Path temp;

    @Test
    void thePoolSweepIsInChineseAndInEnglish() throws IOException {
        String[] args = { "sweep", SimulateTest.RESOURCES.resolve("growth-stop.yaml").toString(), "--paths", "2",
            "--k", "2,3", "--recruitment", "0%,50%" };
        assertBothLanguages(args, "growth-stop-test", "参数扫描", "Parameter sweep");
        assertThat(Files.readString(temp.resolve("zh/sweep.html"))).contains("formatter:'拒绝'").contains("拒绝理由");
        assertThat(Files.readString(temp.resolve("en/sweep.html"))).contains("formatter:'refused'")
                .contains("refused because");
    }

    @Test
    void theFourPartySweepIsInChineseAndInEnglish() throws IOException {
        String[] args = { "sweep", "../scenarios/single-city.yaml", "--rebate", "8%", "--commission", "12%,40%" };
        assertBothLanguages(args, "single-city", "返利 × 佣金 扫描", "rebate × commission sweep");
        assertThat(Files.readString(temp.resolve("zh/sweep.html"))).contains("拒绝：").doesNotContain("refused");
        assertThat(Files.readString(temp.resolve("en/sweep.html"))).contains("refused: ");
    }

    @Test
    void anotherLanguageIsRefusedNamingTheOption() {
        SimulateTest.Run run = SimulateTest.cli("sweep", "../scenarios/single-city.yaml", "--out",
                temp.resolve("fr").toString(), "--rebate", "8%", "--lang", "fr");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--lang: must be zh or en, not fr");
        assertThat(temp.resolve("fr")).doesNotExist();
    }

    private void assertBothLanguages(String[] args, String name, String chineseTitle, String englishTitle) throws IOException {
        Path zh = temp.resolve("zh");
        Path en = temp.resolve("en");
        SimulateTest.Run chinese = SimulateTest.cli(with(args, "--out", zh.toString()));
        assertThat(chinese.exitCode()).as(chinese.stderr()).isZero();
        SimulateTest.Run english = SimulateTest.cli(with(args, "--out", en.toString(), "--lang", "en"));
        assertThat(english.exitCode()).as(english.stderr()).isZero();
        String zhPage = Files.readString(zh.resolve("sweep.html"));
        String enPage = Files.readString(en.resolve("sweep.html"));
        assertThat(zhPage).contains("<html lang=\"zh-CN\">").contains(chineseTitle);
        assertThat(enPage).contains("<html lang=\"en\">").contains(englishTitle);
        assertThat(texts(zhPage, name)).hasSameSizeAs(texts(enPage, name)).hasSizeGreaterThan(3);
        for (String text : texts(zhPage, name)) {
            assertThat(text).as("a Chinese heading or line").containsPattern("\\p{IsHan}");
        }
        for (String text : texts(enPage, name)) {
            // A Chinese term may follow its English one in brackets (the glossary style of docs/).
            assertThat(text.replaceAll("\\([^)]*\\)", "")).as("an English heading or line")
                    .doesNotContainPattern("\\p{IsHan}");
        }
        assertThat(cells(enPage)).as("the same figures in both").isEqualTo(cells(zhPage)).isNotEmpty();
        assertThat(Files.readString(en.resolve("sweep.csv"))).isEqualTo(Files.readString(zh.resolve("sweep.csv")));
    }

    private static String[] with(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /**
     * The text of headings, table headers and paragraphs, less the scenario's name and the swept parameters' names
     * (identifiers, as in the CSV); those left with no word (a swept value such as 8%) are left out.
     */
    private static List<String> texts(String html, String name) {
        List<String> found = new ArrayList<>();
        Matcher matcher = HEADING.matcher(html);
        while (matcher.find()) {
            String text = matcher.group(2).replaceAll("<[^>]+>", "").replace(name, "").trim();
            if (AXES.contains(text) || text.replaceAll("[0-9\\-–./%=:,()（）\\s]", "").isEmpty()) {
                continue;
            }
            found.add(text);
        }
        return found;
    }

    /** Every table cell that is a figure, in order (a refused cell's reason is the plan's own text). */
    private static List<String> cells(String html) {
        List<String> found = new ArrayList<>();
        Matcher cell = CELL.matcher(html);
        while (cell.find()) {
            if (cell.group(1).trim().matches("-?[0-9][0-9,]*(\\.[0-9]+)?%?")) {
                found.add(cell.group(1).trim());
            }
        }
        return found;
    }
}
