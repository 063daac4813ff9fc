package org.zengzhi.simulator.party;

import static org.zengzhi.simulator.party.PartyFigures.money;
import static org.zengzhi.simulator.party.PartyFigures.percent;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** The four-party report as one self-contained HTML page, Chinese first with English beside it. */
public final class PartyHtml {
    private static final String STYLE = "body{font-family:sans-serif;margin:2em;max-width:80em}"
            + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em}"
            + "td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f4f4f4}small{color:#666}"
            + ".warn{color:#a40}";

    private PartyHtml() {
    }

    public static String render(PartyResult result) {
        PartyScenario scenario = result.scenario();
        List<PartyMonth> months = result.months();
        StringBuilder html = new StringBuilder(1 << 16);
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(scenario.name())).append(" — 四方共赢模拟 four-party simulation</title><style>")
                .append(STYLE).append("</style></head><body>\n<h1>").append(escape(scenario.name()))
                .append(" <small>四方共赢模拟报告 four-party simulation report</small></h1>\n<p>方案 plan: <code>")
                .append(escape(scenario.planFile().getFileName().toString())).append("</code>; 随机种子 seed ")
                .append(scenario.seed()).append("; ").append(months.size()).append(" 个月 months; 供应商 suppliers ")
                .append(scenario.suppliers().count()).append("; 推广者 promoters ").append(scenario.promoters().count())
                .append("; 消费者 consumers ").append(scenario.consumers().count()).append(". 金额单位 CNY; 月份按 UTC 结算 months close in UTC (the engine's).</p>\n");
        if (result.rejected() > 0) {
            html.append("<p class=\"warn\">引擎拒绝了 ").append(result.rejected())
                    .append(" 条命令 the engine refused commands: see commands.jsonl with zengzhi replay.</p>\n");
        }
        section(html, "月度损益(种子口径)", "Monthly P&L, the seed's lines (R-7.6)");
        table(html, months, PartyReport.SEED_LINES, true);
        section(html, "成交额瀑布", "The whole waterfall of the GMV: who funds and who gets each part");
        html.append("<p>返利与佣金出自商品售价本身,而非平台6%的服务费;种子未分配的部分归平台留存。"
                + " The rebate and the commission are parts of the consumer's price, not paid out of the platform's fee;"
                + " what the seed allocates to no one stays with the platform as margin.</p>\n");
        table(html, months, PartyReport.WATERFALL, true);
        html.append("<p>合计 total = <b>").append(money(result.totalFen("gmv"))).append("</b> GMV 成交额.</p>\n");
        section(html, "种子未列出的项目", "What the seed leaves out");
        table(html, months, PartyReport.BEYOND, true);
        section(html, "供应商收入与预付款", "Suppliers' income and prepayments (R-7.2)");
        html.append("<table><tr><th>月份 month</th><th>到期订单 orders due</th><th>预付款 prepaid at payment</th>"
                + "<th>退款追回 clawed back</th><th>结算支付 paid at settlement</th><th>托管余额 escrow after close</th>"
                + "<th>托管对账差额 custody difference</th></tr>\n");
        for (PartyMonth m : months) {
            row(html, m.month(), "" + m.orders(), money(m.prepaidFen()), money(m.clawedBackFen()),
                    money(m.supplierSettledFen()), money(m.escrowFen()), money(m.escrowDifferenceFen()));
        }
        html.append("</table>\n<table><tr><th>供应商 supplier</th><th>分成 share</th><th>预付 prepaid</th>"
                + "<th>结算 settled</th><th>现金 cash</th><th>应收 receivable</th><th>保证金 deposit</th>"
                + "<th>通证 STOKEN</th></tr>\n");
        for (PartySupplier s : result.suppliers().subList(0, Math.min(20, result.suppliers().size()))) {
            row(html, s.supplier(), money(s.shareFen()), money(s.prepaidFen()), money(s.settledFen()),
                    money(s.cashFen()), money(s.receivableFen()), money(s.depositFen()), money(s.tokensFen()));
        }
        html.append("</table>\n").append(result.suppliers().size() > 20 ? "<p>前20家 first 20; all in suppliers.csv.</p>\n" : "");
        section(html, "贡献值准备金", "CONTRIB reserve against outstanding CONTRIB (R-7.1), and the burn per holder (R-7.3)");
        html.append("<table><tr><th>月份 month</th><th>准备金 reserve</th><th>流通贡献值 outstanding</th>"
                + "<th>覆盖率 coverage</th><th>兑现 redeemed</th><th>销毁方式 burn mode</th><th>销毁 burned</th>"
                + "<th>受影响持有人 holders hit</th><th>单人最大损失 max per holder</th><th>中位损失 median</th>"
                + "<th>回购支付 paid</th><th>预算不足 short</th></tr>\n");
        for (PartyMonth m : months) {
            JsonNode burn = m.burn();
            row(html, m.month(), money(m.reserveFen()), money(m.outstandingFen()), percent(m.coveragePpm()),
                    money(m.redeemedFen()), burn.get("mode").asString() + (burn.get("haircut").asBoolean()
                            ? " (折价 haircut)" : ""), money(m.burnFen("contribBurned")), "" + m.burnHolders(),
                    money(m.burnMaxFen()), money(m.burnMedianFen()), money(m.burnFen("paid")), money(m.burnFen("short")));
        }
        html.append("</table>\n");
        section(html, "风控:冻结与扣留的奖励", "Risk control: held and withheld rewards (R-7.4)");
        html.append("<table><tr><th>月份 month</th><th>同设备/IP标记 flagged (device/IP)</th><th>冻结 held</th>"
                + "<th>审核放行 released</th><th>审核取消 cancelled</th><th>信用分&lt;600扣留 withheld</th></tr>\n");
        for (PartyMonth m : months) {
            row(html, m.month(), "" + m.flagged(), money(m.heldFen()), money(m.releasedFen()), money(m.cancelledFen()),
                    money(m.withheldFen()));
        }
        html.append("</table>\n");
        section(html, "推广者晋升与虚拟股权", "Promoter ladder occupancy and equity-pool payouts (R-5.3)");
        html.append("<table><tr><th>月份 month</th><th>各级人数 promoters by rank</th></tr>\n");
        for (PartyMonth m : months) {
            row(html, m.month(), escape(PartyReport.ranks(m.ranks())));
        }
        html.append("</table>\n");
        if (result.equityPools().isEmpty()) {
            html.append("<p>无年度结算 no year closed in the horizon: no equity-pool payout.</p>\n");
        }
        for (JsonNode pool : result.equityPools()) {
            html.append("<p>").append(escape(pool.get("year").asString())).append(" 年度虚拟股权池 equity pool: <b>")
                    .append(money(PartyFigures.fen(pool.get("pool")))).append("</b>, ").append(pool.get("shares").size())
                    .append(" 名推广者 promoters (top 10%).</p>\n");
        }
        html.append("<p><small>状态哈希 state hash ").append(escape(result.stateHash()))
                .append(". The figures are the engine's own (monthClosed, partySettled …): replay commands.jsonl with"
                        + " <code>zengzhi replay --plan</code> to see every event.</small></p>\n</body></html>\n");
        return html.toString();
    }

    private static void table(StringBuilder html, List<PartyMonth> months, List<String[]> lines, boolean total) {
        html.append("<table><tr><th>项目 line</th>");
        months.forEach(m -> html.append("<th>").append(m.month()).append("</th>"));
        if (total && months.size() > 1) {
            html.append("<th>合计 total</th>");
        }
        html.append("</tr>\n");
        for (String[] line : lines) {
            html.append("<tr><td>").append(line[1]).append(" <small>").append(escape(line[2])).append("</small></td>");
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

    private static void section(StringBuilder html, String chinese, String english) {
        html.append("<h2>").append(chinese).append(" <small>").append(escape(english)).append("</small></h2>\n");
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
