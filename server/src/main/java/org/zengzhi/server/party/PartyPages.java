package org.zengzhi.server.party;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zengzhi.engine.Units;
import org.zengzhi.server.account.Access;
import org.zengzhi.server.account.Role;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.payment.SandboxProvider;
import org.zengzhi.server.storewallet.StoreWalletView;

/**
 * The console's four-party pages (issue 20 items 2–4), mobile first: the supplier's page, the consumer's 贡献值
 * wallet with buying, redeeming and transferring (the fee shown on a confirmation page first), and the promoter's
 * ladder. They show the API's views, so every number is the API's; times are in the plan's zone. Each form carries
 * a one-time key made when the page was drawn, used as the Idempotency-Key: a second click answers the first.
 */
@Controller
class PartyPages {
    static final String DEVICE_COOKIE = "zz_device";
    private static final int DEVICE_COOKIE_DAYS = 400;

    private final PartyService views;
    private final SupplierDesk suppliers;
    private final ConsumerDesk consumers;
    private final PartyCheckout checkout;
    private final SandboxProvider sandbox;
    private final PartyQueries queries;
    private final StoreWalletView wallets;

    PartyPages(PartyService views, SupplierDesk suppliers, ConsumerDesk consumers, PartyCheckout checkout,
            SandboxProvider sandbox, PartyQueries queries, StoreWalletView wallets) {
        this.wallets = wallets;
        this.views = views;
        this.suppliers = suppliers;
        this.consumers = consumers;
        this.checkout = checkout;
        this.sandbox = sandbox;
        this.queries = queries;
    }

    @GetMapping("/console/supplier")
    String supplier(@RequestParam(required = false) String id, Authentication me, Model model) {
        String own = queries.supplierOf(me.getName());
        String supplier = Access.has(me, Role.OPERATOR) && id != null ? id : own;
        Response view = supplier == null ? null : ConsoleCalls.await(views.supplier(supplier));
        Map<String, Object> body = view == null || view.status() != 200 ? null : ConsoleCalls.map(view.body());
        if (body != null) {
            body.put("orders", ConsoleCalls.withTimeText((List<?>) body.get("orders"), "paidAt"));
            body.put("history", ConsoleCalls.withTimeText((List<?>) body.get("history"), "at"));
        }
        model.addAttribute("supplier", body);
        model.addAttribute("formKey", UUID.randomUUID().toString());
        if (body != null && supplier.equals(own)) {
            wallets.showSupplier(supplier, model); // its wallet (供应商钱包): for its own login only
        }
        return "party-supplier";
    }

    @PostMapping("/console/supplier/products")
    String list(@RequestParam String supplier, @RequestParam String key, @RequestParam String product,
            @RequestParam String name, @RequestParam String price, @RequestParam(required = false) String cost,
            @RequestParam(required = false) Long stock, Authentication me, RedirectAttributes flash) {
        if (!mayActFor(me, supplier)) {
            return "redirect:/console/denied";
        }
        Response answer = ConsoleCalls.await(suppliers.list("console-" + key, supplier,
                new SupplierDesk.Listing(product, name, price, cost, stock)));
        ConsoleCalls.flash(flash, answer, "listed", product, "error");
        return "redirect:/console/supplier" + (Access.has(me, Role.OPERATOR) ? "?id=" + supplier : "");
    }

    @PostMapping("/console/supplier/tokens")
    String redeemTokens(@RequestParam String supplier, @RequestParam String key, @RequestParam String item,
            Authentication me, RedirectAttributes flash) {
        if (!mayActFor(me, supplier)) {
            return "redirect:/console/denied";
        }
        Response answer = ConsoleCalls.await(suppliers.redeemTokens("console-" + key, supplier, item));
        ConsoleCalls.flash(flash, answer, "redeemed", item, "error");
        return "redirect:/console/supplier" + (Access.has(me, Role.OPERATOR) ? "?id=" + supplier : "");
    }

    private boolean mayActFor(Authentication me, String supplier) {
        return Access.has(me, Role.OPERATOR) || supplier.equals(queries.supplierOf(me.getName()));
    }

    /** The consumer's four-party wallet; gives the browser a device id (a cookie) if it has none yet. */
    @GetMapping("/console/party")
    String wallet(Principal me, @CookieValue(name = DEVICE_COOKIE, required = false) String device,
            HttpServletResponse response, Model model) {
        if (device == null || device.isBlank()) {
            Cookie cookie = new Cookie(DEVICE_COOKIE, "web-" + UUID.randomUUID());
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            cookie.setMaxAge(DEVICE_COOKIE_DAYS * 24 * 3600);
            response.addCookie(cookie);
        }
        Response view = ConsoleCalls.await(views.consumer(me.getName()));
        Map<String, Object> body = view.status() != 200 ? null : ConsoleCalls.map(view.body());
        if (body != null) {
            body.put("orders", ConsoleCalls.withTimeText((List<?>) body.get("orders"), "paidAt"));
            body.put("history", ConsoleCalls.withTimeText((List<?>) body.get("history"), "at"));
        }
        model.addAttribute("party", body);
        model.addAttribute("products", queries.shelf());
        model.addAttribute("formKey", UUID.randomUUID().toString());
        return "party-wallet";
    }

    @PostMapping("/console/party/pay")
    String pay(@RequestParam String key, @RequestParam String product, @RequestParam(defaultValue = "1") int quantity,
            @RequestParam(required = false) String contrib, @RequestParam(required = false) String promoter,
            @CookieValue(name = DEVICE_COOKIE, required = false) String device, Principal me,
            HttpServletRequest request, RedirectAttributes flash) {
        Response answer = ConsoleCalls.await(checkout.pay("console-" + key, me.getName(),
                new ConsumerDesk.Purchase(product, quantity, contrib, promoter, device), request.getRemoteAddr()));
        Map<String, Object> paid = answer.status() < 400 ? ConsoleCalls.map(answer.body()) : null;
        if (paid != null && paid.get("providerTransaction") != null) {
            // The cash part is a payment intent: the customer pays at the sandbox, as on a store's pay page, and
            // the sandbox's signed callback pays the order.
            ConsoleCalls.await(sandbox.complete((String) paid.get("providerTransaction")));
            paid = queries.paidAmounts((String) paid.get("order"));
        }
        ConsoleCalls.flash(flash, answer, "paid", paid, "error");
        return "redirect:/console/party";
    }

    /** Refunds one of the caller's orders before settlement; its cash goes back through the provider. */
    @PostMapping("/console/party/refund")
    String refund(@RequestParam String key, @RequestParam String order, Principal me, RedirectAttributes flash) {
        Response answer = ConsoleCalls.await(checkout.refund("console-" + key, me.getName(), order));
        ConsoleCalls.flash(flash, answer, "refunded", answer.status() < 400 ? ConsoleCalls.map(answer.body()) : null,
                "error");
        return "redirect:/console/party";
    }

    @PostMapping("/console/party/redeem")
    String redeem(@RequestParam String key, @RequestParam String amount, Principal me, RedirectAttributes flash) {
        Response answer = ConsoleCalls.await(consumers.redeem("console-" + key, me.getName(), amount));
        ConsoleCalls.flash(flash, answer, "redeemed", amount, "error");
        return "redirect:/console/party";
    }

    /** The transfer's confirmation page: what the fee is and what the other user receives, before anything moves. */
    @PostMapping("/console/party/transfer/confirm")
    String confirmTransfer(@RequestParam String key, @RequestParam String to, @RequestParam String amount,
            Model model, RedirectAttributes flash) {
        long fen = SupplierDesk.fen(amount);
        Long ppm = ConsoleCalls.await(views.transferFeePpm());
        if (fen <= 0 || ppm == null || ppm < 0 || to.isBlank()) {
            flash.addFlashAttribute("error", fen <= 0 ? "amount" : "to");
            return "redirect:/console/party";
        }
        long[] quote = ConsumerDesk.transferQuote(fen, ppm);
        model.addAttribute("key", key);
        model.addAttribute("to", to);
        model.addAttribute("amount", Units.formatFen(fen));
        model.addAttribute("fee", Units.formatFen(quote[0]));
        model.addAttribute("received", Units.formatFen(quote[1]));
        model.addAttribute("rate", PartyViews.percent(ppm));
        return "party-transfer";
    }

    @PostMapping("/console/party/transfer")
    String transfer(@RequestParam String key, @RequestParam String to, @RequestParam String amount, Principal me,
            RedirectAttributes flash) {
        Response answer = ConsoleCalls.await(consumers.transfer("console-" + key, me.getName(), to, amount));
        ConsoleCalls.flash(flash, answer, "transferred", amount, "error");
        return "redirect:/console/party";
    }

    @GetMapping("/console/party-promoter")
    String promoter(Principal me, Model model) {
        Response view = ConsoleCalls.await(views.promoter(me.getName()));
        Map<String, Object> body = view.status() != 200 ? null : ConsoleCalls.map(view.body());
        if (body != null) {
            body.put("orders", ConsoleCalls.withTimeText((List<?>) body.get("orders"), "paidAt"));
        }
        model.addAttribute("promoter", body);
        return "party-promoter";
    }
}
