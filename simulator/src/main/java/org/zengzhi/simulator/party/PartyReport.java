package org.zengzhi.simulator.party;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.zengzhi.simulator.ReportLanguage;

import tools.jackson.databind.JsonNode;

/**
 * Writes a four-party run's report into a folder: {@code report.html} (self-contained, in Chinese or in English),
 * {@code pnl.csv} (every P&L line of every month, as the engine closed it), {@code suppliers.csv},
 * {@code months.csv} (the run's own sums: prepayments, held and withheld rewards, reserve, burn per holder)
 * and {@code commands.jsonl}, the command log that was run, for {@code zengzhi replay}.
 */
public final class PartyReport {
    /** The seed's eight lines, in its order. */
    static final List<String[]> SEED_LINES = List.of(
            new String[] { "fee", "交易抽成", "fee" },
            new String[] { "dataService", "数据服务", "data service" },
            new String[] { "platformIncome", "平台收入", "platform income" },
            new String[] { "rebate", "消费者返利", "consumer rebate" },
            new String[] { "commission", "推广者佣金", "promoter commission" },
            new String[] { "supplierProfit", "供应商利润", "supplier profit" },
            new String[] { "operatingCost", "运营成本", "operating cost" },
            new String[] { "net", "平台净利润", "platform net" });

    /** The whole waterfall of the GMV at settlement (rule 2), summing to it; with who funds and who gets each part. */
    public static final List<String[]> WATERFALL = List.of(
            new String[] { "fee", "技术服务费", "fee → platform, from the price" },
            new String[] { "rebate", "消费者返利(贡献值)", "rebate → CONTRIB; funded by the price, its cash moves into the CONTRIB reserve" },
            new String[] { "commission", "推广者佣金", "commission → promoters; funded by the price, not by the fee" },
            new String[] { "teamAllowance", "团队管理津贴", "team allowance → team leaders (团队计酬)" },
            new String[] { "inviteReward", "拉新奖励", "first-order invite reward → the inviter" },
            new String[] { "supplierShare", "供应商分成", "supplier share → suppliers (30% prepaid at payment, the rest at settlement)" },
            new String[] { "margin", "未分配(平台留存)", "unallocated by the seed: kept by the platform as margin" },
            new String[] { "rounding", "舍入", "rounding (dust of ⌊⌋) → the rounding account" });

    /** What the seed leaves out, besides the waterfall. */
    static final List<String[]> BEYOND = List.of(
            new String[] { "supplierCost", "供应商商品成本", "suppliers' declared cost of goods" },
            new String[] { "withheld", "扣留佣金", "commission withheld (credit score below 600) → platform" },
            new String[] { "cancelled", "取消奖励", "rewards cancelled by a refused verification → platform" },
            new String[] { "transferFees", "转让手续费", "CONTRIB transfer fees → platform" },
            new String[] { "depositPenalties", "保证金扣除", "deposit penalties (rating below 4.5) → platform" },
            new String[] { "baselineBonuses", "增量奖励", "baseline bonuses → suppliers, from the platform" },
            new String[] { "tokenBuyback", "通证回购", "burn buy-back paid to holders" },
            new String[] { "haircut", "按比例销毁", "pro-rata burn: CONTRIB taken from holders, reserve cash → platform" },
            new String[] { "platformResult", "平台全部所得", "everything the platform account gained" });

    private PartyReport() {
    }

    public static void write(PartyResult result, Path out, ReportLanguage lang) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.html"), PartyHtml.render(result, lang), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("pnl.csv"), pnlCsv(result), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("months.csv"), monthsCsv(result), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("suppliers.csv"), suppliersCsv(result), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("commands.jsonl"), result.log(), StandardCharsets.UTF_8);
    }

    public static String pnlCsv(PartyResult result) {
        StringBuilder csv = new StringBuilder("month");
        JsonNode first = result.months().get(0).pnl();
        first.propertyNames().forEach(name -> csv.append(',').append(name));
        csv.append('\n');
        for (PartyMonth month : result.months()) {
            csv.append(month.month());
            first.propertyNames().forEach(name -> csv.append(',').append(month.pnl().get(name).asString()));
            csv.append('\n');
        }
        return csv.toString();
    }

    public static String monthsCsv(PartyResult result) {
        StringBuilder csv = new StringBuilder("month,orders,flagged,refunds,prepaid,clawedBack,supplierSettled,held,"
                + "withheld,released,cancelled,redeemed,contribReserve,contribOutstanding,coveragePpm,escrow,"
                + "escrowDifference,burnHolders,burnMaxPerHolder,burnMedianPerHolder,ranks\n");
        for (PartyMonth m : result.months()) {
            csv.append(String.join(",", m.month(), "" + m.orders(), "" + m.flagged(), "" + m.refunds(),
                    fen(m.prepaidFen()), fen(m.clawedBackFen()), fen(m.supplierSettledFen()), fen(m.heldFen()),
                    fen(m.withheldFen()), fen(m.releasedFen()), fen(m.cancelledFen()), fen(m.redeemedFen()),
                    fen(m.reserveFen()), fen(m.outstandingFen()), "" + m.coveragePpm(), fen(m.escrowFen()),
                    fen(m.escrowDifferenceFen()), "" + m.burnHolders(), fen(m.burnMaxFen()), fen(m.burnMedianFen()),
                    ranks(m.ranks()))).append('\n');
        }
        return csv.toString();
    }

    static String suppliersCsv(PartyResult result) {
        StringBuilder csv = new StringBuilder("supplier,share,prepaid,settled,clawedBack,cash,receivable,deposit,tokens\n");
        for (PartySupplier s : result.suppliers()) {
            csv.append(String.join(",", s.supplier(), fen(s.shareFen()), fen(s.prepaidFen()), fen(s.settledFen()),
                    fen(s.clawedBackFen()), fen(s.cashFen()), fen(s.receivableFen()), fen(s.depositFen()),
                    fen(s.tokensFen()))).append('\n');
        }
        return csv.toString();
    }

    /** "推广者=180;团队长=20", sorted. */
    static String ranks(Map<String, Integer> ranks) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(ranks).forEach((rank, count) -> text.append(text.isEmpty() ? "" : ";").append(rank).append('=').append(count));
        return text.toString();
    }

    private static String fen(long fen) {
        return org.zengzhi.engine.Units.formatFen(fen);
    }
}
