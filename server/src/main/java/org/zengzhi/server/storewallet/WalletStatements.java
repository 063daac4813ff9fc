package org.zengzhi.server.storewallet;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.stereotype.Component;
import org.zengzhi.engine.Units;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.web.GatewayCalls;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The daily settlement statements of a store (结算单, {@link Statements}) and of a supplier (供应商结算单,
 * {@link SupplierStatements}), issue 19 item 2, as JSON and as CSV with the same columns, under the wallet's read
 * rule ({@link WalletAccess}: those who act for the holder, and operators). Days are those of the plan's time
 * zone (Asia/Shanghai unless it says otherwise).
 */
@Component
class WalletStatements {
    static final int DAYS_MAX = 366;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final List<String> STORE_COLUMNS = List.of("opening", "settled", "refunds", "withdrawn",
            "returned", "other", "closing", "gross", "commission");
    private static final List<String> SUPPLIER_COLUMNS = List.of("opening", "prepayments", "settlements", "clawbacks",
            "withdrawn", "returned", "other", "closing", "paid", "withdrawing");

    private final EngineGateway gateway;
    private final WalletAccess access;
    private final StatementQueries queries;

    WalletStatements(EngineGateway gateway, WalletAccess access, StatementQueries queries) {
        this.gateway = gateway;
        this.access = access;
        this.queries = queries;
    }

    /** One day's line: its date and its figures in fen, in the order of the holder's columns. */
    private record Line(LocalDate date, long[] fen) {
    }

    CompletableFuture<ResponseEntity<String>> read(WalletHolder holder, String id, int days,
            OAuth2AuthenticatedPrincipal me, boolean csv) {
        if (days < 1 || days > DAYS_MAX) {
            return GatewayCalls.done(Problems.badRequest("days", "1 to " + DAYS_MAX + " days"));
        }
        return access.known(holder, id).thenCompose(known -> {
            Response refused = access.refusedToRead(me, holder, id, known);
            if (refused != null) {
                return GatewayCalls.done(refused.status() == 403 && holder == WalletHolder.STORE
                        ? Problems.problem(403, "Forbidden", "merchant", "you may read only your own store") : refused);
            }
            return gateway.query(WalletHolder::zone).thenApply(zone -> {
                List<Line> lines = lines(holder, id, zone, days);
                List<String> columns = holder == WalletHolder.STORE ? STORE_COLUMNS : SUPPLIER_COLUMNS;
                return csv ? ResponseEntity.ok().contentType(CSV).body(csv(columns, lines))
                        : GatewayCalls.json(json(holder, id, zone, columns, lines));
            });
        });
    }

    private List<Line> lines(WalletHolder holder, String id, ZoneId zone, int days) {
        if (holder == WalletHolder.STORE) {
            return queries.statements(id, zone, days).stream().map(day -> new Line(day.date(), new long[] {
                day.openingFen(), day.settledFen(), day.refundsFen(), day.withdrawnFen(), day.returnedFen(),
                day.otherFen(), day.closingFen(), day.grossFen(), day.commissionFen()})).toList();
        }
        return queries.supplierStatements(id, zone, days).stream().map(day -> new Line(day.date(), new long[] {
            day.openingFen(), day.prepaymentsFen(), day.settlementsFen(), day.clawbacksFen(), day.withdrawnFen(),
            day.returnedFen(), day.otherFen(), day.closingFen(), day.paidFen(), day.withdrawingFen()})).toList();
    }

    private static String json(WalletHolder holder, String id, ZoneId zone, List<String> columns, List<Line> lines) {
        ObjectNode view = JSON.createObjectNode();
        view.put(holder.field, id);
        view.put("timeZone", zone.getId());
        ArrayNode rows = view.putArray("days");
        for (Line line : lines) {
            ObjectNode row = rows.addObject();
            row.put("date", line.date().toString());
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i), Units.formatFen(line.fen()[i]));
            }
        }
        return JSON.writeValueAsString(view);
    }

    private static String csv(List<String> columns, List<Line> lines) {
        StringBuilder out = new StringBuilder("date,").append(String.join(",", columns)).append('\n');
        for (Line line : lines) {
            out.append(line.date());
            for (long fen : line.fen()) {
                out.append(',').append(Units.formatFen(fen));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
