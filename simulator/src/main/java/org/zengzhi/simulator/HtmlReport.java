package org.zengzhi.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.zengzhi.engine.plan.ComplianceReport;
import org.zengzhi.engine.plan.Finding;

/**
 * The report as one self-contained HTML file: the summary, charts drawn by ECharts (inlined from the WebJar
 * on the classpath, so the file opens offline) and the cohort and class tables. Charts get decimal text
 * already rounded by the exact formatters; the browser only draws it.
 */
public final class HtmlReport {
    static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.5.0/echarts.min.js";

    private HtmlReport() {
    }

    static String render(SimulationResult result, Summary summary, List<CohortRow> cohorts) {
        StringBuilder html = new StringBuilder(1 << 20);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(escape(result.scenario().name())).append(" — Zengzhi simulation</title>\n<style>")
                .append(STYLE).append("</style>\n<script>").append(echarts()).append("</script>\n</head><body>\n");
        html.append("<h1>").append(escape(result.scenario().name()))
                .append(" <small>sustainability report (可持续性报告)</small></h1>\n<section class=\"summary\"><h2>Summary</h2>\n");
        summary.paragraphs().forEach(p -> html.append("<p>").append(escape(p)).append("</p>\n"));
        html.append("<h3>Warnings of the plan and the scenario (预算与合规提示)</h3>\n<ul>");
        if (summary.findings().isEmpty()) {
            html.append("<li>None.</li>");
        }
        for (Finding finding : summary.findings()) {
            html.append("<li><b>").append(escape(finding.code())).append("</b> <code>").append(escape(finding.field()))
                    .append("</code>: ").append(escape(finding.message())).append("</li>");
        }
        html.append("</ul></section>\n<div class=\"charts\">\n");
        Charts charts = new Charts(result, html);
        charts.band("price", "Point price (积分价格), CNY — median and p10–p90 over paths", Series.PRICE);
        charts.band("pool", "Pool cash (盈利池), CNY", Series.POOL_CASH);
        charts.band("points", "Circulating points (流通积分)", Series.CIRCULATING_POINTS);
        charts.band("exits", "Forced exits per month (强制出局)", Series.EXITS);
        charts.band("consumers", "Active consumers", Series.ACTIVE_CONSUMERS);
        charts.band("revenue", "Platform revenue per month (平台收入, settled orders), CNY", Series.PLATFORM_REVENUE);
        charts.stacked("rewards", "Rewards by kind per month (settled orders), median over paths, CNY", Series.REWARD_DIRECT,
                Series.REWARD_INDIRECT, Series.REWARD_FIRST_ORDER, Series.REWARD_RECRUITMENT, Series.REWARD_AGENT,
                Series.REWARD_MALL_REBATE);
        charts.stacked("agents", "Agent income by level per month (区代/市代/省代), median over paths, CNY",
                Series.AGENT_DISTRICT, Series.AGENT_CITY, Series.AGENT_PROVINCE);
        charts.stacked("payouts", "Paid from the pool per month, median over paths, CNY", Series.SALE_PAYOUT,
                Series.EXIT_PAYOUT);
        html.append("</div>\n");
        cohortTable(html, cohorts);
        classTable(html, result);
        html.append("<h2>The plan's money flow and compliance report</h2>\n").append(commissionNote(result.scenario()))
                .append("<pre>")
                .append(escape(ComplianceReport.of(result.scenario().plan()).text())).append("</pre>\n");
        html.append("<p class=\"foot\">Every series is also in <code>series/*.csv</code> (p10, p50, p90 and each path);"
                + " cohorts in <code>cohorts.csv</code>, classes in <code>classes.csv</code>.</p>\n</body></html>\n");
        return html.toString();
    }

    private static void cohortTable(StringBuilder html, List<CohortRow> cohorts) {
        html.append("<h2>Cohorts by month of joining (all paths together)</h2>\n<p>Share who ever reached their exit,"
                + " median months from joining to the first exit, what they spent and what the pool paid them back;"
                + " the median price over paths when they joined, the price their exit needs, and the new consumption"
                + " needed after them to get there (orders alone, an estimate: \"never\" when new orders put nothing into"
                + " the pool, \"more than 10^16\" CNY when the estimate gives up). The exit price is the cohort's month-end"
                + " price times k/(s·α) (k the exit multiple, s the pool's share of an order, α the mint ratio), so members who joined early in the month may exit below it. A month nobody joined"
                + " has no exit figures.</p>\n<table><tr>");
        for (String column : new String[] { "cohort", "consumers", "ever exited", "share", "median months to exit",
            "spent", "paid back", "per 100 spent", "price at joining", "exit price", "new consumption needed" }) {
            html.append("<th>").append(column).append("</th>");
        }
        html.append("</tr>\n");
        for (CohortRow row : cohorts) {
            html.append("<tr>");
            for (String cell : row.csv()) {
                html.append("<td>").append(escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static void classTable(StringBuilder html, SimulationResult result) {
        PathResult path = result.medianPath();
        html.append("<h2>What each participant class put in and took out (CNY)</h2>\n<p>Path ").append(path.path())
                .append(", the median path by final price: its two columns balance to the fen, as they do in every path.</p>\n"
                + "<table><tr><th>class</th><th>put in</th><th>took out or holds</th><th>what it is</th></tr>\n");
        for (ParticipantClass which : ParticipantClass.values()) {
            html.append("<tr><td>").append(escape(which.label())).append("</td><td>")
                    .append(org.zengzhi.engine.Units.formatFen(path.putIn()[which.ordinal()])).append("</td><td>")
                    .append(org.zengzhi.engine.Units.formatFen(path.tookOut()[which.ordinal()])).append("</td><td>")
                    .append(escape(which.putInMeaning().isEmpty() ? which.tookOutMeaning()
                            : which.putInMeaning() + (which.tookOutMeaning().isEmpty() ? "" : "; " + which.tookOutMeaning())))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /**
     * The plan's text works a store order at the plan's default commission; a note lists the regions whose
     * stores the scenario runs at another, so the two are not read as contradicting each other. Empty if none.
     */
    private static String commissionNote(Scenario scenario) {
        long standard = scenario.plan().store().defaultCommissionPpm();
        StringBuilder other = new StringBuilder();
        for (Scenario.Region region : scenario.regions()) {
            if (region.merchants() > 0 && region.commissionPpm() >= 0 && region.commissionPpm() != standard) {
                other.append(other.length() == 0 ? "" : ", ").append(region.code()).append(" at ")
                        .append(Summary.percent(region.commissionPpm()));
            }
        }
        return other.length() == 0 ? "" : "<p>The plan's text works a store order at its default commission "
                + Summary.percent(standard) + "; this scenario's stores in " + escape(other.toString())
                + " run at their own commission, which the summary's figures use.</p>\n";
    }

    static String echarts() {
        try (InputStream in = HtmlReport.class.getResourceAsStream(ECHARTS)) {
            if (in == null) {
                throw new IllegalStateException("ECharts is missing from the classpath: " + ECHARTS);
            }
            // A closing script tag inside the library would end the inline script early.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String STYLE = "body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;"
            + "margin:24px;color:#222;max-width:1400px}h1 small{font-size:60%;color:#666}"
            + ".summary{background:#f6f8fa;border-left:4px solid #c23531;padding:8px 20px;line-height:1.5}"
            + ".charts{display:grid;grid-template-columns:1fr 1fr;gap:12px}.chart{height:300px;border:1px solid #ddd}"
            + "table{border-collapse:collapse;font-size:13px;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 6px;"
            + "text-align:right}th{background:#eee}td:first-child{text-align:left}pre{white-space:pre-wrap;"
            + "font-size:12px;background:#fafafa;padding:12px}.foot{color:#666}";
}
