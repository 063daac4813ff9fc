package org.zengzhi.simulator.green;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToLongFunction;

import org.zengzhi.engine.Units;
import org.zengzhi.simulator.ReportLanguage;

/**
 * Writes a green-points scenario's report: {@code report.html} (self-contained, ECharts inlined, in Chinese or in
 * English, {@link ReportLanguage}), {@code summary.txt} and the data as CSV ({@code green-compare.csv},
 * {@code green-dividends.csv}, {@code green-months.csv}, {@code green-cohorts.csv}), every figure exact.
 */
public final class GreenReport {
    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.5.0/echarts.min.js";

    private GreenReport() {
    }

    public static void write(GreenScenario scenario, List<GreenResult> results, Path out, ReportLanguage lang)
            throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("green-compare.csv"), compareCsv(results), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("green-dividends.csv"), dividendsCsv(results), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("green-months.csv"), monthsCsv(results), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("green-cohorts.csv"), cohortsCsv(results), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("summary.txt"), summary(scenario, results, lang), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("report.html"), html(scenario, results, lang), StandardCharsets.UTF_8);
    }

    /** A rate in ppm as a percentage with up to 4 decimals, such as {@code 0.5%}. */
    static String percent(long ppm) {
        String text = Units.format(ppm, 4);
        if (text.contains(".")) {
            text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return text + "%";
    }

    static String coverage(long ppm) {
        return ppm == GreenResult.NOTHING_OWED ? "—" : percent(ppm);
    }

    static String cny(long fen) {
        return Units.formatFen(fen);
    }

    static String points(long centipoints) {
        return Units.format(centipoints, 2);
    }

    static String compareCsv(List<GreenResult> results) {
        StringBuilder csv = new StringBuilder("variant,store_orders,coin_orders,refused,rangli_cny,dividend_vouchers_cny,"
                + "bound_vouchers_cny,vouchers_per_rangli_ppm,coins_issued_cny,centre_cash_cny,vouchers_outstanding_cny,"
                + "coins_outstanding_cny,coverage_ppm,consumer_dividends,merchant_dividends,lots_earned,lots_retired,"
                + "lots_at_cap,at_cap_share_ppm,promoter_pay_cny\n");
        for (GreenResult r : results) {
            GreenResult.Totals t = r.totals();
            GreenResult.MonthRow m = t.last();
            csv.append(quote(r.label())).append(',').append(t.storeOrders()).append(',').append(t.coinOrders())
                    .append(',').append(t.refused()).append(',').append(cny(m.rangliFen())).append(',')
                    .append(cny(m.dividendVouchersFen())).append(',').append(cny(m.boundVouchersFen())).append(',')
                    .append(vouchersPerRangli(m)).append(',').append(cny(m.coinsIssuedFen())).append(',')
                    .append(cny(m.centreCashFen())).append(',').append(cny(m.vouchersOutstandingFen())).append(',')
                    .append(cny(m.coinsOutstandingFen())).append(',')
                    .append(m.coveragePpm() == GreenResult.NOTHING_OWED ? "" : m.coveragePpm()).append(',')
                    .append(count(r, "consumer")).append(',').append(count(r, "merchant")).append(',')
                    .append(t.lotsEarned()).append(',').append(t.lotsRetired()).append(',').append(t.lotsAtCap())
                    .append(',').append(t.atCapSharePpm()).append(',').append(cny(m.promoterPayFen())).append('\n');
        }
        return csv.toString();
    }

    /** (dividend + bound-merchant vouchers) per 让利 collected, ppm. */
    static long vouchersPerRangli(GreenResult.MonthRow m) {
        return m.rangliFen() == 0 ? 0
                : org.zengzhi.engine.Exact.mulDivFloor(m.dividendVouchersFen() + m.boundVouchersFen(), 1_000_000,
                        m.rangliFen());
    }

    private static long count(GreenResult r, String pool) {
        return r.dividends().stream().filter(d -> d.pool().equals(pool)).count();
    }

    public static String dividendsCsv(List<GreenResult> results) {
        StringBuilder csv = new StringBuilder(
                "variant,day,pool,period,value_points,growth_ppm,scale_ppm,period_rate_ppm,vouchers_cny,lots,retired\n");
        for (GreenResult r : results) {
            for (GreenResult.DividendRow d : r.dividends()) {
                csv.append(quote(r.label())).append(',').append(d.day()).append(',').append(d.pool()).append(',')
                        .append(d.period()).append(',').append(points(d.valueCentipoints())).append(',')
                        .append(d.growthPpm() < 0 ? "" : d.growthPpm()).append(',').append(d.scalePpm()).append(',')
                        .append(d.periodRatePpm() < 0 ? "" : d.periodRatePpm()).append(',').append(cny(d.vouchersFen())).append(',')
                        .append(d.lots()).append(',').append(d.retired()).append('\n');
            }
        }
        return csv.toString();
    }

    public static String monthsCsv(List<GreenResult> results) {
        StringBuilder csv = new StringBuilder("variant,month,consumers,rangli_cny,dividend_vouchers_cny,bound_vouchers_cny,"
                + "coins_issued_cny,centre_cash_cny,vouchers_outstanding_cny,coins_outstanding_cny,coverage_ppm,"
                + "promoter_pay_cny\n");
        for (GreenResult r : results) {
            for (GreenResult.MonthRow m : r.months()) {
                csv.append(quote(r.label())).append(',').append(m.month()).append(',').append(m.consumers()).append(',')
                        .append(cny(m.rangliFen())).append(',').append(cny(m.dividendVouchersFen())).append(',')
                        .append(cny(m.boundVouchersFen())).append(',').append(cny(m.coinsIssuedFen())).append(',')
                        .append(cny(m.centreCashFen())).append(',').append(cny(m.vouchersOutstandingFen())).append(',')
                        .append(cny(m.coinsOutstandingFen())).append(',')
                        .append(m.coveragePpm() == GreenResult.NOTHING_OWED ? "" : m.coveragePpm()).append(',')
                        .append(cny(m.promoterPayFen())).append('\n');
            }
        }
        return csv.toString();
    }

    static String cohortsCsv(List<GreenResult> results) {
        StringBuilder csv = new StringBuilder("variant,cohort,consumers,points,vouchers_cny,yield_ppm\n");
        for (GreenResult r : results) {
            for (GreenResult.CohortYield c : r.cohorts()) {
                csv.append(quote(r.label())).append(',').append(c.month()).append(',').append(c.consumers())
                        .append(',').append(points(c.pointsCentipoints())).append(',').append(cny(c.vouchersFen()))
                        .append(',').append(c.yieldPpm()).append('\n');
            }
        }
        return csv.toString();
    }

    static String summary(GreenScenario scenario, List<GreenResult> results, ReportLanguage lang) {
        boolean zh = lang == ReportLanguage.ZH;
        StringBuilder text = new StringBuilder();
        text.append(lang.pick("绿色积分模拟：", "Green points simulation: ")).append(scenario.name())
                .append(lang.pick("，随机种子 ", ", seed ")).append(scenario.seed()).append(lang.pick("，自 ", ", "))
                .append(zh ? scenario.start() + " 起 " + scenario.horizonMonths() + " 个月"
                        : scenario.horizonMonths() + " months from " + scenario.start()).append('\n');
        for (GreenResult r : results) {
            GreenResult.MonthRow m = r.totals().last();
            String vouchers = cny(m.dividendVouchersFen() + m.boundVouchersFen());
            text.append("\n[").append(r.label()).append("]\n");
            if (zh) {
                text.append("  收取让利（结算中心收入）").append(cny(m.rangliFen())).append(" 元；发放抵用券 ").append(vouchers)
                        .append(" 元（让利的 ").append(percent(vouchersPerRangli(m))).append("；分红 ")
                        .append(cny(m.dividendVouchersFen())).append("，锁定商家 ").append(cny(m.boundVouchersFen()))
                        .append("）\n  结算中心现金 ").append(cny(m.centreCashFen())).append(" 元，对应未兑抵用券 ")
                        .append(cny(m.vouchersOutstandingFen())).append(" + 未用金币 ").append(cny(m.coinsOutstandingFen()))
                        .append("：覆盖率 ").append(coverage(m.coveragePpm())).append("\n  分红期：消费者 ")
                        .append(count(r, "consumer")).append("，商家 ").append(count(r, "merchant")).append("；积分批次获得 ")
                        .append(r.totals().lotsEarned()).append("，退出 ").append(r.totals().lotsRetired())
                        .append("，其中达到封顶 ").append(r.totals().lotsAtCap()).append("（")
                        .append(percent(r.totals().atCapSharePpm())).append("）\n  订单：门店 ")
                        .append(r.totals().storeOrders()).append("，金币商城 ").append(r.totals().coinOrders())
                        .append("，被拒 ").append(r.totals().refused()).append("；推广者佣金与补贴 ")
                        .append(cny(m.promoterPayFen())).append(" 元\n");
            } else {
                text.append("  rangli collected (让利, settlement-centre income) ").append(cny(m.rangliFen()))
                        .append(" CNY; vouchers issued (抵用券) ").append(vouchers).append(" CNY (")
                        .append(percent(vouchersPerRangli(m))).append(" of the rangli; dividends ")
                        .append(cny(m.dividendVouchersFen())).append(", bound merchants ").append(cny(m.boundVouchersFen()))
                        .append(")\n  settlement centre cash (结算中心现金) ").append(cny(m.centreCashFen()))
                        .append(" CNY against vouchers ").append(cny(m.vouchersOutstandingFen())).append(" + coins (金币) ")
                        .append(cny(m.coinsOutstandingFen())).append(" outstanding: coverage (覆盖率) ")
                        .append(coverage(m.coveragePpm())).append("\n  dividends (分红期) consumer ")
                        .append(count(r, "consumer")).append(", merchant ").append(count(r, "merchant"))
                        .append("; lots (积分批次) earned ").append(r.totals().lotsEarned()).append(", retired ")
                        .append(r.totals().lotsRetired()).append(", of which at the cap (达到封顶) ")
                        .append(r.totals().lotsAtCap()).append(" (").append(percent(r.totals().atCapSharePpm()))
                        .append(")\n  orders: store ").append(r.totals().storeOrders()).append(", coin mall ")
                        .append(r.totals().coinOrders()).append(", refused ").append(r.totals().refused())
                        .append("; promoter pay (推广者佣金与补贴) ").append(cny(m.promoterPayFen())).append(" CNY\n");
            }
            if (m.centreCashFen() < 0) {
                text.append(lang.pick("  警告：结算中心现金为负。\n",
                        "  WARNING: the settlement centre's cash is below zero (结算中心现金为负).\n"));
            }
        }
        return text.toString();
    }

    public static String html(GreenScenario scenario, List<GreenResult> results, ReportLanguage lang) {
        boolean zh = lang == ReportLanguage.ZH;
        StringBuilder html = new StringBuilder(1 << 20);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(lang.tag()).append("\"><head><meta charset=\"utf-8\">\n<title>")
                .append(escape(scenario.name())).append(lang.pick(" — 绿色积分模拟", " — green points simulation"))
                .append("</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;"
                        + "margin:1em 0}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}th{background:#f4f4f4}"
                        + "td:first-child{text-align:left}.chart{width:100%;height:360px}.warn{color:#b00}")
                .append("</style>\n<script>").append(echarts()).append("</script>\n</head><body>\n<h1>")
                .append(escape(scenario.name())).append(" <small>")
                .append(lang.pick("绿色积分模拟报告", "green points simulation report (绿色积分模拟报告)")).append("</small></h1>\n");
        String stops = scenario.stopAfterMonths() == 0 ? "" : lang.pick("（增长在第 " + scenario.stopAfterMonths()
                + " 个月后停止）", " (growth stops after month " + scenario.stopAfterMonths() + ")");
        html.append("<p>").append(zh ? "随机种子 " + scenario.seed() + " · 自 " + scenario.start() + " 起 "
                + scenario.horizonMonths() + " 个月 · 消费者 " + scenario.consumers() + " + " + scenario.newPerMonth() + "/月"
                + stops + " · 门店 " + scenario.stores() + " · 推广者 " + scenario.promoters()
                : "seed " + scenario.seed() + " · " + scenario.horizonMonths() + " months from " + scenario.start()
                + " · consumers " + scenario.consumers() + " + " + scenario.newPerMonth() + "/month" + stops
                + " · stores " + scenario.stores() + " · promoters " + scenario.promoters())
                .append("</p>\n<pre>").append(escape(summary(scenario, results, lang))).append("</pre>\n");
        compareTable(html, results, lang);
        chart(html, "coverage", lang.pick("结算中心覆盖率：结算中心现金 / （未兑抵用券 + 未用金币），%",
                "Coverage: settlement-centre cash / (vouchers + coins outstanding), %"),
                results, m -> m.coveragePpm() == GreenResult.NOTHING_OWED ? 0 : m.coveragePpm(), true);
        chart(html, "issued", lang.pick("累计抵用券 / 累计让利，%", "Vouchers issued per rangli (让利) collected (cumulative), %"),
                results, GreenReport::vouchersPerRangli, true);
        chart(html, "cash", lang.pick("结算中心现金，元", "Settlement-centre cash, CNY"), results,
                GreenResult.MonthRow::centreCashFen, false);
        for (GreenResult r : results) {
            html.append("<h2 class=\"variant\">").append(escape(r.label())).append("</h2>\n");
            dividendTable(html, r, lang);
            cohortTable(html, r, lang);
        }
        html.append("<p>").append(lang.pick("数据：", "Data: ")).append("<code>green-compare.csv</code>, "
                + "<code>green-dividends.csv</code>, <code>green-months.csv</code>, <code>green-cohorts.csv</code>")
                .append(lang.pick("；见 docs/simulator.md。", "; see docs/simulator.md.")).append("</p>\n");
        return html.append("</body></html>\n").toString();
    }

    private static void compareTable(StringBuilder html, List<GreenResult> results, ReportLanguage lang) {
        html.append(lang.pick("<h2>对比</h2>\n<table><tr><th>方案</th><th>让利</th><th>抵用券</th><th>券/让利</th>"
                + "<th>金币</th><th>结算中心现金</th><th>未兑抵用券</th><th>未用金币</th><th>覆盖率</th>"
                + "<th>分红期（消费者/商家）</th><th>退出批次</th><th>达封顶</th><th>推广者</th></tr>\n",
                "<h2>Side by side</h2>\n<table><tr><th>Variant</th><th>rangli collected</th>"
                + "<th>vouchers issued</th><th>per rangli</th><th>coins issued</th><th>centre cash</th>"
                + "<th>vouchers owed</th><th>coins owed</th><th>coverage</th>"
                + "<th>dividends (consumer/merchant)</th><th>lots retired</th><th>at cap</th>"
                + "<th>promoter pay</th></tr>\n"));
        for (GreenResult r : results) {
            GreenResult.MonthRow m = r.totals().last();
            html.append("<tr><td>").append(escape(r.label())).append("</td><td>").append(cny(m.rangliFen()))
                    .append("</td><td>").append(cny(m.dividendVouchersFen() + m.boundVouchersFen())).append("</td><td>")
                    .append(percent(vouchersPerRangli(m))).append("</td><td>").append(cny(m.coinsIssuedFen()))
                    .append("</td><td").append(m.centreCashFen() < 0 ? " class=\"warn\">" : ">")
                    .append(cny(m.centreCashFen())).append("</td><td>").append(cny(m.vouchersOutstandingFen()))
                    .append("</td><td>").append(cny(m.coinsOutstandingFen())).append("</td><td>")
                    .append(coverage(m.coveragePpm())).append("</td><td>").append(count(r, "consumer")).append(" / ")
                    .append(count(r, "merchant")).append("</td><td>").append(r.totals().lotsRetired()).append(" / ")
                    .append(r.totals().lotsEarned()).append("</td><td>").append(percent(r.totals().atCapSharePpm()))
                    .append("</td><td>").append(cny(m.promoterPayFen())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void dividendTable(StringBuilder html, GreenResult r, ReportLanguage lang) {
        html.append(lang.pick("<h3>分红时间线</h3>\n<table><tr><th>日期</th><th>池</th><th>期</th><th>池值（积分）</th>"
                + "<th>增长</th><th>比例</th><th>该期费率</th><th>抵用券</th><th>批次</th><th>退出</th></tr>\n",
                "<h3>Dividend timeline</h3>\n<table><tr><th>day</th><th>pool</th><th>period</th>"
                + "<th>value (points)</th><th>growth</th><th>scale</th><th>period rate</th>"
                + "<th>vouchers</th><th>lots</th><th>retired</th></tr>\n"));
        for (GreenResult.DividendRow d : r.dividends()) {
            html.append("<tr><td>").append(d.day()).append("</td><td>")
                    .append(d.pool().equals("consumer") ? lang.pick("消费者", "consumer") : lang.pick("商家", "merchant"))
                    .append("</td><td>")
                    .append(d.period()).append("</td><td>").append(points(d.valueCentipoints())).append("</td><td>")
                    .append(d.growthPpm() < 0 ? "—" : percent(d.growthPpm())).append("</td><td>")
                    .append(percent(d.scalePpm())).append("</td><td>").append(d.periodRatePpm() < 0 ? "—" : percent(d.periodRatePpm()))
                    .append("</td><td>").append(cny(d.vouchersFen())).append("</td><td>").append(d.lots())
                    .append("</td><td>").append(d.retired()).append("</td></tr>\n");
        }
        if (r.dividends().isEmpty()) {
            html.append("<tr><td colspan=\"10\">").append(lang.pick("无分红：没有一个池达到起始值。",
                    "No dividend: no pool reached its start value.")).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void cohortTable(StringBuilder html, GreenResult r, ReportLanguage lang) {
        html.append(lang.pick("<h3>各批消费者的收益（分红抵用券 ÷ 获得积分）</h3>\n<table><tr><th>加入月份</th><th>人数</th>"
                + "<th>获得积分</th><th>抵用券</th><th>收益率</th></tr>\n",
                "<h3>Voucher yield per cohort (dividend vouchers ÷ points earned)</h3>\n<table>"
                + "<tr><th>cohort</th><th>consumers</th><th>points earned</th><th>vouchers</th><th>yield</th></tr>\n"));
        for (GreenResult.CohortYield c : r.cohorts()) {
            html.append("<tr><td>").append(c.month()).append("</td><td>").append(c.consumers()).append("</td><td>")
                    .append(points(c.pointsCentipoints())).append("</td><td>").append(cny(c.vouchersFen()))
                    .append("</td><td>").append(percent(c.yieldPpm())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void chart(StringBuilder html, String id, String title, List<GreenResult> results,
            ToLongFunction<GreenResult.MonthRow> value, boolean ppm) {
        html.append("<h2>").append(escape(title)).append("</h2>\n<div class=\"chart\" id=\"").append(id)
                .append("\"></div>\n<script>echarts.init(document.getElementById('").append(id)
                .append("')).setOption({animation:false,tooltip:{trigger:'axis'},legend:{},xAxis:{type:'category',data:[");
        List<GreenResult.MonthRow> months = results.get(0).months();
        for (int i = 0; i < months.size(); i++) {
            html.append(i == 0 ? "" : ",").append('\'').append(months.get(i).month()).append('\'');
        }
        html.append("]},yAxis:{type:'value'},series:[");
        for (int v = 0; v < results.size(); v++) {
            html.append(v == 0 ? "" : ",").append("{type:'line',name:'").append(js(results.get(v).label()))
                    .append("',data:[");
            List<GreenResult.MonthRow> rows = results.get(v).months();
            for (int i = 0; i < rows.size(); i++) {
                long units = value.applyAsLong(rows.get(i));
                html.append(i == 0 ? "" : ",").append(ppm ? Units.format(units, 4) : Units.formatFen(units));
            }
            html.append("]}");
        }
        html.append("]});</script>\n");
    }

    private static String echarts() {
        try (InputStream in = GreenReport.class.getResourceAsStream(ECHARTS)) {
            if (in == null) {
                throw new IllegalStateException("ECharts is not on the classpath: " + ECHARTS);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static String js(String text) {
        return text.replace("\\", "\\\\").replace("'", "\\'").replace("<", "\\u003c");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
