package org.zengzhi.server.merchant;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import org.zengzhi.engine.Units;
import org.zengzhi.server.account.Access;
import org.zengzhi.server.account.AccountStore;
import org.zengzhi.server.account.Role;
import org.zengzhi.server.account.StorePageAccess;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.console.QrCodes;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.order.OrderQueries;
import org.zengzhi.server.payment.LocalServer;
import org.zengzhi.server.storewallet.StoreWalletView;

/**
 * A merchant's page: the pay code to print (a QR image of the store's /pay URL), today's orders, settlements per
 * day, the customers its pay code bound, the rewards its owner earned here and across stores, and the store's
 * settings (the name and address its pay page shows). The figures are the API's /merchants/{merchant}/… views. A
 * merchant account sees and changes its own store; an operator may open any store with {@code ?merchant=}
 * (R-8.4).
 */
@Controller
class MerchantPages {
    private static final int QR_PIXELS = 360;
    private static final int SETTLEMENT_DAYS_SHOWN = 14;

    private final AccountStore accounts;
    private final StoreQueries queries;
    private final LocalServer server;
    private final EngineGateway gateway;
    private final StoreSettings settings;
    private final OrderQueries orders;
    private final StoreWalletView storeWallet;

    MerchantPages(AccountStore accounts, StoreQueries queries, LocalServer server, EngineGateway gateway,
            StoreSettings settings, OrderQueries orders, StoreWalletView storeWallet) {
        this.storeWallet = storeWallet;
        this.orders = orders;
        this.accounts = accounts;
        this.queries = queries;
        this.server = server;
        this.gateway = gateway;
        this.settings = settings;
    }

    @GetMapping("/console/merchant")
    String payCode(@RequestParam(required = false) String merchant, Authentication me, Model model) {
        String store = StorePageAccess.store(accounts, merchant, me);
        model.addAttribute("merchant", store);
        model.addAttribute("operator", Access.has(me, Role.OPERATOR));
        model.addAttribute("payUrl", payUrl(store));
        model.addAttribute("orders", orders.ofMerchantToday(store).stream()
                .map(row -> Map.of("order", row.get("order_id"), "user", row.get("username"),
                        "amount", Units.formatFen(((Number) row.get("amount")).longValue()), "status", row.get("status"),
                        "paidAt", ConsoleCalls.time(row.get("paid_at"))))
                .toList());
        model.addAttribute("settlements", ConsoleCalls.map(StoreViews.settlements(orders, store, SETTLEMENT_DAYS_SHOWN)));
        model.addAttribute("customers", ConsoleCalls.list(queries.customers(store)).stream().map(customer -> Map.of(
                "user", customer.get("user"), "boundAt", ConsoleCalls.isoTime(customer.get("boundAt")))).toList());
        String owner = ConsoleCalls.await(gateway.query(engine -> engine.merchantOwner(store)));
        model.addAttribute("rewards", owner == null ? null : rewards(store, owner));
        model.addAttribute("settings", settings.find(store));
        if (!Access.has(me, Role.OPERATOR)) {
            storeWallet.show(store, model);
        }
        return "merchant";
    }

    /** The API's rewards view, its times as people read them. */
    private Map<String, Object> rewards(String store, String owner) {
        Map<String, Object> view = ConsoleCalls.map(queries.rewards(store, owner));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) view.get("rewards");
        view.put("rewards", list.stream().map(reward -> {
            Map<String, Object> row = new LinkedHashMap<>(reward);
            row.put("atText", ConsoleCalls.isoTime(reward.get("at")));
            return row;
        }).toList());
        return view;
    }

    /** The store's name and address for its pay page; the same check and storage as PUT /merchants/{merchant}/settings. */
    @PostMapping("/console/merchant/settings")
    String saveSettings(@RequestParam(required = false) String merchant, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String address, Authentication me, RedirectAttributes flash) {
        String store = StorePageAccess.store(accounts, merchant, me);
        if (!ConsoleCalls.await(gateway.query(engine -> engine.merchantIds().contains(store)))) {
            flash.addFlashAttribute("settingsError", "no store " + store);
        } else {
            try {
                settings.save(store, displayName, address, me.getName());
                flash.addFlashAttribute("settingsSaved", true);
            } catch (StoreSettings.InvalidSetting e) {
                flash.addFlashAttribute("settingsError", e.field() + ": " + ConsoleCalls.says(e.getMessage()));
            }
        }
        return Access.has(me, Role.OPERATOR) ? "redirect:/console/merchant?merchant="
                + UriUtils.encodeQueryParam(store, StandardCharsets.UTF_8) : "redirect:/console/merchant";
    }

    @GetMapping("/console/merchant/pay-code.png")
    ResponseEntity<byte[]> payCodeImage(@RequestParam(required = false) String merchant, Authentication me) {
        byte[] png = QrCodes.png(payUrl(StorePageAccess.store(accounts, merchant, me)), QR_PIXELS);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache()).body(png);
    }

    /** The public pay URL the QR code carries; the configured base URL when behind a proxy (docs/payments.md). */
    private String payUrl(String store) {
        return server.baseUrl() + "/pay/" + UriUtils.encodePathSegment(store, StandardCharsets.UTF_8);
    }
}
