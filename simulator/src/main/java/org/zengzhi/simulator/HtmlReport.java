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

    static String render(SimulationResult result, Summary summary, List<CohortRow> cohorts, ReportLanguage lang) {
        StringBuilder html = new StringBuilder(1 << 20);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(lang.tag()).append("\"><head><meta charset=\"utf-8\">\n<title>")
                .append(escape(result.scenario().name())).append(lang.pick(" — 增值模拟", " — Zengzhi simulation"))
                .append("</title>\n<style>").append(STYLE).append("</style>\n<script>").append(echarts())
                .append("</script>\n</head><body>\n");
        html.append("<h1>").append(escape(result.scenario().name())).append(" <small>")
                .append(lang.pick("可持续性报告", "sustainability report (可持续性报告)"))
                .append("</small></h1>\n<section class=\"summary\"><h2>").append(lang.pick("摘要", "Summary")).append("</h2>\n");
        summary.paragraphs().forEach(p -> html.append("<p>").append(escape(p)).append("</p>\n"));
        html.append("<h3>").append(lang.pick("方案与场景的提示（预算与合规提示）",
                "Warnings of the plan and the scenario (预算与合规提示)")).append("</h3>\n<ul>");
        if (summary.findings().isEmpty()) {
            html.append("<li>").append(lang.pick("无。", "None.")).append("</li>");
        }
        for (Finding finding : summary.findings()) {
            html.append("<li><b>").append(escape(finding.code())).append("</b> <code>").append(escape(finding.field()))
                    .append("</code>: ").append(escape(lang.finding(finding))).append("</li>");
        }
        html.append("</ul></section>\n<div class=\"charts\">\n");
        Charts charts = new Charts(result, html, lang);
        charts.band("price", lang.pick("积分价格（元），各路径中位数与 p10–p90",
                "Point price (积分价格), CNY — median and p10–p90 over paths"), Series.PRICE);
        charts.band("pool", lang.pick("盈利池现金（元）", "Pool cash (盈利池), CNY"), Series.POOL_CASH);
        charts.band("points", lang.pick("流通积分", "Circulating points (流通积分)"), Series.CIRCULATING_POINTS);
        charts.band("exits", lang.pick("每月强制出局人次", "Forced exits per month (强制出局)"), Series.EXITS);
        charts.band("consumers", lang.pick("活跃消费者", "Active consumers"), Series.ACTIVE_CONSUMERS);
        charts.band("revenue", lang.pick("每月平台收入（已结算订单，元）",
                "Platform revenue per month (平台收入, settled orders), CNY"), Series.PLATFORM_REVENUE);
        charts.stacked("rewards", lang.pick("每月各类奖励（已结算订单，各路径中位数，元）",
                "Rewards by kind per month (settled orders), median over paths, CNY"), Series.REWARD_DIRECT,
                Series.REWARD_INDIRECT, Series.REWARD_FIRST_ORDER, Series.REWARD_RECRUITMENT, Series.REWARD_AGENT,
                Series.REWARD_MALL_REBATE);
        charts.stacked("agents", lang.pick("每月各级代理收入（区代/市代/省代，各路径中位数，元）",
                "Agent income by level per month (区代/市代/省代), median over paths, CNY"),
                Series.AGENT_DISTRICT, Series.AGENT_CITY, Series.AGENT_PROVINCE);
        charts.stacked("payouts", lang.pick("每月盈利池支付（各路径中位数，元）",
                "Paid from the pool per month, median over paths, CNY"), Series.SALE_PAYOUT, Series.EXIT_PAYOUT);
        html.append("</div>\n");
        cohortTable(html, cohorts, lang);
        classTable(html, result, lang);
        html.append("<h2>").append(lang.pick("方案的资金流向与合规报告", "The plan's money flow and compliance report"))
                .append("</h2>\n").append(commissionNote(result.scenario(), lang)).append("<p>")
                .append(escape(lang.findingsText("details"))).append("</p>\n<pre>")
                .append(escape(ComplianceReport.of(result.scenario().plan()).text())).append("</pre>\n");
        html.append("<p class=\"foot\">").append(lang.pick("每个序列也在 <code>series/*.csv</code> 中（p10、p50、p90 与每条路径）；"
                + "同期群在 <code>cohorts.csv</code>，参与者类别在 <code>classes.csv</code>。",
                "Every series is also in <code>series/*.csv</code> (p10, p50, p90 and each path);"
                + " cohorts in <code>cohorts.csv</code>, classes in <code>classes.csv</code>.")).append("</p>\n</body></html>\n");
        return html.toString();
    }

    private static void cohortTable(StringBuilder html, List<CohortRow> cohorts, ReportLanguage lang) {
        html.append("<h2>").append(lang.pick("按加入月份的同期群（所有路径合计）", "Cohorts by month of joining (all paths together)"))
                .append("</h2>\n<p>").append(lang.pick("曾经出局的比例、从加入到首次出局的中位月数、他们的消费额与盈利池返还的金额；"
                + "加入时各路径的中位价格、出局所需的价格，以及此后为达到该价格所需的新增消费（仅计订单，为估算：新订单不向盈利池注资时为“永不”，"
                + "估算放弃时为“超过 10^16”元）。出局价格为该同期群月末价格乘以 k/(s·α)（k 为出局倍数，s 为订单进入盈利池的比例，α 为铸造比例），"
                + "因此月初加入的成员可能低于此价格出局。无人加入的月份没有出局数据。",
                "Share who ever reached their exit,"
                + " median months from joining to the first exit, what they spent and what the pool paid them back;"
                + " the median price over paths when they joined, the price their exit needs, and the new consumption"
                + " needed after them to get there (orders alone, an estimate: \"never\" when new orders put nothing into"
                + " the pool, \"more than 10^16\" CNY when the estimate gives up). The exit price is the cohort's month-end"
                + " price times k/(s·α) (k the exit multiple, s the pool's share of an order, α the mint ratio), so members who joined early in the month may exit below it. A month nobody joined"
                + " has no exit figures.")).append("</p>\n<table><tr>");
        String[] columns = lang == ReportLanguage.ZH
                ? new String[] { "同期群", "消费者", "曾出局", "比例", "出局中位月数", "消费额", "返还额", "每消费 100 返还",
                    "加入时价格", "出局价格", "所需新增消费" }
                : new String[] { "cohort", "consumers", "ever exited", "share", "median months to exit", "spent",
                    "paid back", "per 100 spent", "price at joining", "exit price", "new consumption needed" };
        for (String column : columns) {
            html.append("<th>").append(column).append("</th>");
        }
        html.append("</tr>\n");
        for (CohortRow row : cohorts) {
            html.append("<tr>");
            for (String cell : row.csv()) {
                html.append("<td>").append(escape(CohortRow.cell(cell, lang))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static void classTable(StringBuilder html, SimulationResult result, ReportLanguage lang) {
        PathResult path = result.medianPath();
        html.append("<h2>").append(lang.pick("各类参与者投入与取得（元）", "What each participant class put in and took out (CNY)"))
                .append("</h2>\n<p>").append(lang.pick("路径 " + path.path() + "，按最终价格的中位路径：两列精确到分相等，每条路径都如此。",
                        "Path " + path.path() + ", the median path by final price: its two columns balance to the fen,"
                        + " as they do in every path.")).append("</p>\n<table><tr><th>")
                .append(lang.pick("类别</th><th>投入</th><th>取得或持有</th><th>说明",
                        "class</th><th>put in</th><th>took out or holds</th><th>what it is"))
                .append("</th></tr>\n");
        for (ParticipantClass which : ParticipantClass.values()) {
            String putIn = which.putInMeaning(lang);
            String tookOut = which.tookOutMeaning(lang);
            html.append("<tr><td>").append(escape(which.label(lang))).append("</td><td>")
                    .append(org.zengzhi.engine.Units.formatFen(path.putIn()[which.ordinal()])).append("</td><td>")
                    .append(org.zengzhi.engine.Units.formatFen(path.tookOut()[which.ordinal()])).append("</td><td>")
                    .append(escape(putIn.isEmpty() ? tookOut : putIn + (tookOut.isEmpty() ? "" : lang.pick("；", "; ") + tookOut)))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /**
     * The plan's text works a store order at the plan's default commission; a note lists the regions whose
     * stores the scenario runs at another, so the two are not read as contradicting each other. Empty if none.
     */
    private static String commissionNote(Scenario scenario, ReportLanguage lang) {
        long standard = scenario.plan().store().defaultCommissionPpm();
        StringBuilder other = new StringBuilder();
        for (Scenario.Region region : scenario.regions()) {
            if (region.merchants() > 0 && region.commissionPpm() >= 0 && region.commissionPpm() != standard) {
                other.append(other.length() == 0 ? "" : lang.pick("、", ", ")).append(region.code())
                        .append(lang.pick(" 为 ", " at ")).append(Summary.percent(region.commissionPpm()));
            }
        }
        return other.length() == 0 ? "" : lang.pick("<p>方案文本按其默认抽成 " + Summary.percent(standard)
                + " 计算门店订单；本场景中 " + escape(other.toString()) + " 的门店按各自的抽成运行，摘要中的数字采用后者。</p>\n",
                "<p>The plan's text works a store order at its default commission " + Summary.percent(standard)
                + "; this scenario's stores in " + escape(other.toString())
                + " run at their own commission, which the summary's figures use.</p>\n");
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
