package org.zengzhi.simulator.party;

import static org.zengzhi.simulator.party.PartyFigures.money;
import static org.zengzhi.simulator.party.PartyFigures.percent;

import java.util.List;

import org.zengzhi.simulator.ReportLanguage;

import tools.jackson.databind.JsonNode;

/** The four-party report as one self-contained HTML page, in Chinese or in English ({@link ReportLanguage}). */
public final class PartyHtml {
    private static final String STYLE = "body{font-family:sans-serif;margin:2em;max-width:80em}"
            + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em}"
            + "td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f4f4f4}small{color:#666}"
            + ".warn{color:#a40}";

    private PartyHtml() {
    }

    public static String render(PartyResult result, ReportLanguage lang) {
        boolean zh = lang == ReportLanguage.ZH;
        PartyScenario scenario = result.scenario();
        List<PartyMonth> months = result.months();
        StringBuilder html = new StringBuilder(1 << 16);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(lang.tag()).append("\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(scenario.name())).append(lang.pick(" — 四方共赢模拟", " — four-party simulation"))
                .append("</title><style>").append(STYLE).append("</style></head><body>\n<h1>").append(escape(scenario.name()))
                .append(" <small>").append(lang.pick("四方共赢模拟报告", "four-party simulation report (四方共赢)"))
                .append("</small></h1>\n<p>").append(lang.pick("方案 ", "plan ")).append("<code>")
                .append(escape(scenario.planFile().getFileName().toString())).append("</code>");
        html.append(zh ? "；随机种子 " + scenario.seed() + "；" + months.size() + " 个月；供应商 " + scenario.suppliers().count()
                + "；推广者 " + scenario.promoters().count() + "；消费者 " + scenario.consumers().count()
                + "。金额单位：元；月份按方案时区 " + PartySimulation.zone(scenario).getId() + " 结算（引擎的口径）。"
                : "; seed " + scenario.seed() + "; " + months.size() + " months; suppliers " + scenario.suppliers().count()
                + "; promoters " + scenario.promoters().count() + "; consumers " + scenario.consumers().count()
                + ". Amounts in CNY; months close in the plan's time zone, " + PartySimulation.zone(scenario).getId()
                + " (the engine's).").append("</p>\n");
        if (result.rejected() > 0) {
            html.append("<p class=\"warn\">").append(zh ? "引擎拒绝了 " + result.rejected() + " 条命令：用 zengzhi replay 查看 commands.jsonl。"
                    : "The engine refused " + result.rejected() + " commands: see commands.jsonl with zengzhi replay.")
                    .append("</p>\n");
        }
        section(html, lang.pick("月度损益（种子口径，R-7.6）", "Monthly P&L, the seed's lines (R-7.6)"));
        table(html, months, PartyReport.SEED_LINES, true, lang);
        section(html, lang.pick("成交额瀑布：各部分由谁出资、归谁所得", "The whole waterfall of the GMV: who funds and who gets each part"));
        html.append("<p>").append(lang.pick("返利与佣金出自商品售价本身，而非平台 6% 的服务费；种子未分配的部分归平台留存。",
                "The rebate and the commission are parts of the consumer's price, not paid out of the platform's fee;"
                + " what the seed allocates to no one stays with the platform as margin.")).append("</p>\n");
        table(html, months, PartyReport.WATERFALL, true, lang);
        html.append("<p>").append(lang.pick("合计成交额 ", "total GMV ")).append("<b>").append(money(result.totalFen("gmv")))
                .append("</b>.</p>\n");
        section(html, lang.pick("种子未列出的项目", "What the seed leaves out"));
        table(html, months, PartyReport.BEYOND, true, lang);
        section(html, lang.pick("供应商收入与预付款（R-7.2）", "Suppliers' income and prepayments (R-7.2)"));
        html.append(lang.pick("<table><tr><th>月份</th><th>到期订单</th><th>预付款</th><th>退款追回</th><th>结算支付</th>"
                + "<th>托管余额</th><th>托管对账差额</th></tr>\n",
                "<table><tr><th>month</th><th>orders due</th><th>prepaid at payment</th><th>clawed back</th>"
                + "<th>paid at settlement</th><th>escrow after close</th><th>custody difference</th></tr>\n"));
        for (PartyMonth m : months) {
            row(html, m.month(), "" + m.orders(), money(m.prepaidFen()), money(m.clawedBackFen()),
                    money(m.supplierSettledFen()), money(m.escrowFen()), money(m.escrowDifferenceFen()));
        }
        html.append(lang.pick("</table>\n<table><tr><th>供应商</th><th>分成</th><th>预付</th><th>结算</th><th>现金</th>"
                + "<th>应收</th><th>保证金</th><th>通证</th></tr>\n",
                "</table>\n<table><tr><th>supplier</th><th>share</th><th>prepaid</th><th>settled</th><th>cash</th>"
                + "<th>receivable</th><th>deposit</th><th>STOKEN</th></tr>\n"));
        for (PartySupplier s : result.suppliers().subList(0, Math.min(20, result.suppliers().size()))) {
            row(html, s.supplier(), money(s.shareFen()), money(s.prepaidFen()), money(s.settledFen()),
                    money(s.cashFen()), money(s.receivableFen()), money(s.depositFen()), money(s.tokensFen()));
        }
        html.append("</table>\n").append(result.suppliers().size() > 20 ? lang.pick("<p>前 20 家；全部见 suppliers.csv。</p>\n",
                "<p>The first 20; all in suppliers.csv.</p>\n") : "");
        section(html, lang.pick("贡献值准备金与流通贡献值（R-7.1），每位持有人的销毁（R-7.3）",
                "CONTRIB reserve against outstanding CONTRIB (R-7.1), and the burn per holder (R-7.3)"));
        html.append(lang.pick("<table><tr><th>月份</th><th>准备金</th><th>流通贡献值</th><th>覆盖率</th><th>兑现</th>"
                + "<th>销毁方式</th><th>销毁</th><th>受影响持有人</th><th>单人最大损失</th><th>中位损失</th><th>回购支付</th>"
                + "<th>预算不足</th></tr>\n",
                "<table><tr><th>month</th><th>reserve</th><th>outstanding</th><th>coverage</th><th>redeemed</th>"
                + "<th>burn mode</th><th>burned</th><th>holders hit</th><th>max per holder</th><th>median</th>"
                + "<th>paid</th><th>short</th></tr>\n"));
        for (PartyMonth m : months) {
            JsonNode burn = m.burn();
            row(html, m.month(), money(m.reserveFen()), money(m.outstandingFen()), percent(m.coveragePpm()),
                    money(m.redeemedFen()), burn.get("mode").asString() + (burn.get("haircut").asBoolean()
                            ? lang.pick("（折价）", " (haircut)") : ""), money(m.burnFen("contribBurned")), "" + m.burnHolders(),
                    money(m.burnMaxFen()), money(m.burnMedianFen()), money(m.burnFen("paid")), money(m.burnFen("short")));
        }
        html.append("</table>\n");
        section(html, lang.pick("风控：冻结与扣留的奖励（R-7.4）", "Risk control: held and withheld rewards (R-7.4)"));
        html.append(lang.pick("<table><tr><th>月份</th><th>同设备/IP 标记</th><th>冻结</th><th>审核放行</th><th>审核取消</th>"
                + "<th>信用分&lt;600 扣留</th></tr>\n",
                "<table><tr><th>month</th><th>flagged (device/IP)</th><th>held</th><th>released</th><th>cancelled</th>"
                + "<th>withheld (credit score &lt; 600)</th></tr>\n"));
        for (PartyMonth m : months) {
            row(html, m.month(), "" + m.flagged(), money(m.heldFen()), money(m.releasedFen()), money(m.cancelledFen()),
                    money(m.withheldFen()));
        }
        html.append("</table>\n");
        section(html, lang.pick("推广者晋升与虚拟股权（R-5.3）", "Promoter ladder occupancy and equity-pool payouts (R-5.3)"));
        html.append(lang.pick("<table><tr><th>月份</th><th>各级人数</th></tr>\n",
                "<table><tr><th>month</th><th>promoters by rank</th></tr>\n"));
        for (PartyMonth m : months) {
            row(html, m.month(), escape(PartyReport.ranks(m.ranks())));
        }
        html.append("</table>\n");
        if (result.equityPools().isEmpty()) {
            html.append(lang.pick("<p>期内无年度结算：没有虚拟股权池支付。</p>\n",
                    "<p>No year closed in the horizon: no equity-pool payout.</p>\n"));
        }
        for (JsonNode pool : result.equityPools()) {
            String year = escape(pool.get("year").asString());
            String amount = money(PartyFigures.fen(pool.get("pool")));
            int shares = pool.get("shares").size();
            html.append("<p>").append(zh ? year + " 年度虚拟股权池：<b>" + amount + "</b>，" + shares + " 名推广者（前 10%）。"
                    : year + " equity pool: <b>" + amount + "</b>, " + shares + " promoters (top 10%).").append("</p>\n");
        }
        html.append("<p><small>").append(zh ? "状态哈希 " + escape(result.stateHash())
                + "。数字均为引擎自身的（monthClosed、partySettled …）：用 <code>zengzhi replay --plan</code> 重放 commands.jsonl 可看到每个事件。"
                : "State hash " + escape(result.stateHash()) + ". The figures are the engine's own (monthClosed,"
                + " partySettled …): replay commands.jsonl with <code>zengzhi replay --plan</code> to see every event.")
                .append("</small></p>\n</body></html>\n");
        return html.toString();
    }

    private static void table(StringBuilder html, List<PartyMonth> months, List<String[]> lines, boolean total,
            ReportLanguage lang) {
        html.append("<table><tr><th>").append(lang.pick("项目", "line")).append("</th>");
        months.forEach(m -> html.append("<th>").append(m.month()).append("</th>"));
        if (total && months.size() > 1) {
            html.append("<th>").append(lang.pick("合计", "total")).append("</th>");
        }
        html.append("</tr>\n");
        for (String[] line : lines) {
            html.append("<tr><td>").append(escape(lang.pick(line[1], line[2]))).append("</td>");
            long sum = 0;
            for (PartyMonth m : months) {
                sum += m.pnlFen(line[0]);
                html.append("<td class=\"n\">").append(money(m.pnlFen(line[0]))).append("</td>");
            }
            if (total && months.size() > 1) {
                html.append("<td class=\"n\">").append(money(sum)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static void section(StringBuilder html, String title) {
        html.append("<h2>").append(escape(title)).append("</h2>\n");
    }

    private static void row(StringBuilder html, String... cells) {
        html.append("<tr><td>").append(cells[0]).append("</td>");
        for (int i = 1; i < cells.length; i++) {
            html.append("<td class=\"n\">").append(cells[i]).append("</td>");
        }
        html.append("</tr>\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
