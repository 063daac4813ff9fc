package org.zengzhi.server.order;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zengzhi.server.console.ConsoleCalls;

/**
 * A consumer's orders on the console (the API's /me/orders view: status, amount, points, settlement time). Mobile
 * first, linked from the wallet.
 */
@Controller
class OrderPages {
    private final OrderQueries queries;

    OrderPages(OrderQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/console/orders")
    String orders(Principal me, Model model) {
        List<Map<String, Object>> orders = ConsoleCalls.list(OrderJson.ofUser(queries.ofUser(me.getName()))).stream()
                .map(OrderPages::readable).toList();
        model.addAttribute("orders", orders);
        return "orders";
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
