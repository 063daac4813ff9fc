package org.zengzhi.server.party;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;
import org.zengzhi.engine.Units;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The four-party views as the API and the console show them (issue 20 items 2–4): the engine's half from
 * {@link PartyViews} and the read model's rows from {@link PartyQueries}. Times are ISO instants here; the
 * console shows them in the plan's zone. The rows are read off the replica's thread (thenApplyAsync), which
 * only runs engine queries.
 */
@Component
class PartyService {
    private final EngineGateway gateway;
    private final PartyQueries queries;

    PartyService(EngineGateway gateway, PartyQueries queries) {
        this.gateway = gateway;
        this.queries = queries;
    }

    /** A supplier's page: money, products with stock and ratings, orders, totals by status, tokens and deposit. */
    CompletableFuture<Response> supplier(String supplier) {
        return gateway.query(engine -> PartyViews.supplier(engine, supplier)).thenApplyAsync(view -> {
            if (view == null) {
                return Problems.problem(404, "Not found", "id", "no supplier " + supplier);
            }
            view.put("login", queries.loginOf(supplier));
            ArrayNode products = view.putArray("products");
            for (Map<String, Object> row : queries.supplierProducts(supplier)) {
                ObjectNode product = products.addObject();
                product.put("product", (String) row.get("product"));
                product.put("name", (String) row.get("name"));
                product.put("price", PartyViews.fen(row.get("price_fen")));
                product.put("cost", PartyViews.fen(row.get("cost_fen")));
                product.put("stock", row.get("stock") == null ? null : ((Number) row.get("stock")).longValue());
                long ratings = ((Number) row.get("ratings")).longValue();
                product.put("ratings", ratings);
                product.put("rating", ratings == 0 ? null
                        : Units.format(((Number) row.get("rating_sum")).longValue() / ratings, 2));
            }
            orders(view.putArray("orders"), queries.supplierOrders(supplier));
            ObjectNode totals = view.putObject("totals");
            for (Map<String, Object> row : queries.supplierTotals(supplier)) {
                ObjectNode status = totals.putObject((String) row.get("status"));
                status.put("orders", ((Number) row.get("orders")).longValue());
                status.put("amount", PartyViews.fen(row.get("amount_fen")));
                status.put("prepaid", PartyViews.fen(row.get("prepaid_fen")));
                status.put("settled", PartyViews.fen(row.get("settled_fen")));
            }
            history(view.putArray("history"), queries.history(supplier, List.of("TOKENS", "PENALTY", "BONUS")));
            return ok(view);
        });
    }

    /** The consumer's 贡献值 wallet: balances, transfer fee, orders (held ones 待审核) and reward history. */
    CompletableFuture<Response> consumer(String user) {
        return gateway.query(engine -> PartyViews.consumer(engine, user)).thenApplyAsync(view -> {
            if (view == null) {
                return noParty();
            }
            orders(view.putArray("orders"), queries.consumerOrders(user));
            history(view.putArray("history"), queries.history(user,
                    List.of("REBATE", "TRANSFER_OUT", "TRANSFER_IN", "REDEEMED", "SPENT")));
            return ok(view);
        });
    }

    /** The promoter's ladder page: rank and thresholds, credit score, commissions earned and withheld. */
    CompletableFuture<Response> promoter(String user) {
        return gateway.query(engine -> PartyViews.promoter(engine, user)).thenApplyAsync(view -> {
            if (view == null) {
                return noParty();
            }
            List<Map<String, Object>> promoted = queries.promotedOrders(user);
            long earned = 0;
            long withheld = 0;
            long pending = 0;
            for (Map<String, Object> row : promoted) {
                earned += row.get("commission_fen") == null ? 0 : ((Number) row.get("commission_fen")).longValue();
                withheld += row.get("withheld_fen") == null ? 0 : ((Number) row.get("withheld_fen")).longValue();
                pending += "PAID".equals(row.get("status")) ? ((Number) row.get("amount_fen")).longValue() : 0;
            }
            view.put("commissionEarned", Units.formatFen(earned));
            view.put("commissionWithheld", Units.formatFen(withheld));
            view.put("salesAwaitingSettlement", Units.formatFen(pending));
            orders(view.putArray("orders"), promoted);
            return ok(view);
        });
    }

    /** The rate of a 贡献值 transfer, for the fee preview. */
    CompletableFuture<Long> transferFeePpm() {
        return gateway.query(engine -> engine.party() == null ? -1L
                : engine.party().model().rules().contribTransferFeePpm());
    }

    static Response noParty() {
        return Problems.problem(404, "Not found", "plan", "the plan in force has no four-party section (四方共赢)");
    }

    private static Response ok(ObjectNode view) {
        return new Response(200, PartyViews.JSON.writeValueAsString(view));
    }

    private static void orders(ArrayNode target, List<Map<String, Object>> rows) {
        for (Map<String, Object> row : rows) {
            ObjectNode order = target.addObject();
            order.put("order", (String) row.get("order_id"));
            order.put("user", (String) row.get("username"));
            order.put("product", (String) row.get("product"));
            order.put("productName", (String) row.get("product_name"));
            order.put("supplier", (String) row.get("supplier"));
            order.put("promoter", (String) row.get("promoter"));
            order.put("amount", PartyViews.fen(row.get("amount_fen")));
            order.put("contrib", PartyViews.fen(row.get("contrib_fen")));
            order.put("prepaid", PartyViews.fen(row.get("prepaid_fen")));
            order.put("status", (String) row.get("status"));
            order.put("risk", (String) row.get("risk"));
            order.put("underReview", PartyQueries.underReview((String) row.get("risk")));
            order.put("paidAt", iso(row.get("paid_at")));
            order.put("settledAt", iso(row.get("settled_at")));
            order.put("refundedAt", iso(row.get("refunded_at")));
            order.put("supplierSettled", PartyViews.fen(row.get("supplier_settled_fen")));
            order.put("rebate", PartyViews.fen(row.get("rebate_fen")));
            order.put("commission", PartyViews.fen(row.get("commission_fen")));
            order.put("withheld", PartyViews.fen(row.get("withheld_fen")));
            order.put("held", PartyViews.fen(row.get("held_fen")));
            order.put("tokens", PartyViews.fen(row.get("stoken_fen")));
            order.put("clawedBack", PartyViews.fen(row.get("clawed_back_fen")));
        }
    }

    private static void history(ArrayNode target, List<Map<String, Object>> rows) {
        for (Map<String, Object> row : rows) {
            ObjectNode entry = target.addObject();
            entry.put("at", iso(row.get("at")));
            entry.put("kind", (String) row.get("kind"));
            entry.put("amount", PartyViews.fen(row.get("amount_fen")));
            entry.put("fee", PartyViews.fen(row.get("fee_fen")));
            entry.put("other", (String) row.get("other"));
        }
    }

    static String iso(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        return value instanceof OffsetDateTime offset ? offset.toInstant().toString() : null;
    }
}
