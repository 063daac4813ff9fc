package org.zengzhi.server.order;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Event;
import org.zengzhi.server.coinmall.CoinOrders;
import org.zengzhi.server.gateway.CommandRequest;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.web.GatewayCalls;

/**
 * What happens to an order after payment: each action one journaled command under its own idempotency
 * scope, named by the scope and the key, hashed over the order. Who may act is checked by the caller.
 */
@Component
class OrderActions {
    private final EngineGateway gateway;

    OrderActions(EngineGateway gateway) {
        this.gateway = gateway;
    }

    /** 确认收货: the return window of a mall order starts now. */
    CompletableFuture<ResponseEntity<String>> confirmReceipt(String order, String key) {
        return GatewayCalls.submit(gateway, "receipt", key, order,
                now -> new Command.ConfirmReceipt("receipt:" + key, now, order));
    }

    /**
     * 退款: before settlement nothing of the order remains; after, the merchant funds it. A coin-mall order's
     * products go back to stock in the refund's own journal transaction (issue 20 item 1), so only once.
     */
    CompletableFuture<ResponseEntity<String>> refund(String order, String key) {
        Response problem = GatewayCalls.keyProblem(key);
        if (problem != null) {
            return GatewayCalls.done(problem);
        }
        CommandRequest request = new CommandRequest(now -> new Command.RefundOrder("refund:" + key, now, order),
                GatewayCalls::render, "refund:" + key, order, (command, events) -> events.stream()
                        .anyMatch(Event.OrderRefunded.class::isInstance) ? List.of(CoinOrders.restock(order)) : List.of());
        return gateway.submit(request).thenApply(GatewayCalls::entity);
    }
}
