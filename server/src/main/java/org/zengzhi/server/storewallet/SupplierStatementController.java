package org.zengzhi.server.storewallet;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.green.GreenRules;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.web.GatewayCalls;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A supplier's daily settlement statements (供应商结算单, issue 19 item 2, four-party plans), as JSON and as CSV,
 * under the supplier wallet's access rules ({@link SupplierAccess}: its owner, its bound login, operators). Days
 * are those of the plan's time zone.
 */
@RestController
@RequestMapping("/api/v1/suppliers/{supplier}")
class SupplierStatementController {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final String CSV_HEADER = "date,opening,prepayments,settlements,clawbacks,withdrawn,returned,"
            + "other,closing,paid,withdrawing\n";

    private final EngineGateway gateway;
    private final StatementQueries queries;
    private final SupplierAccess access;

    SupplierStatementController(EngineGateway gateway, StatementQueries queries, SupplierAccess access) {
        this.gateway = gateway;
        this.queries = queries;
        this.access = access;
    }

    @GetMapping("/statements")
    CompletableFuture<ResponseEntity<String>> statements(@PathVariable String supplier,
            @RequestParam(defaultValue = "30") int days, @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return read(supplier, days, me, false);
    }

    @GetMapping("/statements.csv")
    CompletableFuture<ResponseEntity<String>> csv(@PathVariable String supplier,
            @RequestParam(defaultValue = "30") int days, @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return read(supplier, days, me, true);
    }

    private CompletableFuture<ResponseEntity<String>> read(String supplier, int days,
            OAuth2AuthenticatedPrincipal me, boolean csv) {
        if (days < 1 || days > StatementController.DAYS_MAX) {
            return GatewayCalls.done(Problems.badRequest("days", "1 to " + StatementController.DAYS_MAX + " days"));
        }
        return access.known(supplier).thenCompose(known -> {
            Response refused = access.refusedToRead(me, supplier, known);
            if (refused != null) {
                return GatewayCalls.done(refused);
            }
            return gateway.query(SupplierStatementController::zone).thenApply(zone -> {
                List<SupplierStatements.Day> rows = queries.supplierStatements(supplier, zone, days);
                return csv ? ResponseEntity.ok().contentType(CSV).body(csv(rows))
                        : GatewayCalls.json(json(supplier, zone, rows));
            });
        });
    }

    static ZoneId zone(Engine engine) {
        GreenRules green = engine.plan().greenPoints();
        return green == null ? GreenRules.SHANGHAI : green.timeZone();
    }

    private static String[] figures(SupplierStatements.Day day) {
        return new String[] {Units.formatFen(day.openingFen()), Units.formatFen(day.prepaymentsFen()),
            Units.formatFen(day.settlementsFen()), Units.formatFen(day.clawbacksFen()),
            Units.formatFen(day.withdrawnFen()), Units.formatFen(day.returnedFen()), Units.formatFen(day.otherFen()),
            Units.formatFen(day.closingFen()), Units.formatFen(day.paidFen()), Units.formatFen(day.withdrawingFen())};
    }

    private static String json(String supplier, ZoneId zone, List<SupplierStatements.Day> statements) {
        String[] names = CSV_HEADER.strip().split(",");
        ObjectNode view = JSON.createObjectNode();
        view.put("supplier", supplier);
        view.put("timeZone", zone.getId());
        ArrayNode rows = view.putArray("days");
        for (SupplierStatements.Day day : statements) {
            ObjectNode row = rows.addObject();
            row.put("date", day.date().toString());
            String[] figures = figures(day);
            for (int i = 0; i < figures.length; i++) {
                row.put(names[i + 1], figures[i]);
            }
        }
        return JSON.writeValueAsString(view);
    }

    private static String csv(List<SupplierStatements.Day> statements) {
        StringBuilder out = new StringBuilder(CSV_HEADER);
        for (SupplierStatements.Day day : statements) {
            out.append(day.date()).append(',').append(String.join(",", figures(day))).append('\n');
        }
        return out.toString();
    }
}
