package org.zengzhi.engine.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zengzhi.engine.party.PartyFixture.DUE;
import static org.zengzhi.engine.party.PartyFixture.T0;
import static org.zengzhi.engine.party.PartyFixture.ok;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Issue 18 rule 6 (risk holds by device and IP, R-7.4) and rule 7 (custody reconciliation, R-7.5). */
class RiskAndCustodyGoldenTest {
    private static final int CONSUMER = 1;
    private static final int PROMOTER = 2;

    private final PartyFixture f = new PartyFixture();
    private final int supplier = f.supplier(0);
    private final int thousand = f.product(supplier, 100_000, 30_000);

    private PaymentResult pay(long id, String device, String ip, Instant at) {
        return ok(f.model.pay(new Payment(id, CONSUMER, thousand, 1, 0, 0, PROMOTER, Payment.NONE, Payment.NONE, device,
                ip, at)));
    }

    /** Three orders from one device in the first three hours, then the fourth at hour 3, which is flagged. */
    private void fourFromOnePhone() {
        ok(f.model.setCreditScore(PROMOTER, 700));
        for (int i = 0; i < 3; i++) {
            assertThat(pay(i, "phone", "ip-" + i, T0.plus(Duration.ofHours(i))).verdict()).isEqualTo(RiskVerdict.CLEAR);
        }
        assertThat(pay(3, "phone", "ip-3", T0.plus(Duration.ofHours(3))).verdict()).isEqualTo(RiskVerdict.DEVICE);
    }

    @Test
    void theFourthOrderFromOneDeviceOrOneIpWithin24HoursIsFlagged() {
        fourFromOnePhone();
        for (int i = 10; i < 13; i++) {
            assertThat(pay(i, "tablet-" + i, "cafe", T0.plus(Duration.ofHours(4))).flagged()).isFalse();
        }
        assertThat(pay(13, "tablet-13", "cafe", T0.plus(Duration.ofHours(4))).verdict()).isEqualTo(RiskVerdict.IP);
    }

    @Test
    void sightingsOlderThanTheWindowExpireSoTheStoreStaysBounded() {
        fourFromOnePhone();
        assertThat(f.model.riskSightings()).isEqualTo(8);
        PaymentResult later = pay(4, "phone", "ip-4", T0.plus(Duration.ofHours(27)).plusSeconds(1));
        assertThat(later.verdict()).isEqualTo(RiskVerdict.CLEAR);
        assertThat(f.model.riskSightings()).isEqualTo(2);
    }

    @Test
    void aFlaggedOrdersRewardsAreHeldInEscrowUntilApproved() {
        fourFromOnePhone();
        Settlement settlement = ok(f.model.settle(3, T0.plus(Duration.ofHours(3)).plus(DUE)));
        assertThat(settlement.heldFen()).isEqualTo(8_000 + 12_000);
        assertThat(f.model.heldFen()).isEqualTo(20_000);
        assertThat(f.model.escrowFen()).isEqualTo(3 * 83_500 + 20_000);
        assertThat(f.model.contribOf(CONSUMER)).isZero();

        Verification verdict = ok(f.model.verify(3, true, T0.plus(DUE).plus(Duration.ofHours(4))));
        assertThat(verdict).isEqualTo(new Verification(3, true, true, 20_000, 0));
        assertThat(f.model.contribOf(CONSUMER)).isEqualTo(8_000);
        assertThat(f.ledger.balance(PartyAccount.HOLDER_CASH, PROMOTER)).isEqualTo(12_000);
        assertThat(f.model.escrowFen()).isEqualTo(3 * 83_500);
        assertThat(f.model.verify(3, true, T0.plus(DUE).plus(Duration.ofHours(5))).rejection().code())
                .isEqualTo(PartyRejectionCode.UNKNOWN_ORDER);
    }

    @Test
    void refusedRewardsAreCancelledToThePlatform() {
        fourFromOnePhone();
        ok(f.model.settle(3, T0.plus(Duration.ofHours(3)).plus(DUE)));
        Verification verdict = ok(f.model.verify(3, false, T0.plus(DUE).plus(Duration.ofHours(4))));
        assertThat(verdict.cancelledFen()).isEqualTo(20_000);
        assertThat(f.ledger.moved(Movement.CANCELLED)).isEqualTo(20_000);
        assertThat(f.model.contribOf(CONSUMER)).isZero();
        assertThat(f.model.heldOrders()).isZero();
    }

    @Test
    void aVerdictBeforeSettlementDecidesWhatSettlementDoes() {
        fourFromOnePhone();
        assertThat(f.model.verify(2, true, T0.plus(Duration.ofHours(3))).rejection().code())
                .isEqualTo(PartyRejectionCode.NOT_FLAGGED);
        assertThat(ok(f.model.verify(3, false, T0.plus(Duration.ofHours(3)))).settled()).isFalse();
        Settlement settlement = ok(f.model.settle(3, T0.plus(Duration.ofHours(3)).plus(DUE)));
        assertThat(settlement.cancelledFen()).isEqualTo(20_000);
        assertThat(settlement.heldFen()).isZero();
        assertThat(f.model.escrowFen()).isEqualTo(3 * 83_500);
    }

    @Test
    void aCustodyStatementIsComparedWithTheLedgersEscrowAndNeverCorrected() {
        pay(1, "d", "i", T0);
        CustodyCheck same = ok(f.model.custodyStatement(83_500, T0.plusSeconds(10)));
        assertThat(same.isFinding()).isFalse();
        CustodyCheck short1 = ok(f.model.custodyStatement(80_000, T0.plusSeconds(20)));
        assertThat(short1).isEqualTo(new CustodyCheck(T0.plusSeconds(20), 80_000, 83_500, -3_500));
        assertThat(short1.isFinding()).isTrue();
        assertThat(f.model.escrowFen()).isEqualTo(83_500).isEqualTo(f.ledger.escrowFen());
        assertThat(f.model.custodyStatement(83_500, T0.plusSeconds(5)).rejection().code())
                .isEqualTo(PartyRejectionCode.TIME_WENT_BACK);
    }
}
