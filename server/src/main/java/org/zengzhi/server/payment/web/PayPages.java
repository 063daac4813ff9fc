package org.zengzhi.server.payment.web;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.merchant.StoreSettings;
import org.zengzhi.server.payment.Payments;
import org.zengzhi.server.payment.SandboxProvider;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a merchant's pay code opens: the signed-in customer enters an amount and pays through
 * the sandbox provider. The payment goes the whole verified way (intent, signed callback over HTTP, PayOrder
 * through the gateway), so a first payment binds the store's owner as the customer's referrer. The page shows the
 * store's display name and address when the store has set them.
 */
@Controller
class PayPages {
    private static final Pattern STORE = Pattern.compile("[A-Za-z0-9_.:-]{1,200}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EngineGateway gateway;
    private final Payments payments;
    private final SandboxProvider sandbox;
    private final StoreSettings settings;

    PayPages(EngineGateway gateway, Payments payments, SandboxProvider sandbox, StoreSettings settings) {
        this.gateway = gateway;
        this.payments = payments;
        this.sandbox = sandbox;
        this.settings = settings;
    }

    @GetMapping("/pay/{merchant}")
    String form(@PathVariable String merchant, Principal me, Model model) {
        model.addAttribute("merchant", merchant);
        boolean known = STORE.matcher(merchant).matches()
                && ConsoleCalls.await(gateway.query(engine -> engine.merchantIds().contains(merchant)));
        model.addAttribute("known", known);
        model.addAttribute("store", known ? settings.find(merchant) : null);
        model.addAttribute("key", UUID.randomUUID().toString());
        model.addAttribute("vouchersHeld", vouchersHeld(me));
        return "pay";
    }

    /**
     * The vouchers (抵用券) the signed-in customer holds, as a decimal, when the plan has green points (issue 20
     * item 1, issue 17 rule 6), else null: the pay page then shows no voucher field.
     */
    private String vouchersHeld(Principal me) {
        if (me == null) {
            return null;
        }
        String user = me.getName();
        return ConsoleCalls.await(gateway.query(engine -> engine.plan().greenPoints() == null ? null
                : Units.formatFen(engine.balance(AccountType.USER_VOUCHER, user))));
    }

    /** The key comes with the form: submitting twice finds the same payment instead of paying twice. */
    @PostMapping("/pay/{merchant}")
    String pay(@PathVariable String merchant, @RequestParam String amount,
            @RequestParam(required = false) String voucher, @RequestParam String key, Principal me, Model model) {
        model.addAttribute("merchant", merchant);
        model.addAttribute("key", key);
        model.addAttribute("known", true);
        model.addAttribute("store", settings.find(merchant));
        model.addAttribute("amount", amount);
        model.addAttribute("voucher", voucher);
        model.addAttribute("vouchersHeld", vouchersHeld(me));
        String amountText;
        String voucherText;
        try {
            amountText = Units.formatFen(Units.parseFen(amount));
            voucherText = voucher == null || voucher.isBlank() ? null : Units.formatFen(Units.parseFen(voucher));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", ConsoleCalls.says(e.getMessage()));
            return "pay";
        }
        ObjectNode request = JSON.createObjectNode();
        request.put("order", "web-" + key);
        request.put("user", me.getName());
        request.put("merchant", merchant);
        request.put("channel", "store");
        request.put("amount", amountText);
        if (voucherText != null && Units.parseFen(voucherText) != 0) {
            request.put("voucher", voucherText);
        }
        Response created = payments.create("console:" + key, JSON.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
        if (created.status() != 201) {
            model.addAttribute("error", ConsoleCalls.detail(created.body()));
            return "pay";
        }
        Map<String, Object> intent = ConsoleCalls.map(created.body());
        ConsoleCalls.await(sandbox.complete((String) intent.get("providerTransaction")));
        Map<String, Object> payment = ConsoleCalls.map(payments.find((String) intent.get("payment")).body());
        String user = me.getName();
        model.addAttribute("payment", payment);
        StoreSettings.Settings store = settings.find(merchant);
        model.addAttribute("storeName", store.displayName() == null || store.displayName().isBlank() ? merchant
                : store.displayName());
        model.addAttribute("referrer", ConsoleCalls.await(gateway.query(engine -> engine.referrerOf(user))));
        return "paid";
    }
}
