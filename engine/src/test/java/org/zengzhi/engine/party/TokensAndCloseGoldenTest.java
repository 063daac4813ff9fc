package org.zengzhi.engine.party;

import org.zengzhi.engine.partyrules.PartyRules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zengzhi.engine.party.PartyFixture.DUE;
import static org.zengzhi.engine.party.PartyFixture.T0;
import static org.zengzhi.engine.party.PartyFixture.ok;
import static org.zengzhi.engine.party.PartyFixture.plain;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * Issue 18 rules 3 (contribution value backed 1:1), 4 (supplier tokens, baseline bonus, rating penalty),
 * 5 (the monthly burn in both modes) and 9 (data services and operating cost in the month's P&L).
 */
class TokensAndCloseGoldenTest {
    private static final int ALICE = 1;
    private static final int BOB = 2;

    private PartyFixture f;
    private int supplier;
    private int thousand;
    private Instant now = T0;

    TokensAndCloseGoldenTest() {
        use(new PartyFixture());
    }

    private void use(PartyFixture fixture) {
        f = fixture;
        supplier = f.supplier(100_000);
        thousand = f.product(supplier, 100_000, 30_000);
    }

    /** Pays an order now and settles it when due; the clock moves past the settlement. */
    private Settlement settled(long id, int consumer, int product) {
        ok(f.model.pay(plain(id, consumer, product, now)));
        Settlement settlement = ok(f.model.settle(id, now.plus(DUE)));
        now = now.plus(DUE).plusSeconds(1);
        return settlement;
    }

    private MonthClose close() {
        now = now.plusSeconds(1);
        return ok(f.model.closeMonth(now));
    }

    private static PartyRules burning(PartyRules.BurnMode mode, long budgetFen) {
        PartyRules s = PartyRules.seed000();
        return new PartyRules(s.feePpm(), s.rebateTiersPpm(), s.commissionPpm(), s.teamAllowancePpm(),
                s.riskAcknowledged(), s.inviteRewardPpm(), s.supplierSharePpm(), s.prepayPpm(), s.confirmWindow(),
                s.noReturnWindow(), s.contribTransferFeePpm(), s.stokenPpm(), s.baselineBonusPpm(), s.ratingMinCenti(),
                s.depositPenaltyPpm(), s.burnPpm(), mode, budgetFen, s.riskWindow(), s.riskOrderThreshold(),
                s.creditScoreMin(), s.feeDiscountPpm(), s.feeDiscountPriceStoken(), s.trafficPackages());
    }

    @Test
    void contributionValueIsRedeemedTransferredAndSpentWithItsReserveAlwaysEqual() {
        settled(1, ALICE, thousand);
        assertThat(f.model.contribOf(ALICE)).isEqualTo(8_000);
        assertThat(f.model.contribReserveFen()).isEqualTo(8_000);

        assertThat(ok(f.model.redeemContrib(ALICE, 1_000))).isEqualTo(1_000);
        assertThat(f.ledger.balance(PartyAccount.HOLDER_CASH, ALICE)).isEqualTo(1_000);
        assertThat(ok(f.model.transferContrib(ALICE, BOB, 5_000)))
                .isEqualTo(new ContribTransfer(ALICE, BOB, 5_000, 50, 4_950));
        assertThat(f.model.contribOf(ALICE)).isEqualTo(2_000);
        assertThat(f.model.contribOf(BOB)).isEqualTo(4_950);
        assertThat(f.model.contribReserveFen()).isEqualTo(6_950).isEqualTo(f.model.contribOutstandingFen());

        ok(f.model.pay(new Payment(2, BOB, thousand, 1, 4_950, 0, Payment.NONE, Payment.NONE, Payment.NONE, "d", "i",
                now)));
        assertThat(f.model.escrowFen()).isEqualTo(83_500);
        assertThat(f.model.contribReserveFen()).isEqualTo(2_000).isEqualTo(f.model.contribOutstandingFen());
        Refund refund = ok(f.model.refund(2, now));
        assertThat(refund.cashRefundedFen()).isEqualTo(95_050);
        assertThat(refund.contribRefundedFen()).isEqualTo(4_950);
        assertThat(f.model.contribOf(BOB)).isEqualTo(4_950);
        assertThat(f.model.contribReserveFen()).isEqualTo(6_950);
        assertThat(f.model.redeemContrib(ALICE, 2_001).rejection().code())
                .isEqualTo(PartyRejectionCode.INSUFFICIENT_CONTRIB);
        assertThat(f.model.transferContrib(ALICE, ALICE, 1).rejection().code()).isEqualTo(PartyRejectionCode.SAME_HOLDER);
        assertThat(f.model.invariantBreaches()).isEmpty();
    }

    @Test
    void suppliersEarnTokensAndSpendThemOnTrafficOrNextMonthsLowerFee() {
        int big = f.product(supplier, 20_000_000, 6_000_000);
        settled(1, ALICE, big);
        assertThat(f.model.stokenOf(supplier)).isEqualTo(200_000);
        assertThat(ok(f.model.redeemTokens(supplier, 0))).isEqualTo(new TokenRedemption(supplier, 0, "直播间推广", 50_000));
        ok(f.model.buyFeeDiscount(supplier));
        assertThat(f.model.buyFeeDiscount(supplier).rejection().code()).isEqualTo(PartyRejectionCode.DISCOUNT_PENDING);
        assertThat(f.model.redeemTokens(supplier, 2).rejection().code()).isEqualTo(PartyRejectionCode.UNKNOWN_PACKAGE);
        assertThat(f.model.stokenOf(supplier)).isEqualTo(50_000);

        assertThat(settled(2, ALICE, thousand).waterfall().feeFen()).isEqualTo(6_000);
        close();
        assertThat(settled(3, ALICE, thousand).waterfall().feeFen()).isEqualTo(5_000);
        close();
        assertThat(settled(4, ALICE, thousand).waterfall().feeFen()).isEqualTo(6_000);
    }

    @Test
    void salesAboveTheBaselineEarnFivePercentOfTheExcessFromThePlatform() {
        int big = f.product(supplier, 20_000_000, 6_000_000);
        settled(1, ALICE, big);
        MonthClose first = close();
        assertThat(first.bonuses()).containsExactly(new MonthClose.BaselineBonus(supplier, 20_000_000, 100_000, 995_000,
                0));
        assertThat(first.pnl().baselineBonusFen()).isEqualTo(995_000);
        assertThat(f.ledger.moved(Movement.PLATFORM_TO_SUPPLIER)).isEqualTo(995_000);
        settled(2, ALICE, thousand);
        assertThat(close().bonuses()).isEmpty();
    }

    @Test
    void aProductRatedBelowFourPointFiveCostsItsSupplierFivePercentOfTheDeposit() {
        int good = f.product(supplier, 100_000, 30_000);
        ok(f.model.payDeposit(supplier, 1_000_000));
        ok(f.model.rate(thousand, 450));
        ok(f.model.rate(thousand, 440));
        ok(f.model.rate(good, 450));
        ok(f.model.rate(good, 450));
        assertThat(f.model.rate(good, 501).rejection().code()).isEqualTo(PartyRejectionCode.INVALID_RATING);
        MonthClose month = close();
        assertThat(month.penalties()).containsExactly(new MonthClose.RatingPenalty(thousand, supplier, 890, 2, 50_000));
        assertThat(f.model.depositOf(supplier)).isEqualTo(950_000);
        assertThat(month.pnl().depositPenaltyFen()).isEqualTo(50_000);
        assertThat(close().penalties()).isEmpty();
    }

    /** Alice holds 8,000 and Bob 4,000 of contribution value; the supplier 1,500 of tokens. */
    private void twoHoldersAndTokens(PartyRules rules) {
        use(new PartyFixture(rules));
        int half = f.product(supplier, 50_000, 15_000);
        settled(1, ALICE, thousand);
        settled(2, BOB, half);
    }

    @Test
    void aProRataBurnIsAHaircutWhoseReserveGoesToThePlatform() {
        twoHoldersAndTokens(burning(PartyRules.BurnMode.PRO_RATA, 0));
        BurnReport burn = close().burn();
        assertThat(burn).isEqualTo(new BurnReport(PartyRules.BurnMode.PRO_RATA, 12_000, 600, 600, 1_500, 75, 75, 0, 0, 0,
                true));
        assertThat(f.model.contribOf(ALICE)).isEqualTo(7_600);
        assertThat(f.model.contribOf(BOB)).isEqualTo(3_800);
        assertThat(f.model.stokenOf(supplier)).isEqualTo(1_425);
        assertThat(f.ledger.moved(Movement.RESERVE_TO_PLATFORM)).isEqualTo(600);
        assertThat(f.model.invariantBreaches()).isEmpty();
    }

    @Test
    void aBuybackPaysHoldersFaceValue() {
        twoHoldersAndTokens(burning(PartyRules.BurnMode.BUYBACK, 1_000_000));
        BurnReport burn = close().burn();
        assertThat(burn).isEqualTo(new BurnReport(PartyRules.BurnMode.BUYBACK, 12_000, 600, 600, 1_500, 75, 75,
                1_000_000, 675, 0, false));
        assertThat(f.ledger.balance(PartyAccount.HOLDER_CASH, ALICE)).isEqualTo(400);
        assertThat(f.ledger.balance(PartyAccount.HOLDER_CASH, BOB)).isEqualTo(200);
        assertThat(f.model.contribReserveFen()).isEqualTo(11_400).isEqualTo(f.model.contribOutstandingFen());
    }

    @Test
    void aBuybackWithAShortBudgetShrinksToItAndSaysSo() {
        twoHoldersAndTokens(burning(PartyRules.BurnMode.BUYBACK, 270));
        BurnReport burn = close().burn();
        // Rule 5: the targets are what was wanted, Σ⌊h·5%⌋ (600 and 75); each part shrinks to ⌊part·270/675⌋.
        assertThat(burn).isEqualTo(new BurnReport(PartyRules.BurnMode.BUYBACK, 12_000, 600, 240, 1_500, 75, 30, 270, 270,
                405, false));
        assertThat(f.ledger.balance(PartyAccount.HOLDER_CASH, ALICE)).isEqualTo(160);
        assertThat(f.ledger.balance(PartyAccount.HOLDER_CASH, BOB)).isEqualTo(80);
    }

    @Test
    void dataServicesAndOperatingCostMakeTheMonthsNetReal() {
        settled(1, ALICE, thousand);
        ok(f.model.chargeDataService(supplier, 200_000));
        ok(f.model.recordOperatingCost(300_000));
        assertThat(f.model.chargeDataService(9, 1).rejection().code()).isEqualTo(PartyRejectionCode.UNKNOWN_SUPPLIER);
        assertThat(f.model.recordOperatingCost(0).rejection().code()).isEqualTo(PartyRejectionCode.NON_POSITIVE_AMOUNT);
        PartyPnl pnl = close().pnl();
        assertThat(pnl.platformIncomeFen()).isEqualTo(6_000 + 200_000);
        assertThat(pnl.netFen()).isEqualTo(6_000 + 200_000 - 300_000);
        assertThat(close().pnl().feeFen()).isZero();
    }
}
