package org.zengzhi.server.party;

import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.party.PartyIds;
import org.zengzhi.server.account.AccountStore;
import org.zengzhi.server.account.PasswordPolicy;
import org.zengzhi.server.account.Role;
import org.zengzhi.server.catalogue.Products;
import org.zengzhi.server.gateway.CommandRequest;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.journal.ReadModelWrite;
import org.zengzhi.server.journal.Rejections;
import org.zengzhi.server.web.GatewayCalls;

/**
 * The supplier's use cases (issue 20 items 1–2): the operator registers a supplier bound to a new login with the
 * SUPPLIER role; the supplier lists a product (one catalogue row and one engine product with the same id) and
 * redeems its tokens. Each goes through the journal under an Idempotency-Key; the login and the catalogue row
 * are written in the same transaction as the command, and only when the engine accepted it.
 */
@Component
public class SupplierDesk {
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,64}");
    static final int NAME_LENGTH_MAX = 200;
    static final long STOCK_MAX = 1_000_000_000L;

    private final EngineGateway gateway;
    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final PartyQueries queries;
    private final Products products;

    SupplierDesk(EngineGateway gateway, AccountStore accounts, PasswordEncoder passwords, PartyQueries queries,
            org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.gateway = gateway;
        this.accounts = accounts;
        this.passwords = passwords;
        this.queries = queries;
        this.products = new Products(jdbc);
    }

    /** An operator's registration of a supplier with its login (the API's body, the console's form). */
    public record Registration(String supplier, String username, String password, String baseline, String deposit) {
    }

    record Listing(String product, String name, String price, String cost, Long stock) {
    }

    public CompletableFuture<Response> register(String key, Registration body) {
        Response problem = GatewayCalls.keyProblem(key);
        problem = problem != null ? problem : idProblem("supplier", body.supplier());
        if (problem == null && (body.username() == null || !USERNAME.matcher(body.username()).matches())) {
            problem = Problems.badRequest("username", "3 to 64 letters, digits, '_', '.' or '-'");
        }
        String refusal = problem == null ? PasswordPolicy.standard().refusal(body.username(), body.password()) : null;
        problem = refusal == null ? problem : Problems.badRequest("password", refusal);
        long baseline = problem == null ? fen(body.baseline()) : 0;
        problem = problem == null && baseline < 0 ? Problems.badRequest("baseline", "an amount such as 10000.00") : problem;
        long deposit = problem == null ? fen(body.deposit()) : 0;
        problem = problem == null && deposit < 0 ? Problems.badRequest("deposit", "an amount such as 5000.00") : problem;
        if (problem == null && !accounts.roleOf(body.username()).isEmpty()
                && !body.supplier().equals(queries.supplierOf(body.username()))) {
            problem = Problems.conflict("username", "this username is taken");
        }
        if (problem != null) {
            return CompletableFuture.completedFuture(problem);
        }
        String hash = passwords.encode(body.password());
        String request = String.join("|", body.supplier(), body.username(), String.valueOf(baseline), String.valueOf(deposit));
        return gateway.submit(new CommandRequest(
                now -> new Command.RegisterSupplier("supplier:" + key, now, body.supplier(), baseline, deposit,
                        body.username()),
                events -> registered(events, body.username()), "party-supplier:" + key, request,
                (command, events) -> Rejections.rejected(events) ? List.of() : login(command, body, hash)));
    }

    /** The login and its binding, each only if not there yet: a failed insert would fail the journal's batch. */
    private static List<ReadModelWrite> login(Command command, Registration body, String hash) {
        Timestamp at = Timestamp.from(command.at());
        return List.of(new ReadModelWrite("INSERT INTO accounts (username, password_hash, role, merchant, created_at) "
                + "SELECT ?, ?, ?, NULL, ? WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE username = ?)",
                List.of(body.username(), hash, Role.SUPPLIER.name(), at, body.username())),
                new ReadModelWrite("INSERT INTO supplier_accounts (username, supplier) SELECT ?, ? WHERE EXISTS "
                        + "(SELECT 1 FROM accounts WHERE username = ? AND role = ?) AND NOT EXISTS "
                        + "(SELECT 1 FROM supplier_accounts WHERE username = ? OR supplier = ?)",
                        List.of(body.username(), body.supplier(), body.username(), Role.SUPPLIER.name(),
                                body.username(), body.supplier())));
    }

    private static Response registered(List<Event> events, String username) {
        Event.CommandRejected rejected = Rejections.of(events);
        if (rejected != null) {
            return Problems.rejected(rejected.code().name(), rejected.field());
        }
        Event.SupplierRegistered done = (Event.SupplierRegistered) events.get(0);
        var view = PartyViews.JSON.createObjectNode();
        view.put("supplier", done.supplier());
        view.put("username", username);
        view.put("baseline", Units.formatFen(done.baselineFen()));
        view.put("deposit", Units.formatFen(done.depositFen()));
        return new Response(201, PartyViews.JSON.writeValueAsString(view));
    }

    CompletableFuture<Response> list(String key, String supplier, Listing body) {
        Response problem = GatewayCalls.keyProblem(key);
        problem = problem != null ? problem : idProblem("product", body.product());
        if (problem == null && (body.name() == null || body.name().isBlank() || body.name().length() > NAME_LENGTH_MAX)) {
            problem = Problems.badRequest("name", "a name of 1 to " + NAME_LENGTH_MAX + " characters");
        }
        long price = problem == null ? fen(body.price()) : 0;
        problem = problem == null && price <= 0 ? Problems.badRequest("price", "an amount above 0 such as 99.00") : problem;
        long cost = problem == null ? fen(body.cost() == null ? "0" : body.cost()) : 0;
        problem = problem == null && (cost < 0 || cost > price)
                ? Problems.badRequest("cost", "an amount from 0 to the price") : problem;
        long stock = body.stock() == null ? 0 : body.stock();
        problem = problem == null && (stock < 0 || stock > STOCK_MAX)
                ? Problems.badRequest("stock", "a whole number from 0 to " + STOCK_MAX) : problem;
        if (problem == null && products.byId(body.product()) != null
                && !supplier.equals(queries.supplierOfProduct(body.product()))) {
            problem = Problems.conflict("product", "the catalogue has a product with this id");
        }
        if (problem != null) {
            return CompletableFuture.completedFuture(problem);
        }
        String request = String.join("|", supplier, body.product(), body.name(), String.valueOf(price),
                String.valueOf(cost), String.valueOf(stock));
        return gateway.submit(new CommandRequest(
                now -> new Command.ListProduct("product:" + key, now, body.product(), supplier, price, cost),
                events -> rendered(events, 201), "party-product:" + supplier + ":" + key, request,
                (command, events) -> Rejections.rejected(events) ? List.of() : List.of(new ReadModelWrite(
                        "INSERT INTO products (product_id, name, price_fen, merchant_id, stock, on_shelf, image_urls, "
                                + "idem_key, request_hash, created_at, supplier_id) SELECT ?, ?, ?, NULL, ?, TRUE, '', ?, ?, "
                                + "?, ? WHERE NOT EXISTS (SELECT 1 FROM products WHERE product_id = ?)",
                        List.of(body.product(), body.name(), price, stock, "party:" + command.id(),
                                GatewayCalls.sha256(GatewayCalls.utf8(request)), Timestamp.from(command.at()), supplier,
                                body.product())))));
    }

    CompletableFuture<Response> redeemTokens(String key, String supplier, String item) {
        Response problem = GatewayCalls.keyProblem(key);
        if (problem == null && (item == null || item.isBlank() || item.length() > NAME_LENGTH_MAX)) {
            problem = Problems.badRequest("item", "a traffic package's name or " + PartyIds.FEE_DISCOUNT);
        }
        if (problem != null) {
            return CompletableFuture.completedFuture(problem);
        }
        return gateway.submit(new CommandRequest(now -> new Command.RedeemTokens("tokens:" + key, now, supplier, item),
                events -> rendered(events, 200), "party-tokens:" + supplier + ":" + key, supplier + "|" + item));
    }

    static Response rendered(List<Event> events, int status) {
        Response response = GatewayCalls.render(events);
        return response.status() == 200 ? new Response(status, response.body()) : response;
    }

    static Response idProblem(String field, String id) {
        if (id == null || id.isBlank() || id.length() > PartyIds.ID_LENGTH_MAX) {
            return Problems.badRequest(field, "an id of 1 to " + PartyIds.ID_LENGTH_MAX + " characters");
        }
        return null;
    }

    /** An amount in fen, 0 for none given, or -1 when it is not an amount. */
    static long fen(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Units.parseFen(text);
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
