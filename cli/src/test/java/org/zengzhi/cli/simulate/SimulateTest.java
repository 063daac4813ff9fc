package org.zengzhi.cli.simulate;

import org.zengzhi.simulator.*;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zengzhi.cli.Main;
import org.zengzhi.engine.Units;

/** {@code zengzhi simulate} and {@code sweep} end to end, on small scenarios. */
class SimulateTest {
    static final Path RESOURCES = Path.of("src/test/resources/simulate");

    @TempDir
    Path temp;

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, InputStream.nullInputStream(), out, err);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Run(int exitCode, String stdout, String stderr) {
    }

    /** One column of a series CSV ("p50" or "path0"), as the decimal text written. */
    static List<String> column(Path folder, String series, String column) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve("series").resolve(series + ".csv"));
        int index = Arrays.asList(lines.get(0).split(",")).indexOf(column);
        return lines.stream().skip(1).map(line -> line.split(",")[index]).toList();
    }

    @Test
    void seed002TableR33ThroughSimulate() throws IOException {
        Run run = cli("simulate", RESOURCES.resolve("seed-002-table.yaml").toString(), "--out", temp.toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(column(temp, "minted", "path0")).containsExactly("210.000000", "147.000000", "124.950000");
        assertThat(column(temp, "price", "p50")).containsExactly("1.4286", "1.6807", "1.8674");
        assertThat(column(temp, "pool_cash", "p50")).containsExactly("300.00", "600.00", "900.00");
        assertThat(column(temp, "circulating_points", "p50")).containsExactly("210.000000", "357.000000", "481.950000");
        assertThat(temp.resolve("report.html")).content().contains("echarts").contains("RETURN_ABOVE_PRINCIPAL");
    }

    /** Issue 20 item 6: the report is in Chinese unless {@code --lang en} asks for English; another language is refused. */
    @Test
    void theReportIsInChineseByDefaultAndInEnglishOnRequest() throws IOException {
        Path scenario = RESOURCES.resolve("seed-002-table.yaml");
        assertThat(cli("simulate", scenario.toString(), "--out", temp.resolve("zh").toString()).exitCode()).isZero();
        assertThat(temp.resolve("zh/report.html")).content().contains("<html lang=\"zh-CN\">").contains("<h2>摘要</h2>")
                .contains("可持续性报告");
        assertThat(temp.resolve("zh/summary.txt")).content().contains("谁的钱付给谁").doesNotContain("Who is paid");
        assertThat(cli("simulate", scenario.toString(), "--out", temp.resolve("en").toString(), "--lang", "en")
                .exitCode()).isZero();
        assertThat(temp.resolve("en/report.html")).content().contains("<html lang=\"en\">").contains("<h2>Summary</h2>");
        assertThat(temp.resolve("en/summary.txt")).content().contains("Who is paid from whose money");
        assertThat(temp.resolve("en/series/price.csv")).hasSameTextualContentAs(temp.resolve("zh/series/price.csv"));
        Run french = cli("simulate", scenario.toString(), "--out", temp.resolve("fr").toString(), "--lang", "fr");
        assertThat(french.exitCode()).isEqualTo(2);
        assertThat(french.stderr()).contains("--lang: must be zh or en, not fr");
        assertThat(temp.resolve("fr")).doesNotExist();
    }

    @Test
    void seed001LocalLifeTableR33ThroughSimulateWithStoresAndAgents() throws IOException {
        Run run = cli("simulate", RESOURCES.resolve("seed-001-table.yaml").toString(), "--out", temp.toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(column(temp, "minted", "path0")).containsExactly("112.000000", "78.400000", "66.640000");
        assertThat(column(temp, "price", "p50")).containsExactly("1.4286", "1.6807", "1.8674");
        assertThat(column(temp, "agent_district", "path0")).as("0.1% of 1000.00").containsOnly("1.00");
        assertThat(column(temp, "agent_city", "path0")).as("0.2% − 0.1%").containsOnly("1.00");
        assertThat(column(temp, "reward_recruitment", "path0")).as("0.5%").containsOnly("5.00");
    }

    @Test
    void bandChartsNameP90InTheTooltipAndDrawTheLegendInTheSeriesColours() throws IOException {
        Run run = cli("simulate", RESOURCES.resolve("busy.yaml").toString(), "--out", temp.toString(), "--lang", "en");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        String html = Files.readString(temp.resolve("report.html"));
        List<String> lines = Files.readAllLines(temp.resolve("series/price.csv"));
        String[] month5 = lines.get(6).split(",");
        // The stacked band's own value is p90 − p10; the tooltip shows the three percentiles as in the CSV ("<" is
        // written \x3c inside the script).
        String tooltip = "'month 5\\x3cbr>p90: " + month5[3] + "\\x3cbr>median (p50): " + month5[2] + "\\x3cbr>p10: "
                + month5[1] + "'";
        assertThat(html.contains(tooltip)).as(tooltip).isTrue();
        assertThat(List.of("{name:'median (p50)',type:'line'", "itemStyle:{color:'#c23531'}",
                "itemStyle:{color:'rgba(194,53,49,0.3)'}", "name:'month',nameLocation:'middle'")).allMatch(html::contains);
    }

    @Test
    void sameSeedGivesTheSameReportWhateverTheThreads() throws IOException {
        Path one = temp.resolve("one");
        Path two = temp.resolve("two");
        assertThat(cli("simulate", RESOURCES.resolve("busy.yaml").toString(), "--out", one.toString(), "--threads", "1")
                .exitCode()).isZero();
        assertThat(cli("simulate", RESOURCES.resolve("busy.yaml").toString(), "--out", two.toString(), "--threads", "2")
                .exitCode()).isZero();
        List<Path> files = files(one);
        assertThat(files).hasSizeGreaterThan(Series.values().length);
        for (Path file : files) {
            assertThat(two.resolve(one.relativize(file))).as(file.toString()).hasSameBinaryContentAs(file);
        }
        Path other = temp.resolve("other");
        cli("simulate", RESOURCES.resolve("busy.yaml").toString(), "--out", other.toString(), "--seed", "6");
        assertThat(other.resolve("series/gmv.csv")).content().isNotEqualTo(content(one.resolve("series/gmv.csv")));
    }

    @Test
    void conservationHoldsAtTheEndOfEveryPath() throws Exception {
        Scenario scenario = ScenarioReader.read(RESOURCES.resolve("busy.yaml"));
        SimulationResult result = Simulation.run(scenario, 2);
        assertThat(result.paths()).hasSize(3);
        for (PathResult path : result.paths()) {
            // The path itself fails on any broken invariant or asset total; here the class table must balance.
            assertThat(Arrays.stream(path.putIn()).sum()).isEqualTo(Arrays.stream(path.tookOut()).sum());
            assertThat(path.series(Series.SUBSIDY)[3]).isEqualTo(500_000);
            assertThat(Arrays.stream(path.series(Series.REWARD_AGENT)).sum()).isPositive();
            assertThat(Arrays.stream(path.series(Series.SALE_PAYOUT)).sum()).isPositive();
        }
    }

    @Test
    void growthStopShowsExitsFallingToZeroWhileThePriceFlattens() throws Exception {
        SimulationResult result = Simulation.run(ScenarioReader.read(RESOURCES.resolve("growth-stop.yaml")), 2);
        int months = result.months();
        long earlyExits = 0;
        for (int month = 0; month < 14; month++) {
            earlyExits += result.percentile(Series.EXITS, month, 50);
        }
        assertThat(earlyExits).as("exits while the economy grows").isPositive();
        for (PathResult path : result.paths()) {
            long[] exits = path.series(Series.EXITS);
            long[] price = path.series(Series.PRICE);
            long[] orders = path.series(Series.ORDERS);
            for (int month = months - 6; month < months; month++) {
                assertThat(exits[month]).as("exits in month %d of path %d", month, path.path()).isZero();
                assertThat(orders[month]).as("orders in month %d", month).isZero();
                assertThat(price[month]).as("price flat in month %d", month).isEqualTo(price[months - 6]);
            }
        }
    }

    @Test
    void aBadFieldIsNamedWithExitCode2() throws IOException {
        Path scenario = temp.resolve("bad.yaml");
        Files.writeString(scenario, "plan: " + RESOURCES.toAbsolutePath().resolve("mall-at-once.yaml")
                + "\norders: {amount: {distribution: uniform, min: 10.00, max: 5.005}}\n");
        Run run = cli("simulate", scenario.toString(), "--out", temp.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("orders.amount.max").contains("2 decimals");
        Files.writeString(scenario, "plan: " + RESOURCES.toAbsolutePath().resolve("mall-at-once.yaml")
                + "\npopulation: {churm: 5%}\n");
        assertThat(cli("simulate", scenario.toString(), "--out", temp.toString()).stderr())
                .contains("population.churm: unknown key");
        assertThat(cli("simulate", RESOURCES.resolve("busy.yaml").toString(), "--out", temp.toString(), "--paths", "0")
                .stderr()).contains("--paths");
    }

    @Test
    void sweepWritesATableAndAHeatMap() throws IOException {
        Run run = cli("sweep", RESOURCES.resolve("seed-002-table.yaml").toString(), "--out", temp.toString(),
                "--alpha", "60%,70%", "--k", "2,3", "--direct", "0.3%");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<String> lines = Files.readAllLines(temp.resolve("sweep.csv"));
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("alpha,k,direct,final_price_p50");
        assertThat(lines.get(3)).startsWith("70%,2,0.3%,1.8674");
        assertThat(temp.resolve("sweep.html")).content().contains("heatmap");
    }

    @Test
    void aSweepShowsExitSharesAsSimulateCountsThemAndMarksRefusedCombinations() throws IOException {
        // the growth-stop scenario's plan (fast exits) at k = 2 and 3; a recruitment reward of 50% cannot
        // fit the distribution budget, so those combinations are refused with the reason.
        Path out = temp.resolve("sweep");
        Run run = cli("sweep", RESOURCES.resolve("growth-stop.yaml").toString(), "--out", out.toString(), "--paths", "2",
                "--k", "2,3", "--recruitment", "0%,50%");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<String[]> rows = Files.readAllLines(out.resolve("sweep.csv")).stream().skip(1).map(l -> l.split(",", -1)).toList();
        assertThat(rows).hasSize(4);
        assertThat(rows.stream().filter(row -> row[1].equals("50%"))).hasSize(2)
                .allSatisfy(row -> assertThat(row[row.length - 1]).contains("exceed"));
        String[] k2 = rows.stream().filter(row -> row[0].equals("2") && row[1].equals("0%")).findFirst().orElseThrow();
        assertThat(k2[3]).as("share ever exited, percent").matches("\\d+\\.\\d{3}");
        // The same combination through simulate: ever exited over consumers, all paths together.
        Path plan = temp.resolve("fast-exit.yaml");
        Files.writeString(plan, Files.readString(RESOURCES.resolve("fast-exit.yaml"))
                .replaceAll("exitMultiple: *[0-9.]+", "exitMultiple: 2"));
        Path scenario = temp.resolve("growth-stop.yaml");
        Files.writeString(scenario, Files.readString(RESOURCES.resolve("growth-stop.yaml")));
        Path simulated = temp.resolve("simulated");
        assertThat(cli("simulate", scenario.toString(), "--out", simulated.toString(), "--paths", "2").exitCode()).isZero();
        long consumers = 0;
        long exited = 0;
        for (String line : Files.readAllLines(simulated.resolve("cohorts.csv")).subList(1, 31)) {
            consumers += Long.parseLong(line.split(",")[1]);
            exited += Long.parseLong(line.split(",")[2]);
        }
        assertThat(exited).as("some exit at k = 2").isPositive();
        assertThat(Units.parseFixed(k2[3], 3)).isEqualTo((exited * 100_000 + consumers / 2) / consumers);
        assertThat(out.resolve("sweep.html")).content().contains("formatter:'拒绝'").contains("heatmap");
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String content(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
