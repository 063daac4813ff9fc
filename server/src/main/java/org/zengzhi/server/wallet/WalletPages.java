package org.zengzhi.server.wallet;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zengzhi.engine.Units;
import org.zengzhi.server.account.AccountStore;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.merchant.MerchantRequests;
import org.zengzhi.server.order.OrderQueries;
import org.zengzhi.server.team.TeamSections;
import org.zengzhi.server.web.GatewayCalls;
import org.zengzhi.server.withdrawal.WithdrawalQueries;

/**
 * The consumer's wallet page (mobile first): cash, points and their value now, what is pending, the price
 * chart, "your exit" and selling points with a live payout preview. The preview and the
 * sale use the same views and the same idempotency scope as the API's /me/sell-preview and /me/sell.
 */
@Controller
class WalletPages {
    private static final int WITHDRAWALS_SHOWN = 10;

    private final EngineGateway gateway;
    private final Sales sales;
    private final PriceQueries prices;
    private final OrderQueries orders;
    private final WithdrawalQueries withdrawalQueries;
    private final MerchantRequests storeRequests;
    private final TeamSections team;
    private final AccountStore accounts;

    WalletPages(EngineGateway gateway, Sales sales, PriceQueries prices, OrderQueries orders,
            WithdrawalQueries withdrawalQueries, MerchantRequests storeRequests, TeamSections team, AccountStore accounts) {
        this.storeRequests = storeRequests;
        this.team = team;
        this.accounts = accounts;
        this.gateway = gateway;
        this.sales = sales;
        this.prices = prices;
        this.orders = orders;
        this.withdrawalQueries = withdrawalQueries;
    }

    @GetMapping("/console/wallet")
    String wallet(Principal me, Model model) {
        String user = me.getName();
        model.addAttribute("wallet", ConsoleCalls.await(gateway.query(engine -> WalletViews.page(engine, user))));
        model.addAttribute("exit", ConsoleCalls.map(ConsoleCalls.await(gateway.query(engine -> WalletViews.exit(engine, user)))));
        model.addAttribute("pendingOrders", orders.pendingOfUser(user).stream()
                .map(row -> Map.of("order", row.get("order_id"), "merchant", String.valueOf(row.get("merchant")),
                        "amount", Units.formatFen(((Number) row.get("amount")).longValue()),
                        "dueAt", ConsoleCalls.time(row.get("due_at"))))
                .toList());
        model.addAttribute("prices", WalletViews.chartPrices(prices));
        model.addAttribute("saleKey", UUID.randomUUID().toString());
        model.addAttribute("withdrawKey", UUID.randomUUID().toString());
        model.addAttribute("withdrawals", withdrawalQueries.ofUser(user).stream().limit(WITHDRAWALS_SHOWN)
                .map(row -> Map.of("id", (String) row.get("withdrawal_id"),
                        "amount", Units.formatFen(((Number) row.get("amount")).longValue()),
                        "payout", Units.formatFen(((Number) row.get("payout")).longValue()),
                        "state", (String) row.get("state"), "requestedAt", ConsoleCalls.time(row.get("requested_at"))))
                .toList());
        // The user's own store requests (开店申请): pending, approved, or rejected with the operator's reason.
        model.addAttribute("storeRequests", storeRequests.ofUser(user).stream()
                .map(row -> Map.of("merchant", row.get("merchant"), "status", row.get("status"),
                        "reason", row.get("decision_reason") == null ? "" : row.get("decision_reason")))
                .toList());
        // Every asset the plan uses, the team, the latest rewards and the tier (issue 20 item 1).
        model.addAttribute("assets", ConsoleCalls.await(gateway.query(engine -> WalletAssets.of(engine, user))));
        model.addAttribute("displayName", accounts.displayNames(List.of(user)).get(user));
        team.addTo(model, user);
        return "wallet";
    }

    /** What selling would pay now, for the form's live preview: the API's sell-preview view, on the session. */
    @GetMapping(path = "/console/wallet/sell-preview", produces = "application/json")
    @ResponseBody
    ResponseEntity<String> preview(@RequestParam String points, Principal me) {
        long pointsMicro;
        try {
            pointsMicro = Units.parsePointsMicro(points);
        } catch (IllegalArgumentException e) {
            return GatewayCalls.entity(Problems.badRequest("points", e.getMessage()));
        }
        String user = me.getName();
        String view = ConsoleCalls.await(gateway.query(engine -> WalletViews.preview(engine, user, pointsMicro)));
        return GatewayCalls.json(view);
    }

    /** Sells points; the key comes with the form, so a double submit sells once. */
    @PostMapping("/console/wallet/sell")
    String sell(@RequestParam String points, @RequestParam String key, Principal me, RedirectAttributes flash) {
        long pointsMicro;
        try {
            pointsMicro = Units.parsePointsMicro(points);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", ConsoleCalls.says(e.getMessage()));
            return "redirect:/console/wallet";
        }
        ResponseEntity<String> answer = ConsoleCalls.await(sales.sell(me.getName(), pointsMicro, key));
        ConsoleCalls.flash(flash, answer, "sold", Units.formatPoints(pointsMicro), "error");
        return "redirect:/console/wallet";
    }
}
