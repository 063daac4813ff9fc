package org.zengzhi.server.green;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Units;
import org.zengzhi.server.catalogue.Catalogue;
import org.zengzhi.server.catalogue.Product;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.merchant.StoreSettings;
import org.zengzhi.server.payment.Payments;
import org.zengzhi.server.web.GatewayCalls;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The console's green-points pages (issue 20 items 1, 3 and 6): the consumer's green wallet with the promoter
 * section when the user is one (mobile first), and the operator's green dashboard with the month close and the
 * promoter board. Both show the API's views, so every number is the API's; pay days are in the plan's zone.
 */
@Controller
class GreenPages {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EngineGateway gateway;
    private final GreenHistory history;
    private final Payments payments;
    private final Catalogue catalogue;
    private final StoreSettings settings;

    GreenPages(EngineGateway gateway, GreenHistory history, Payments payments, Catalogue catalogue,
            StoreSettings settings) {
        this.gateway = gateway;
        this.history = history;
        this.payments = payments;
        this.catalogue = catalogue;
        this.settings = settings;
    }

    @GetMapping("/console/green")
    String wallet(Principal me, Model model) {
        String green = GreenHistory.withDividends(ConsoleCalls.await(gateway.query(engine -> GreenViews.consumer(engine,
                me.getName()))), history.dividendsOf(me.getName(), "consumer"));
        String promoter = GreenHistory.with(ConsoleCalls.await(gateway.query(engine -> GreenViews.promoter(engine,
                me.getName()))), "income", history.incomeOf(me.getName()));
        model.addAttribute("green", green == null ? null : ConsoleCalls.map(green));
        Map<String, Object> promoterView = promoter == null ? null : ConsoleCalls.map(promoter);
        model.addAttribute("promoter", promoterView != null && Boolean.TRUE.equals(promoterView.get("promoter"))
                ? promoterView : null);
        if (green != null) {
            Map<String, String> names = new HashMap<>();
            List<Map<String, String>> stores = ConsoleCalls.await(gateway.query(Engine::merchantIds)).stream()
                    .map(merchant -> Map.of("id", merchant, "name", names.computeIfAbsent(merchant, this::storeName)))
                    .toList();
            model.addAttribute("stores", stores);
            model.addAttribute("coinProducts", catalogue.coinMall().stream().map(product -> coinProduct(product,
                    names.computeIfAbsent(product.merchant(), this::storeName))).toList());
            model.addAttribute("coinKey", UUID.randomUUID().toString());
        }
        return "green";
    }

    /**
     * 金币商城: the customer spends coins at a store, a coin payment of {@link Payments} (issue 17 rule 6); the key
     * comes with the form, so submitting twice pays once. Coins not held are refused and nothing changes.
     */
    @PostMapping("/console/green/coins")
    String coins(@RequestParam String merchant, @RequestParam String coins, @RequestParam String key, Principal me,
            RedirectAttributes flash) {
        String coinsText;
        try {
            coinsText = Units.formatFen(Units.parseFen(coins));
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("coinsError", "coins: " + e.getMessage());
            return "redirect:/console/green";
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("order", "web-coin-" + key);
        body.put("user", me.getName());
        body.put("merchant", merchant);
        body.put("channel", "coin");
        body.put("coins", coinsText);
        Response answer = payments.create("console-coin:" + key, JSON.writeValueAsString(body).getBytes(
                StandardCharsets.UTF_8));
        ConsoleCalls.flash(flash, answer, "coinsPaid", coinsText, "coinsError");
        return "redirect:/console/green";
    }

    /** A coin-mall product as the page shows it: name, first picture, coin price, stock and the store's name. */
    private static Map<String, Object> coinProduct(Product product, String storeName) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("product", product.product());
        row.put("name", product.name());
        row.put("image", product.imageUrls().isEmpty() ? null : product.imageUrls().get(0));
        row.put("coinPrice", Units.formatFen(product.coinPriceFen()));
        row.put("stock", product.stock());
        row.put("store", storeName);
        return row;
    }

    /** The store's saved display name (商家设置), else its id. */
    private String storeName(String merchant) {
        String name = settings.find(merchant).displayName();
        return name == null || name.isBlank() ? merchant : name;
    }

    /**
     * Buys a coin-mall product (金币商城, issue 20 item 1): a coin purchase of {@link Payments} naming the product
     * and quantity, so the server prices it and takes the stock; the form's key makes a second click buy once.
     */
    @PostMapping("/console/green/coins/buy")
    String buy(@RequestParam String product, @RequestParam String quantity, @RequestParam String key, Principal me,
            RedirectAttributes flash) {
        long count;
        try {
            count = Long.parseLong(quantity.strip());
        } catch (NumberFormatException e) {
            flash.addFlashAttribute("coinsError", "quantity: " + quantity);
            return "redirect:/console/green";
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("order", "web-coin-" + key);
        body.put("user", me.getName());
        body.put("channel", "coin");
        ObjectNode item = body.putArray("items").addObject();
        item.put("product", product);
        item.put("quantity", count);
        Response answer = payments.create("console-coin:" + key, JSON.writeValueAsString(body).getBytes(
                StandardCharsets.UTF_8));
        String coins = answer.status() < 300 ? JSON.readTree(answer.body()).get("coins").asString() : null;
        ConsoleCalls.flash(flash, answer, "coinsPaid", coins, "coinsError");
        return "redirect:/console/green";
    }

    @GetMapping("/console/operator/green")
    String dashboard(Model model) {
        String green = GreenHistory.with(ConsoleCalls.await(gateway.query(GreenViews::operator)), "dividends",
                history.pools());
        model.addAttribute("green", green == null ? null : ConsoleCalls.map(green));
        return "green-operator";
    }

    /** 月结 from the dashboard: one CloseMonth per month (the key is the month, so a second click answers the first). */
    @PostMapping("/console/operator/green/close")
    String close(@RequestParam String month, RedirectAttributes flash) {
        try {
            YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            flash.addFlashAttribute("closeError", "month: YYYY-MM");
            return "redirect:/console/operator/green";
        }
        ResponseEntity<String> answer = ConsoleCalls.await(GatewayCalls.submit(gateway, "green-close", "console-" + month,
                month, now -> new Command.CloseMonth("close:console-" + month, now, month)));
        ConsoleCalls.flash(flash, answer, "closed", month, "closeError");
        return "redirect:/console/operator/green";
    }
}
