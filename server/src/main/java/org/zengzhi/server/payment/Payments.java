package org.zengzhi.server.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.Problem;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.server.coinmall.CoinOrders;
import org.zengzhi.server.gateway.CommandRequest;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.journal.ReadModelWrite;
import org.zengzhi.server.journal.Rejections;
import org.zengzhi.server.payment.PaymentProvider.CallbackVerification;
import org.zengzhi.server.payment.PaymentProvider.Notification;
import org.zengzhi.server.payment.PaymentProvider.ProviderPayment;
import org.zengzhi.server.payment.PaymentProvider.Refused;
import org.zengzhi.server.payment.PaymentProvider.Verified;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Payments: an intent is created at a provider; the provider's verified callback submits the
 * engine's {@code PayOrder} through the gateway. The callback is idempotent by provider transaction: the
 * gateway keeps its first answer under the transaction's key, so every later delivery (a retry with a new
 * nonce, or a concurrent duplicate) gets the same answer and changes nothing. The intent's new status is
 * written in the same database transaction as the journal row.
 */
public final class Payments {
    private static final Logger LOG = LoggerFactory.getLogger(Payments.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How many times a coin-mall purchase is tried when the stock changes between its check and its commit. */
    static final int COIN_TRIES = 3;

    private final PaymentIntents intents;
    private final Map<String, PaymentProvider> providers;
    private final PaymentProvider defaultProvider;
    private final EngineGateway gateway;
    private final Pricing pricing;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final StockLocks stockLocks = new StockLocks();

    public Payments(PaymentIntents intents, List<PaymentProvider> providers, String defaultProvider,
            EngineGateway gateway, Pricing pricing, Clock clock) {
        this.intents = intents;
        this.providers = providers.stream().collect(Collectors.toUnmodifiableMap(
                PaymentProvider::name, provider -> provider));
        this.defaultProvider = this.providers.get(defaultProvider);
        if (this.defaultProvider == null) {
            throw new IllegalStateException("zengzhi.payments.provider: no provider named " + defaultProvider
                    + " (known: " + this.providers.keySet() + ")");
        }
        this.gateway = gateway;
        this.pricing = pricing;
        this.clock = clock;
    }

    /**
     * Creates a payment for an order at the default provider (201), after validating the body. A retry
     * with the same Idempotency-Key and body gets the first answer; another body under the key, or a
     * second payment for the same order, is a conflict (409).
     */
    public Response create(String idempotencyKey, byte[] body) {
        // The first answer is kept before anything is priced again: a retry after the last item sold still
        // gets its payment.
        String hash = sha256(body);
        PaymentIntent known = intents.byIdempotencyKey(idempotencyKey);
        if (known != null) {
            return replay(known, hash);
        }
        PaymentRequest request;
        List<Pricing.Item> items;
        try {
            Response first = coinPurchaseAnswered(body, hash);
            if (first != null) {
                return first;
            }
            request = parse(body);
            items = PaymentRequest.items(body);
        } catch (InvalidFieldException e) {
            return Problems.badRequest(e.field(), e.field() == null ? e.getMessage()
                    : "field \"" + e.field() + "\": " + e.getMessage());
        } catch (Pricing.RefusedException e) {
            return Problems.rejected(e.code(), e.field());
        }
        if (request.channel() == Channel.COIN) {
            return items == null ? payCoins(request, hash) : buyWithCoins(request, hash, items);
        }
        if (intents.byOrder(request.order()) != null) {
            return orderTaken(request.order());
        }
        Problem refusal = engineRefusal(request);
        if (refusal != null) {
            return Problems.rejected(refusal.code().name(), refusal.field());
        }
        if (items != null && !pricing.take(items)) {
            return Problems.rejected("OUT_OF_STOCK", "items");
        }
        return createAtProvider(idempotencyKey, hash, request, items);
    }

    /**
     * A coin-mall payment (金币商城, issue 17 rule 6) is paid in coins alone, so no provider and no intent take part:
     * the engine's PayOrder goes through the gateway at once, idempotent by order (a retry with the same body gets
     * the first answer, another body for the order is a conflict). Coins not held are refused by the engine with
     * INSUFFICIENT_COINS and nothing changes; the refusal is the first answer of that order.
     */
    private Response payCoins(PaymentRequest request, String hash) {
        CommandRequest pay = new CommandRequest(request::payOrder, events -> coinAnswer(request, events),
                "payments:coin:" + request.order(), hash);
        return gateway.submit(pay).join();
    }

    /**
     * The first answer of a coin-mall purchase already made (or a conflict for another body), before the cart is
     * priced again: a retry after the last item sold still gets its result. Null when it is not one.
     */
    private Response coinPurchaseAnswered(byte[] body, String hash) throws InvalidFieldException {
        String order = PaymentRequest.coinPurchaseOrder(body);
        return order == null || !gateway.answered("payments:coin:" + order) ? null : answeredCoinPurchase(order, hash);
    }

    /** The first answer kept under a coin-mall order's key, or a conflict for another body. */
    private Response answeredCoinPurchase(String order, String hash) {
        return gateway.submit(new CommandRequest(at -> {
            throw new IllegalStateException("answered from the idempotency record");
        }, events -> null, "payments:coin:" + order, hash)).join();
    }

    /**
     * A coin-mall purchase of products (金币商城, issue 20 item 1): coins not held are refused before anything
     * changes. The stock is taken in the PayOrder's own journal transaction, by a conditional update (never below
     * zero) written only when the engine accepts it, so a crash can never lose stock and a refused payment, or a
     * retry answered from its first record, takes none. Purchases of one product go one at a time from the stock
     * check to the commit ({@link StockLocks}); if another writer (a mall cart, an operator's write-off) takes the
     * last item between the check and the commit, the batch is rolled back and the purchase checked again.
     */
    private Response buyWithCoins(PaymentRequest request, String hash, List<Pricing.Item> items) {
        String key = "payments:coin:" + request.order();
        for (int attempt = 1; ; attempt++) {
            StockLocks.Held held = stockLocks.lock(items);
            try {
                if (gateway.answered(key)) {
                    return answeredCoinPurchase(request.order(), hash); // a concurrent duplicate committed first
                }
                pricing.priceInCoins(items); // still on the shelf and in stock
                Problem refusal = engineRefusal(request);
                if (refusal != null) {
                    return Problems.rejected(refusal.code().name(), refusal.field());
                }
                return gateway.submit(coinPurchase(request, hash, items)).join();
            } catch (Pricing.RefusedException e) {
                return Problems.rejected(e.code(), e.field());
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof ReadModelWrite.NotApplied) || attempt == COIN_TRIES) {
                    throw e;
                }
                LOG.info("coin-mall order {}: the stock changed before it was committed; checking again",
                        request.order());
            } finally {
                held.close();
            }
        }
    }

    private static CommandRequest coinPurchase(PaymentRequest request, String hash, List<Pricing.Item> items) {
        return new CommandRequest(request::payOrder, events -> coinAnswer(request, events),
                "payments:coin:" + request.order(), hash, (command, events) -> Rejections.of(events) != null ? List.of()
                        : CoinOrders.take(request.order(), items));
    }

    private static Response coinAnswer(PaymentRequest request, List<Event> events) {
        Event.CommandRejected rejected = Rejections.of(events);
        if (rejected != null) {
            return Problems.rejected(rejected.code().name(), rejected.field());
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("order", request.order());
        body.put("user", request.user());
        body.put("merchant", request.merchant());
        body.put("channel", "coin");
        body.put("coins", Units.formatFen(request.amountFen()));
        body.put("status", PaymentIntent.Status.PAID.name());
        return new Response(200, JSON.writeValueAsString(body));
    }

    /** The body parsed, a mall cart priced from the catalogue. */
    public PaymentRequest parse(byte[] body) throws InvalidFieldException, Pricing.RefusedException {
        return PaymentRequest.parse(body, pricing);
    }

    /**
     * The first answer to a payment created under {@code idempotencyKey}: its 201 again for the same request hash,
     * a 409 for another; null when no payment has the key.
     */
    public Response replayed(String idempotencyKey, String hash) {
        PaymentIntent known = intents.byIdempotencyKey(idempotencyKey);
        return known == null ? null : replay(known, hash);
    }

    /**
     * A four-party order's cash part as a payment at the default provider (issue 20 item 3), after the caller has
     * checked everything the engine would refuse and taken the stock of {@code items} (given back here if the
     * intent is not stored). The paid callback submits {@code purchase}'s PayPartyOrder.
     */
    public Response createParty(String idempotencyKey, String hash, String order, String user, long cashFen,
            PartyPurchase purchase, List<Pricing.Item> items) {
        if (intents.byOrder(order) != null) {
            if (items != null) {
                pricing.giveBack(items);
            }
            PaymentIntent first = intents.byIdempotencyKey(idempotencyKey);
            return first != null ? replay(first, hash) : orderTaken(order);
        }
        PaymentRequest request = new PaymentRequest(order, user, null, Channel.MALL, cashFen, 0, null, null);
        return createAtProvider(idempotencyKey, hash, request, items, purchase);
    }

    /** Creates the intent at the provider and stores it; the cart's stock goes back if the intent is not stored. */
    private Response createAtProvider(String idempotencyKey, String hash, PaymentRequest request,
            List<Pricing.Item> items) {
        return createAtProvider(idempotencyKey, hash, request, items, null);
    }

    private Response createAtProvider(String idempotencyKey, String hash, PaymentRequest request,
            List<Pricing.Item> items, PartyPurchase party) {
        ProviderPayment created = defaultProvider.create(request.order(), request.cashFen(),
                "order " + request.order());
        PaymentIntent intent = new PaymentIntent("pay_" + randomHex(12), idempotencyKey, hash, request,
                defaultProvider.name(), created.providerTransaction(), created.payUrl(), PaymentIntent.Status.CREATED,
                null, clock.instant(), null, null, party);
        try {
            intents.insert(intent);
            if (items != null) {
                intents.insertItems(intent.payment(), items);
            }
        } catch (DuplicateKeyException e) {
            // A concurrent request with the same key or order won; answer as if this one came second.
            if (items != null) {
                pricing.giveBack(items);
            }
            PaymentIntent first = intents.byIdempotencyKey(idempotencyKey);
            return first != null ? replay(first, hash) : orderTaken(request.order());
        }
        return new Response(201, intent.createdBody());
    }

    /**
     * What the engine would refuse this payment for now (unknown or suspended merchant, deduction points not
     * held, unknown region, ...), asked of the read replica so it never waits behind writes. A change between
     * this answer and the callback is still caught by the engine, which refunds the payment then.
     */
    private Problem engineRefusal(PaymentRequest request) {
        Command.PayOrder pay = request.payOrder(clock.instant());
        return gateway.query(engine -> engine.models().orders().paymentProblem(pay)).join();
    }

    private static Response replay(PaymentIntent known, String hash) {
        return known.requestHash().equals(hash) ? new Response(201, known.createdBody())
                : Problems.conflict("Idempotency-Key", "this key was used with a different request body");
    }

    private static Response orderTaken(String order) {
        return Problems.conflict("order", "order " + order + " already has a payment");
    }

    /** The user a payment is for, or null for an unknown payment. */
    public String payer(String payment) {
        PaymentIntent intent = intents.byPayment(payment);
        return intent == null ? null : intent.request().user();
    }

    /** The user who pays a provider's transaction, or null when no payment has that transaction. */
    public String payerOfTransaction(String provider, String transaction) {
        PaymentIntent intent = intents.byProviderTransaction(provider, transaction);
        return intent == null ? null : intent.request().user();
    }

    /** The payment's current state, or 404. */
    public Response find(String payment) {
        PaymentIntent intent = intents.byPayment(payment);
        return intent == null ? Problems.problem(404, "Not found", "payment", "no payment " + payment)
                : new Response(200, intent.view());
    }

    /** The provider of a name, or null. */
    public PaymentProvider provider(String name) {
        return providers.get(name);
    }

    PaymentProvider defaultProvider() {
        return defaultProvider;
    }

    Map<String, PaymentProvider> providers() {
        return providers;
    }

    /**
     * Gives an order's money back at its provider if it is owed: its payment FAILED (the engine refused the
     * order when the provider's callback came), or it was PAID and the order has been refunded. With
     * {@code restock} (a failed payment, or a refund before settlement) its cart goes back to stock. Once per
     * payment: the provider is idempotent by refund id, and the refund is recorded once. False when nothing
     * was owed.
     */
    public boolean refundIfOwed(String order, boolean restock) {
        List<PaymentIntent> owed = intents.owedRefunds("order_id = ?", 1, order);
        return !owed.isEmpty() && refund(owed.get(0), restock);
    }

    /** Refunds every payment whose money is owed back (after a crash, or a provider that did not answer). */
    public int refundAllOwed() {
        int refunded = 0;
        for (PaymentIntent intent : intents.owedRefunds("1 = 1", 1_000)) {
            try {
                refunded += refund(intent, intent.status() == PaymentIntent.Status.FAILED) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warn("refund of payment {} not made yet: {}", intent.payment(), e.getMessage());
            }
        }
        return refunded;
    }

    /**
     * Refunds a payment at its provider and records it once; with {@code restock}, its cart goes back to stock in
     * that same once (the recording is a conditional update, so it is never given back twice).
     */
    private boolean refund(PaymentIntent intent, boolean restock) {
        PaymentProvider provider = providers.get(intent.provider());
        String refund = provider.refund(intent.providerTransaction(), "rf_" + intent.payment(),
                intent.request().cashFen());
        boolean recorded = intents.refunded(intent.payment(), refund, clock.instant());
        if (recorded && restock) {
            pricing.giveBack(intents.items(intent.payment()));
        }
        if (recorded) {
            LOG.info("payment {} of order {} refunded at {} as {}", intent.payment(), intent.request().order(),
                    provider.name(), refund);
        }
        return recorded;
    }

    /**
     * A provider's callback: refused unless the provider verifies it; otherwise the intent's PayOrder goes
     * through the gateway once, keyed by the provider transaction, and every delivery gets the first answer.
     */
    public CompletableFuture<Response> callback(String providerName, Map<String, String> headers, byte[] body) {
        PaymentProvider provider = providers.get(providerName);
        if (provider == null) {
            return done(Problems.problem(404, "Not found", "provider", "no payment provider " + providerName));
        }
        CallbackVerification verification = provider.verify(headers, body);
        if (verification instanceof Refused refused) {
            LOG.warn("refused a {} callback: {} {}", providerName, refused.field(), refused.reason());
            return done(refusal(refused));
        }
        Notification notification = ((Verified) verification).notification();
        PaymentIntent intent = intents.byProviderTransaction(providerName, notification.providerTransaction());
        if (intent == null) {
            return done(Problems.problem(404, "Not found", "providerTransaction", "no payment with the "
                    + providerName + " transaction " + notification.providerTransaction()));
        }
        if (!intent.request().order().equals(notification.orderId())
                || intent.request().cashFen() != notification.amountFen()) {
            LOG.error("a verified {} callback for {} does not match the payment's order and amount", providerName,
                    intent.payment());
            String field = intent.request().order().equals(notification.orderId()) ? "amount" : "order";
            return done(Problems.problem(422, "Unprocessable", field, "the notification's " + field + " differs from "
                    + "the payment's; nothing was marked paid"));
        }
        if (intent.status() == PaymentIntent.Status.EXPIRED) {
            return done(paidTooLate(intent));
        }
        return gateway.submit(markPaid(intent)).exceptionallyCompose(e -> {
            // The intent expired between the lookup and the commit: nothing was journaled; refund it as late.
            Throwable cause = e instanceof CompletionException ? e.getCause() : e;
            PaymentIntent now = cause instanceof ReadModelWrite.NotApplied ? intents.byPayment(intent.payment()) : null;
            return now != null && now.status() == PaymentIntent.Status.EXPIRED ? done(paidTooLate(now))
                    : CompletableFuture.failedFuture(e);
        });
    }

    /**
     * A provider's callback for an intent that expired unpaid (its cart is back in stock, the order was never
     * made): the customer's money is refunded at the provider, as a real shop does for an order it closed (订单已关闭,
     * 原路退款). The provider is answered 200 with the status EXPIRED, on every delivery; the refund is recorded once
     * and, if the provider does not answer now, the outbox's sweep makes it later.
     */
    private Response paidTooLate(PaymentIntent intent) {
        if (intents.owedAfterExpiry(intent.payment())) {
            LOG.warn("payment {} of order {} was paid after it expired; it is refunded at {}", intent.payment(),
                    intent.request().order(), intent.provider());
        }
        try {
            refundIfOwed(intent.request().order(), false);
        } catch (RuntimeException e) {
            LOG.warn("the refund of expired payment {} is not made yet: {}", intent.payment(), e.getMessage());
        }
        return new Response(200, intent.outcomeBody(PaymentIntent.Status.EXPIRED, PaymentIntent.EXPIRED_CODE));
    }

    private CommandRequest markPaid(PaymentIntent intent) {
        String transactionKey = "payments:callback:" + intent.provider() + ":" + intent.providerTransaction();
        return new CommandRequest(intent::command, events -> outcome(intent, events), transactionKey,
                sha256(transactionKey.getBytes(StandardCharsets.UTF_8)),
                (command, events) -> List.of(PaymentIntents.outcome(intent, command.at(), rejection(events))));
    }

    private static Response outcome(PaymentIntent intent, List<Event> events) {
        String rejection = rejection(events);
        if (rejection == null) {
            return new Response(200, intent.outcomeBody(PaymentIntent.Status.PAID, null));
        }
        // The provider holds the customer's money, but the order cannot be paid: the provider outbox refunds it
        // once this is committed. The callback itself was valid, so the provider is answered 200.
        LOG.warn("payment {} of order {} failed: the engine rejected it with {}; it is refunded at the provider",
                intent.payment(), intent.request().order(), rejection);
        return new Response(200, intent.outcomeBody(PaymentIntent.Status.FAILED, rejection));
    }

    private static String rejection(List<Event> events) {
        return Rejections.code(events);
    }

    private String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private static CompletableFuture<Response> done(Response response) {
        return CompletableFuture.completedFuture(response);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A callback the provider refused to verify, as the problem answered to the sender (401 or 400). */
    static Response refusal(Refused refused) {
        String title = refused.status() == 401 ? "Unauthorized" : "Bad request";
        return Problems.problem(refused.status(), title, refused.field(), refused.reason());
    }
}
