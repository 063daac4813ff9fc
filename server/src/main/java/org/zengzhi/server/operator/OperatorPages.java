package org.zengzhi.server.operator;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zengzhi.engine.Units;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.journal.Journal;
import org.zengzhi.server.order.OrderQueries;
import org.zengzhi.server.payment.Payouts;
import org.zengzhi.server.wallet.PriceQueries;
import org.zengzhi.server.wallet.WalletViews;

/**
 * The operator's dashboard (the pool, the price curve with subsidies and exits marked, invariants, liabilities,
 * orders per day, rewards paid by kind and exits per day, the last two the API's /operator/rewards and
 * /operator/exits views) and the subsidy form, which shows what the subsidy does to the price and asks for a
 * confirmation before anything is journaled.
 */
@Controller
class OperatorPages {
    private static final int DAYS_SHOWN = 14;
    private static final int REVIEW_QUEUE_MAX = 50;
    private static final int SUBSIDY_MARKS_MAX = 200;

    private final EngineGateway gateway;
    private final RewardQueries rewardQueries;
    private final Payouts payouts;
    private final OrderQueries orders;
    private final PriceQueries prices;
    private final Journal journal;
    private final Subsidies subsidies;

    /** The dashboard reads many tables, each through its own queries. */
    OperatorPages(EngineGateway gateway, RewardQueries rewardQueries, Payouts payouts, OrderQueries orders, PriceQueries prices,
            Journal journal, Subsidies subsidies) {
        this.gateway = gateway;
        this.rewardQueries = rewardQueries;
        this.payouts = payouts;
        this.orders = orders;
        this.prices = prices;
        this.journal = journal;
        this.subsidies = subsidies;
    }

    @GetMapping("/console/operator")
    String dashboard(Model model) {
        model.addAttribute("dashboard", ConsoleCalls.await(gateway.query(DashboardViews::dashboard)));
        model.addAttribute("prices", WalletViews.chartPrices(prices));
        model.addAttribute("subsidies", journal.acceptedTimes("INJECT_SUBSIDY", SUBSIDY_MARKS_MAX).stream()
                .map(ConsoleCalls::iso).toList());
        model.addAttribute("days", days());
        model.addAttribute("exitMarks", rewardQueries.marks());
        model.addAttribute("rewards", ConsoleCalls.map(rewardQueries.byKind()));
        model.addAttribute("exits", ConsoleCalls.map(rewardQueries.perDay(DAYS_SHOWN)));
        model.addAttribute("withdrawals", ConsoleCalls.await(gateway.query(engine -> engine.withdrawals(
                org.zengzhi.engine.withdrawal.WithdrawalState.REQUESTED, REVIEW_QUEUE_MAX))).stream()
                .map(w -> Map.of("id", w.id(), "user", w.user(), "amount", Units.formatFen(w.amountFen())))
                .toList());
        model.addAttribute("reviewKey", UUID.randomUUID().toString());
        model.addAttribute("payouts", payouts.awaitingProvider(REVIEW_QUEUE_MAX));
        model.addAttribute("payoutKey", UUID.randomUUID().toString());
        return "operator";
    }

    /** GMV and orders per day of payment, newest first. */
    private List<Map<String, String>> days() {
        return orders.paidPerDay(DAYS_SHOWN).stream()
                .map(row -> Map.of("day", String.valueOf(row.get("paid_day")), "orders", String.valueOf(row.get("order_count")),
                        "gmv", Units.formatFen(((Number) row.get("gmv")).longValue())))
                .toList();
    }

    /** from the console: the same CSV as the API's /operator/holders.csv. */
    @GetMapping(path = "/console/operator/holders.csv", produces = "text/csv")
    ResponseEntity<String> holders() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"holders.csv\"")
                .body(ConsoleCalls.await(gateway.query(HolderSnapshot::csv)));
    }

    /** Step one: check the form and show the price before and after; nothing changes yet. */
    @PostMapping("/console/operator/subsidy")
    String confirm(@RequestParam String amount, @RequestParam String reason, Model model, RedirectAttributes flash) {
        long amountFen;
        try {
            amountFen = Units.parseFen(amount);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("subsidyError", ConsoleCalls.says(e.getMessage()));
            return "redirect:/console/operator";
        }
        if (amountFen <= 0 || reason.isBlank()) {
            flash.addFlashAttribute("subsidyError", amountFen <= 0 ? "amount > 0.00" : "reason");
            return "redirect:/console/operator";
        }
        model.addAttribute("amount", Units.formatFen(amountFen));
        model.addAttribute("reason", reason.strip());
        model.addAttribute("key", UUID.randomUUID().toString());
        model.addAttribute("dashboard", ConsoleCalls.await(gateway.query(DashboardViews::dashboard)));
        model.addAttribute("priceAfter", ConsoleCalls.await(gateway.query(engine -> DashboardViews.priceAfterSubsidy(engine,
                amountFen))));
        return "subsidy-confirm";
    }

    /** Step two: the confirmed subsidy, under the API's idempotency scope, so a double submit injects once. */
    @PostMapping("/console/operator/subsidy/confirm")
    String inject(@RequestParam String amount, @RequestParam String reason, @RequestParam String key,
            RedirectAttributes flash) {
        long amountFen = Units.parseFen(amount);
        ResponseEntity<String> answer = ConsoleCalls.await(subsidies.inject(amountFen, reason, key));
        ConsoleCalls.flash(flash, answer, "subsidized", Units.formatFen(amountFen), "subsidyError");
        return "redirect:/console/operator";
    }
}
