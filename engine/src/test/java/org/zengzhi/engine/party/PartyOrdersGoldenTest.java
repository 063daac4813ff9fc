package org.zengzhi.engine.party;

import org.zengzhi.engine.partyrules.PartyRules;
import org.zengzhi.engine.partyrules.Waterfall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zengzhi.engine.party.PartyFixture.DUE;
import static org.zengzhi.engine.party.PartyFixture.T0;
import static org.zengzhi.engine.party.PartyFixture.ok;
import static org.zengzhi.engine.party.PartyFixture.plain;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Issue 18 rules 1 and 2: escrow, the 30% prepayment, the refund's claw-back, and the settlement waterfall. */
class PartyOrdersGoldenTest {
    private static final int CONSUMER = 1;
    private static final int PROMOTER = 2;
    private static final int INVITER = 3;
    private static final int LEADER = 4;

    private final PartyFixture f = new PartyFixture();
    private final int supplier = f.supplier(0);
    private final int thousand = f.product(supplier, 100_000, 30_000);

    @Test
    void paymentHoldsTheMoneyInEscrowAndPrepaysThirtyPercentOfTheSupplierShare() {
        PaymentResult paid = ok(f.model.pay(plain(7, CONSUMER, thousand, T0)));
        assertThat(paid.amountFen()).isEqualTo(100_000);
        assertThat(paid.prepaidFen()).isEqualTo(16_500);
        assertThat(f.ledger.supplierCashFen(supplier)).isEqualTo(16_500);
        assertThat(f.model.escrowFen()).isEqualTo(83_500).isEqualTo(f.ledger.escrowFen());
    }

    @Test
    void aRefundBeforeSettlementClawsThePrepaymentBack() {
        ok(f.model.pay(plain(7, CONSUMER, thousand, T0)));
        Refund refund = ok(f.model.refund(7, T0.plusSeconds(60)));
        assertThat(refund).isEqualTo(new Refund(7, 100_000, 16_500, 0, 100_000, 0));
        assertThat(f.ledger.supplierCashFen(supplier)).isZero();
        assertThat(f.model.escrowFen()).isZero();
        assertThat(f.ledger.balance(PartyAccount.WORLD, PartyPostings.NO_OWNER)).isZero();
    }

    @Test
    void whatTheSuppliersCashCannotCoverBecomesItsDebtRepaidFromItsNextMoney() {
        ok(f.model.pay(plain(7, CONSUMER, thousand, T0)));
        f.ledger.supplierWithdraws(supplier, 10_000);
        Refund refund = ok(f.model.refund(7, T0.plusSeconds(60)));
        assertThat(refund.clawedBackFen()).isEqualTo(6_500);
        assertThat(refund.advancedFen()).isEqualTo(10_000);
        assertThat(f.ledger.supplierCashFen(supplier)).isZero();
        assertThat(f.model.owedBy(supplier)).isEqualTo(10_000);
        assertThat(f.ledger.balance(PartyAccount.SUPPLIER_RECEIVABLE, supplier)).isEqualTo(-10_000);

        PaymentResult next = ok(f.model.pay(plain(8, CONSUMER, thousand, T0.plusSeconds(120))));
        assertThat(next.receivableRepaidFen()).isEqualTo(10_000);
        assertThat(f.ledger.supplierCashFen(supplier)).isEqualTo(6_500);
        assertThat(f.model.owedBy(supplier)).isZero();
        assertThat(f.model.invariantBreaches()).isEmpty();
    }

    @Test
    void settlementComesAfterThirtyDaysConfirmAndSevenDaysNoReturn() {
        ok(f.model.pay(plain(7, CONSUMER, thousand, T0)));
        assertThat(f.model.settle(7, T0.plus(DUE).minusSeconds(1)).rejection())
                .isEqualTo(new PartyRejection(PartyRejectionCode.NOT_DUE, "at"));
        assertThat(f.model.settle(7, T0.plus(DUE)).isAccepted()).isTrue();
        assertThat(f.model.refund(7, T0.plus(DUE)).rejection())
                .isEqualTo(new PartyRejection(PartyRejectionCode.ALREADY_SETTLED, "order"));
    }

    /**
     * Issue 18: a refund after settlement is refused as settled, a second refund as refunded, and only an order
     * never paid is unknown; the answers survive a snapshot (two bits an order, not the order).
     */
    @Test
    void aRefundOfASettledOrderIsAlreadySettledAlsoAfterASnapshot() throws java.io.IOException {
        ok(f.model.pay(plain(7, CONSUMER, thousand, T0)));
        ok(f.model.pay(plain(8, CONSUMER, thousand, T0)));
        ok(f.model.refund(8, T0.plusSeconds(1)));
        ok(f.model.settle(7, T0.plus(DUE)));
        PartyModel restored = PartyModel.read(new java.io.DataInputStream(new java.io.ByteArrayInputStream(
                f.snapshot())), PartyRules.seed000(), f.ledger.copyBalances());
        for (PartyModel model : java.util.List.of(f.model, restored)) {
            assertThat(model.refund(7, T0.plus(DUE)).rejection().code()).isEqualTo(PartyRejectionCode.ALREADY_SETTLED);
            assertThat(model.settle(7, T0.plus(DUE)).rejection().code()).isEqualTo(PartyRejectionCode.ALREADY_SETTLED);
            assertThat(model.refund(8, T0.plus(DUE)).rejection().code()).isEqualTo(PartyRejectionCode.ALREADY_REFUNDED);
            assertThat(model.refund(9, T0.plus(DUE)).rejection().code()).isEqualTo(PartyRejectionCode.UNKNOWN_ORDER);
        }
        assertThat(PartyFixture.snapshot(restored)).isEqualTo(f.snapshot());
    }

    @Test
    void theWaterfallInTheIssuesOrderEachPartRoundedDownTheDustToRounding() {
        int odd = f.product(supplier, 9_999, 3_000);
        ok(f.model.setCreditScore(PROMOTER, 600));
        ok(f.model.pay(new Payment(9, CONSUMER, odd, 1, 0, 0, PROMOTER, Payment.NONE, INVITER, "d", "i", T0)));
        Settlement settlement = ok(f.model.settle(9, T0.plus(DUE)));
        assertThat(settlement.waterfall()).isEqualTo(new Waterfall(9_999, 599, 799, 1_199, 0, 799, 5_499, 1_099, 5));
        assertThat(settlement.prepaidFen()).isEqualTo(1_649);
        assertThat(settlement.supplierSettledFen()).isEqualTo(3_850);
        assertThat(settlement.stokenFen()).isEqualTo(99);
        assertThat(f.ledger.balance(PartyAccount.HOLDER_CASH, PROMOTER)).isEqualTo(1_199);
        assertThat(f.ledger.balance(PartyAccount.HOLDER_CASH, INVITER)).isEqualTo(799);
        assertThat(f.model.contribOf(CONSUMER)).isEqualTo(799);
        assertThat(f.ledger.balance(PartyAccount.ROUNDING, PartyPostings.NO_OWNER)).isEqualTo(5);
        assertThat(f.ledger.balance(PartyAccount.PLATFORM, PartyPostings.NO_OWNER)).isEqualTo(599 + 1_099);
        assertThat(f.model.escrowFen()).isZero();
    }

    @Test
    void theGoldTierEarnsTwelvePercentAndAnAbsentPromotersRateStaysInTheMargin() {
        ok(f.model.pay(new Payment(9, CONSUMER, thousand, 1, 0, 1, Payment.NONE, Payment.NONE, Payment.NONE, "d", "i",
                T0)));
        Waterfall parts = ok(f.model.settle(9, T0.plus(DUE))).waterfall();
        assertThat(parts.rebateFen()).isEqualTo(12_000);
        assertThat(parts.commissionFen()).isZero();
        assertThat(parts.marginFen()).isEqualTo(100_000 - 6_000 - 12_000 - 55_000);
        assertThat(parts.totalFen()).isEqualTo(100_000);
    }

    @Test
    void aPromoterBelowTheCreditMinimumHasTheCommissionWithheldToThePlatform() {
        ok(f.model.setCreditScore(PROMOTER, 599));
        ok(f.model.pay(new Payment(9, CONSUMER, thousand, 1, 0, 0, PROMOTER, Payment.NONE, Payment.NONE, "d", "i",
                T0)));
        Settlement settlement = ok(f.model.settle(9, T0.plus(DUE)));
        assertThat(settlement.waterfall().commissionFen()).isEqualTo(12_000);
        assertThat(settlement.withheldFen()).isEqualTo(12_000);
        assertThat(f.ledger.balance(PartyAccount.HOLDER_CASH, PROMOTER)).isZero();
        assertThat(f.ledger.moved(Movement.WITHHELD)).isEqualTo(12_000);
    }

    @Test
    void aTeamAllowanceGoesToTheLeaderWhenThePlanAcknowledgesTheRisk() {
        PartyRules seed = PartyRules.seed000();
        PartyRules rules = new PartyRules(seed.feePpm(), seed.rebateTiersPpm(), seed.commissionPpm(), 40_000, true,
                seed.inviteRewardPpm(), seed.supplierSharePpm(), seed.prepayPpm(), seed.confirmWindow(),
                seed.noReturnWindow(), seed.contribTransferFeePpm(), seed.stokenPpm(), seed.baselineBonusPpm(),
                seed.ratingMinCenti(), seed.depositPenaltyPpm(), seed.burnPpm(), seed.burnMode(),
                seed.buybackBudgetFen(), seed.riskWindow(), seed.riskOrderThreshold(), seed.creditScoreMin(),
                seed.feeDiscountPpm(), seed.feeDiscountPriceStoken(), seed.trafficPackages());
        PartyFixture team = new PartyFixture(rules);
        int product = team.product(team.supplier(0), 100_000, 30_000);
        ok(team.model.setCreditScore(PROMOTER, 700));
        ok(team.model.setCreditScore(LEADER, 700));
        ok(team.model.pay(new Payment(9, CONSUMER, product, 1, 0, 0, PROMOTER, LEADER, Payment.NONE, "d", "i", T0)));
        Waterfall parts = ok(team.model.settle(9, T0.plus(DUE))).waterfall();
        assertThat(parts.teamAllowanceFen()).isEqualTo(4_000);
        assertThat(parts.marginFen()).isEqualTo(100_000 - 6_000 - 8_000 - 12_000 - 4_000 - 55_000);
        assertThat(team.ledger.balance(PartyAccount.HOLDER_CASH, LEADER)).isEqualTo(4_000);
    }

    @Test
    void rejectionsAreValuesThatChangeNothing() {
        ok(f.model.pay(plain(7, CONSUMER, thousand, T0)));
        byte[] before = f.snapshot();
        int postings = f.ledger.journal().size();
        Instant later = T0.plusSeconds(60);
        assertThat(f.model.pay(plain(7, CONSUMER, thousand, later)).rejection().code())
                .isEqualTo(PartyRejectionCode.DUPLICATE_ORDER);
        assertThat(f.model.pay(plain(8, CONSUMER, 99, later)).rejection())
                .isEqualTo(new PartyRejection(PartyRejectionCode.UNKNOWN_PRODUCT, "product"));
        assertThat(f.model.pay(new Payment(8, CONSUMER, thousand, 1, 1, 0, Payment.NONE, Payment.NONE, Payment.NONE,
                "d", "i", later)).rejection()).isEqualTo(new PartyRejection(PartyRejectionCode.INSUFFICIENT_CONTRIB,
                "contrib"));
        assertThat(f.model.pay(new Payment(8, CONSUMER, thousand, 1, 0, 2, Payment.NONE, Payment.NONE, Payment.NONE,
                "d", "i", later)).rejection().field()).isEqualTo("tier");
        assertThat(f.model.pay(new Payment(8, CONSUMER, thousand, 1, 0, 0, Payment.NONE, Payment.NONE, Payment.NONE,
                "", "i", later)).rejection().field()).isEqualTo("device");
        assertThat(f.model.pay(new Payment(8, CONSUMER, thousand, 20_000_000, 0, 0, Payment.NONE, Payment.NONE,
                Payment.NONE, "d", "i", later)).rejection().code()).isEqualTo(PartyRejectionCode.AMOUNT_TOO_LARGE);
        assertThat(f.model.pay(plain(8, CONSUMER, thousand, T0.minusSeconds(1))).rejection().code())
                .isEqualTo(PartyRejectionCode.TIME_WENT_BACK);
        assertThat(f.model.listProduct(supplier, 100, 101).rejection().code())
                .isEqualTo(PartyRejectionCode.COST_OUT_OF_RANGE);
        assertThat(f.snapshot()).isEqualTo(before);
        assertThat(f.ledger.journal()).hasSize(postings);
    }
}
