package org.zengzhi.engine.party;

import org.zengzhi.engine.partyrules.PartyRules;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

/** A model on a {@link TestLedger} with helpers that fail loudly on a rejection the test did not expect. */
final class PartyFixture {
    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    static final Duration DUE = Duration.ofDays(37);

    final TestLedger ledger;
    final PartyModel model;

    PartyFixture(PartyRules rules) {
        ledger = new TestLedger();
        model = new PartyModel(rules, ledger);
    }

    /** A fixture around a model restored from a snapshot and the ledger it posts to. */
    PartyFixture(TestLedger ledger, PartyModel model) {
        this.ledger = ledger;
        this.model = model;
    }

    PartyFixture() {
        this(PartyRules.seed000());
    }

    static <T> T ok(PartyOutcome<T> outcome) {
        if (!outcome.isAccepted()) {
            throw new AssertionError("rejected: " + outcome.rejection());
        }
        return outcome.value();
    }

    int supplier(long baselineFen) {
        return ok(model.registerSupplier(baselineFen));
    }

    int product(int supplier, long priceFen, long costFen) {
        return ok(model.listProduct(supplier, priceFen, costFen));
    }

    /** A payment of one unit with nobody to reward, from its own device and IP. */
    static Payment plain(long orderId, int consumer, int product, Instant at) {
        return new Payment(orderId, consumer, product, 1, 0, 0, Payment.NONE, Payment.NONE, Payment.NONE,
                "device-" + orderId, "ip-" + orderId, at);
    }

    byte[] snapshot() {
        return snapshot(model);
    }

    static byte[] snapshot(PartyModel model) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            model.write(new DataOutputStream(bytes));
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
