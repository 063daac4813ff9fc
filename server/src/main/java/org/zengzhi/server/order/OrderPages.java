package org.zengzhi.server.order;

import java.security.Principal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.merchant.StoreSettings;

/**
 * A consumer's orders on the console (the API's /me/orders view: status, amount, points, settlement time). Mobile
 * first, linked from the wallet.
 */
@Controller
class OrderPages {
    private final OrderQueries queries;
    private final StoreSettings settings;

    OrderPages(OrderQueries queries, StoreSettings settings) {
        this.queries = queries;
        this.settings = settings;
    }

    @GetMapping("/console/orders")
    String orders(Principal me, Model model) {
        List<Map<String, Object>> orders = ConsoleCalls.list(OrderJson.ofUser(queries.ofUser(me.getName()))).stream()
                .map(OrderPages::readable).toList();
        Map<String, String> names = new HashMap<>();
        for (Map<String, Object> order : orders) {
            Object merchant = order.get("merchant");
            // A mall order has no store: the template shows 商城 / "Mall" for a null storeName (issue 20).
            order.put("storeName", merchant == null || merchant.toString().isBlank() || "null".equals(merchant)
                    ? null : names.computeIfAbsent(merchant.toString(), this::storeName));
        }
        model.addAttribute("orders", orders);
        return "orders";
    }

    /** The store's saved display name (商家设置), else its id. */
    private String storeName(String merchant) {
        String name = settings.find(merchant).displayName();
        return name == null || name.isBlank() ? merchant : name;
    }

    /** The view's fields as they are, plus its times as people read them. */
    private static Map<String, Object> readable(Map<String, Object> order) {
        Map<String, Object> row = new LinkedHashMap<>(order);
        for (String time : List.of("paidAt", "dueAt", "settledAt", "refundedAt")) {
            row.put(time + "Text", ConsoleCalls.isoTime(order.get(time)));
        }
        return row;
    }
}
