package org.zengzhi.server.payment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.engine.Units;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The built-in sandbox provider. It plays the part of an outside payment provider: it keeps its own
 * transactions ({@code sandbox_transactions}), and when the customer "pays" at the pay URL it sends the
 * server a signed callback over real HTTP, exactly as WeChat Pay or Alipay would, so the whole verified
 * path runs in development and tests. Likewise for payouts: a transfer waits until the "bank" answers
 * ({@link #completeTransfer}), then the sandbox sends the signed payout callback. Refunds are recorded at
 * once. It moves no money.
 */
public final class SandboxProvider implements PaymentProvider {
    public static final String NAME = "sandbox";
    static final String CALLBACK_PATH = "/api/v1/payments/callback/" + NAME;
    static final String PAYOUT_CALLBACK_PATH = "/api/v1/payouts/callback/" + NAME;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final String secret;
    private final CallbackVerifier verifier;
    private final LocalServer server;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(SEND_TIMEOUT).build();

    public SandboxProvider(JdbcTemplate jdbc, String configuredSecret, Duration window, Clock clock, LocalServer server) {
        this.jdbc = jdbc;
        this.secret = SandboxSecret.resolve(jdbc, NAME, configuredSecret);
        this.verifier = new CallbackVerifier(NAME, secret, window, clock, new JdbcNonceStore(jdbc, window, clock));
        this.server = server;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderPayment create(String orderId, long amountFen, String description) {
        String transaction = "sbx_" + randomHex(12);
        jdbc.update("INSERT INTO sandbox_transactions (transaction_id, order_id, amount_fen, description, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", transaction, orderId, amountFen, description, Timestamp.from(clock.instant()));
        return new ProviderPayment(transaction, server.baseUrl() + "/api/v1/payments/sandbox/" + transaction + "/complete");
    }

    @Override
    public CallbackVerification verify(Map<String, String> headers, byte[] body) {
        Object checked = verifiedJson(headers, body);
        if (checked instanceof Refused refused) {
            return refused;
        }
        JsonNode tree = (JsonNode) checked;
        String transaction = text(tree, "providerTransaction");
        String order = text(tree, "order");
        String amount = text(tree, "amount");
        if (transaction == null || order == null || amount == null) {
            return new Refused(400, transaction == null ? "providerTransaction" : order == null ? "order" : "amount",
                    "is missing from the notification");
        }
        if (!"SUCCESS".equals(text(tree, "status"))) {
            return new Refused(400, "status", "the sandbox only notifies successful payments (\"SUCCESS\")");
        }
        try {
            return new Verified(new Notification(transaction, order, Units.parseFen(amount)));
        } catch (IllegalArgumentException e) {
            return new Refused(400, "amount", e.getMessage());
        }
    }

    /**
     * The customer pays: the sandbox signs a notification of its transaction and POSTs it to the server's
     * callback endpoint. Completes with the callback's HTTP answer; null if the transaction is not the
     * sandbox's. Every call is a new delivery (new timestamp and nonce), as a provider's retries are.
     */
    public CompletableFuture<HttpResponse<String>> complete(String transaction) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT order_id, amount_fen FROM sandbox_transactions WHERE transaction_id = ?", transaction);
        if (rows.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        ObjectNode notification = JSON.createObjectNode();
        notification.put("providerTransaction", transaction);
        notification.put("order", (String) rows.get(0).get("order_id"));
        notification.put("amount", Units.formatFen(((Number) rows.get(0).get("amount_fen")).longValue()));
        notification.put("status", "SUCCESS");
        return send(CALLBACK_PATH, notification);
    }

    @Override
    public String refund(String providerTransaction, String refundId, long amountFen) {
        List<Map<String, Object>> paid = jdbc.queryForList(
                "SELECT amount_fen FROM sandbox_transactions WHERE transaction_id = ?", providerTransaction);
        if (paid.isEmpty() || ((Number) paid.get(0).get("amount_fen")).longValue() < amountFen) {
            throw new IllegalArgumentException("the sandbox cannot refund " + Units.formatFen(amountFen)
                    + " of transaction " + providerTransaction);
        }
        String refund = "sbr_" + refundId;
        if (jdbc.queryForList("SELECT refund_id FROM sandbox_refunds WHERE refund_id = ?", refund).isEmpty()) {
            jdbc.update("INSERT INTO sandbox_refunds (refund_id, transaction_id, amount_fen, created_at) VALUES "
                    + "(?, ?, ?, ?)", refund, providerTransaction, amountFen, Timestamp.from(clock.instant()));
        }
        return refund;
    }

    @Override
    public String transfer(String withdrawal, String user, long amountFen) {
        List<String> known = jdbc.queryForList("SELECT transfer_id FROM sandbox_transfers WHERE withdrawal_id = ?",
                String.class, withdrawal);
        if (!known.isEmpty()) {
            return known.get(0);
        }
        String transfer = "sbt_" + randomHex(12);
        jdbc.update("INSERT INTO sandbox_transfers (transfer_id, withdrawal_id, user_id, amount_fen, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", transfer, withdrawal, user, amountFen, Timestamp.from(clock.instant()));
        return transfer;
    }

    @Override
    public TransferVerification verifyTransfer(Map<String, String> headers, byte[] body) {
        Object checked = verifiedJson(headers, body);
        if (checked instanceof Refused refused) {
            return refused;
        }
        JsonNode tree = (JsonNode) checked;
        for (String field : List.of("providerTransfer", "withdrawal", "amount", "status")) {
            if (text(tree, field) == null) {
                return new Refused(400, field, "is missing from the notification");
            }
        }
        String status = text(tree, "status");
        if (!"SUCCESS".equals(status) && !"FAILED".equals(status)) {
            return new Refused(400, "status", "must be \"SUCCESS\" or \"FAILED\"");
        }
        try {
            return new TransferVerified(new TransferNotification(text(tree, "providerTransfer"), text(tree, "withdrawal"),
                    Units.parseFen(text(tree, "amount")), "SUCCESS".equals(status), text(tree, "reason")));
        } catch (IllegalArgumentException e) {
            return new Refused(400, "amount", e.getMessage());
        }
    }

    /**
     * The bank answers a transfer: the sandbox signs the outcome (paid, or failed with {@code reason}) and
     * POSTs it to the server's payout callback. Null if the transfer is not the sandbox's. Each call is a new
     * delivery, as a provider's retries are.
     */
    public CompletableFuture<HttpResponse<String>> completeTransfer(String transfer, boolean paid, String reason) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT withdrawal_id, amount_fen FROM sandbox_transfers WHERE transfer_id = ?", transfer);
        if (rows.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        ObjectNode notification = JSON.createObjectNode();
        notification.put("providerTransfer", transfer);
        notification.put("withdrawal", (String) rows.get(0).get("withdrawal_id"));
        notification.put("amount", Units.formatFen(((Number) rows.get(0).get("amount_fen")).longValue()));
        notification.put("status", paid ? "SUCCESS" : "FAILED");
        if (!paid && reason != null) {
            notification.put("reason", reason);
        }
        return send(PAYOUT_CALLBACK_PATH, notification);
    }

    /** The body as JSON once the signature, freshness and nonce are verified; otherwise why it was refused. */
    private Object verifiedJson(Map<String, String> headers, byte[] body) {
        Refused refused = verifier.refusal(headers, body);
        if (refused != null) {
            return refused;
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return new Refused(400, null, "the body is not valid JSON");
        }
    }

    /** Signs a notification with a fresh timestamp and nonce and POSTs it to the server. */
    private CompletableFuture<HttpResponse<String>> send(String path, ObjectNode notification) {
        byte[] body = JSON.writeValueAsString(notification).getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = randomHex(16);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(SEND_TIMEOUT).header("Content-Type", "application/json")
                .header(CallbackSignature.TIMESTAMP_HEADER, timestamp).header(CallbackSignature.NONCE_HEADER, nonce)
                .header(CallbackSignature.SIGNATURE_HEADER, CallbackSignature.sign(secret, timestamp, nonce, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private static String text(JsonNode tree, String field) {
        JsonNode value = tree == null ? null : tree.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }
}
