package org.zengzhi.simulator.party;

import org.zengzhi.simulator.fields.ScenarioException;
import static org.zengzhi.simulator.party.PartyFigures.money;
import static org.zengzhi.simulator.party.PartyFigures.percent;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zengzhi.engine.plan.PlanCheck;
import org.zengzhi.engine.plan.PlanReader;
import org.zengzhi.log.PlanFiles;
import org.zengzhi.simulator.ReportLanguage;

/**
 * {@code zengzhi sweep FOUR-PARTY-SCENARIO --rebate 5%,8% --commission 10%,12%,15%}: runs the scenario once per
 * cell of rebate × commission, each value written into the plan's {@code fourParty} section (the rebate is the
 * first tier's, {@code member}) and the plan validated like a file, so a cell whose parts exceed the price is
 * refused with the plan's reason. Per cell: platform net (the seed's line, summed over the months), what the seed
 * leaves unallocated (margin + rounding) and CONTRIB coverage (the lowest reserve ÷ outstanding after a close).
 * The seed's net does not move with either rate (both are parts of the price, not of the fee): the unallocated
 * margin and the platform's whole result do, which is why the sweep shows them beside it. The page is in Chinese (the
 * default) or English ({@link ReportLanguage}, issue 20 item 7).
 */
public final class PartySweep {
    private PartySweep() {
    }

    /** One cell: its values, and either the run's figures or the plan's reason for refusing it. */
    record Cell(String rebate, String commission, PartyResult result, String refused) {
        long netFen() {
            return result.totalFen("net");
        }

        long unallocatedFen() {
            return result.totalFen("margin") + result.totalFen("rounding");
        }

        long coveragePpm() {
            return result.months().stream().mapToLong(PartyMonth::coveragePpm).min().orElse(1_000_000);
        }
    }

    public static int run(Path scenarioFile, Path out, List<String> rebates, List<String> commissions,
            ReportLanguage lang, PrintWriter stdout, PrintWriter err) throws IOException {
        PartyScenario scenario;
        try {
            scenario = PartyScenarioReader.read(scenarioFile);
            if (rebates.isEmpty() && commissions.isEmpty()) {
                throw new ScenarioException("--rebate", "give --rebate, --commission or both to sweep a four-party scenario");
            }
            PartySimulate.checkOut(out);
        } catch (ScenarioException e) {
            err.println(scenarioFile + ": " + e.getMessage());
            return 2;
        }
        List<Cell> cells = new ArrayList<>();
        try {
            for (String rebate : rebates.isEmpty() ? List.of("") : rebates) {
                for (String commission : commissions.isEmpty() ? List.of("") : commissions) {
                    cells.add(cell(scenario, rebate.trim(), commission.trim()));
                }
            }
        } catch (IllegalStateException | ArithmeticException e) {
            err.println("simulation failed: " + e.getMessage() + "; nothing was written");
            return 1;
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("sweep.csv"), csv(cells), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("sweep.html"), html(scenario, cells, lang), StandardCharsets.UTF_8);
        stdout.println("wrote " + out.resolve("sweep.html") + " and sweep.csv: " + cells.size()
                + (cells.size() == 1 ? " combination" : " combinations"));
        return 0;
    }

    static Cell cell(PartyScenario scenario, String rebate, String commission) throws IOException {
        PlanCheck check = changedPlan(scenario.planFile(), rebate, commission);
        if (!check.valid()) {
            return new Cell(rebate, commission, null, check.errors().toString());
        }
        return new Cell(rebate, commission, PartySimulation.run(scenario.withPlan(check.plan()), false), null);
    }

    @SuppressWarnings("unchecked")
    static PlanCheck changedPlan(Path planFile, String rebate, String commission) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>((Map<String, Object>) PlanFiles.loadTree(
                Files.readString(planFile, StandardCharsets.UTF_8)));
        Map<String, Object> party = new LinkedHashMap<>((Map<String, Object>) root.get("fourParty"));
        root.put("fourParty", party);
        if (!commission.isEmpty()) {
            party.put("commission", commission);
        }
        if (!rebate.isEmpty()) {
            List<Object> tiers = new ArrayList<>((List<Object>) party.get("rebates"));
            Map<String, Object> first = new LinkedHashMap<>((Map<String, Object>) tiers.get(0));
            first.put("rate", rebate);
            tiers.set(0, first);
            party.put("rebates", tiers);
        }
        return PlanReader.read(root);
    }

    static String csv(List<Cell> cells) {
        StringBuilder csv = new StringBuilder("rebate,commission,platformNet,unallocated,contribCoveragePpm,platformResult,refused\n");
        for (Cell cell : cells) {
            csv.append(cell.rebate()).append(',').append(cell.commission()).append(',');
            if (cell.result() == null) {
                csv.append(",,,,\"").append(cell.refused().replace("\"", "'")).append("\"\n");
            } else {
                csv.append(org.zengzhi.engine.Units.formatFen(cell.netFen())).append(',')
                        .append(org.zengzhi.engine.Units.formatFen(cell.unallocatedFen())).append(',')
                        .append(cell.coveragePpm()).append(',')
                        .append(org.zengzhi.engine.Units.formatFen(cell.result().totalFen("platformResult"))).append(",\n");
            }
        }
        return csv.toString();
    }

    static String html(PartyScenario scenario, List<Cell> cells, ReportLanguage lang) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(lang.tag())
                .append("\"><head><meta charset=\"utf-8\"><title>").append(PartyHtml.escape(scenario.name()))
                .append(lang.pick(" — 参数扫描", " — sweep")).append("</title><style>body{font-family:sans-serif;"
                        + "margin:2em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em}"
                        + "td{text-align:right}th{background:#f4f4f4}small{color:#666}</style></head><body><h1>")
                .append(PartyHtml.escape(scenario.name())).append(" <small>")
                .append(lang.pick("返利 × 佣金 扫描", "rebate × commission sweep (返利 × 佣金)")).append("</small></h1>\n<p>")
                .append(lang.pick("行：返利（会员档）；列：佣金。金额为全部月份合计。拒绝的组合显示方案的理由。",
                        "Rows: rebate (member tier); columns: commission. Amounts are sums over the months."
                        + " A refused cell shows the plan's reason.")).append("</p>\n");
        List<String> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (Cell cell : cells) {
            if (!rows.contains(cell.rebate())) {
                rows.add(cell.rebate());
            }
            if (!columns.contains(cell.commission())) {
                columns.add(cell.commission());
            }
        }
        String[][] tables = { { "平台净利润", "platform net" }, { "未分配（毛利 + 舍入）", "unallocated (margin + rounding)" },
            { "贡献值覆盖率（最低准备金 ÷ 未兑付）", "CONTRIB coverage (lowest reserve ÷ outstanding)" },
            { "平台全部所得（净利润 + 毛利 + 扣留、取消、折价 …）",
                "everything the platform account gained (net + margin + withheld, cancelled, haircut …)" } };
        String plan = lang.pick("（方案）", "(plan)");
        for (int t = 0; t < tables.length; t++) {
            html.append("<h2>").append(lang.pick(tables[t][0], tables[t][1])).append("</h2>\n<table><tr><th>")
                    .append(lang.pick("返利 \\ 佣金", "rebate \\ commission")).append("</th>");
            columns.forEach(c -> html.append("<th>").append(PartyHtml.escape(c.isEmpty() ? plan : c)).append("</th>"));
            html.append("</tr>\n");
            for (String row : rows) {
                html.append("<tr><th>").append(PartyHtml.escape(row.isEmpty() ? plan : row)).append("</th>");
                for (String column : columns) {
                    Cell cell = cells.stream().filter(c -> c.rebate().equals(row) && c.commission().equals(column))
                            .findFirst().orElseThrow();
                    html.append("<td>");
                    if (cell.result() == null) {
                        html.append("<small>").append(lang.pick("拒绝：", "refused: ")).append(PartyHtml.escape(cell.refused())).append("</small>");
                    } else {
                        html.append(t == 0 ? money(cell.netFen()) : t == 1 ? money(cell.unallocatedFen())
                                : t == 2 ? percent(cell.coveragePpm()) : money(cell.result().totalFen("platformResult")));
                    }
                    html.append("</td>");
                }
                html.append("</tr>\n");
            }
            html.append("</table>\n");
        }
        return html.append("</body></html>\n").toString();
    }
}
