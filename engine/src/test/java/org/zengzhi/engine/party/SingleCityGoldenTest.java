package org.zengzhi.engine.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zengzhi.engine.Units.parseFen;
import static org.zengzhi.engine.party.PartyFixture.DUE;
import static org.zengzhi.engine.party.PartyFixture.T0;
import static org.zengzhi.engine.party.PartyFixture.ok;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Seed 000's single-city case (R-7.6, issue 18 deliver 4): 10,000 consumers buy one order of 150.00 each
 * from 50 suppliers through 200 promoters (50 consumers each), under the seed's rules; 50 suppliers buy a
 * data service of 2,000.00; the operator enters 100,000.00 of operating cost; the month closes.
 * Supplier profit is the seed's 25%: its base share of 55% less the cost of goods it declares, 30% of the
 * price (商品售价的50%-60%(成本约30%,剩余为利润)), so each product costs 45.00.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleCityGoldenTest {
    private static final int CONSUMERS = 10_000;
    private static final int SUPPLIERS = 50;
    private static final int PROMOTERS = 200;
    private static final int FIRST_PROMOTER = CONSUMERS;

    private final PartyFixture city = new PartyFixture();
    private MonthClose close;
    private long prepaidFen;
    private long settledToSuppliersFen;

    @BeforeAll
    void runTheMonth() {
        int[] products = new int[SUPPLIERS];
        for (int s = 0; s < SUPPLIERS; s++) {
            products[s] = city.product(city.supplier(parseFen("30000.00")), parseFen("150.00"), parseFen("45.00"));
        }
        for (int p = 0; p < PROMOTERS; p++) {
            ok(city.model.setCreditScore(FIRST_PROMOTER + p, 700));
        }
        for (int c = 0; c < CONSUMERS; c++) {
            Payment payment = new Payment(c, c, products[c % SUPPLIERS], 1, 0, 0, FIRST_PROMOTER + c / 50,
                    Payment.NONE, Payment.NONE, "device-" + c, "ip-" + c, T0.plusSeconds(c));
            prepaidFen += ok(city.model.pay(payment)).prepaidFen();
        }
        for (int c = 0; c < CONSUMERS; c++) {
            settledToSuppliersFen += ok(city.model.settle(c, T0.plus(DUE).plusSeconds(c))).supplierSettledFen();
        }
        for (int s = 0; s < SUPPLIERS; s++) {
            ok(city.model.chargeDataService(s, parseFen("2000.00")));
        }
        ok(city.model.recordOperatingCost(parseFen("100000.00")));
        close = ok(city.model.closeMonth(T0.plus(DUE).plusSeconds(CONSUMERS)));
    }

    @Test
    void theSeedsFiguresR76() {
        PartyPnl pnl = close.pnl();
        assertThat(pnl.gmvFen()).isEqualTo(parseFen("1500000.00"));
        assertThat(pnl.feeFen()).isEqualTo(parseFen("90000.00"));
        assertThat(pnl.dataServiceFen()).isEqualTo(parseFen("100000.00"));
        assertThat(pnl.platformIncomeFen()).isEqualTo(parseFen("190000.00"));
        assertThat(pnl.rebateFen()).isEqualTo(parseFen("120000.00"));
        assertThat(pnl.commissionFen()).isEqualTo(parseFen("180000.00"));
        assertThat(pnl.supplierProfitFen()).isEqualTo(parseFen("375000.00"));
        assertThat(pnl.operatingCostFen()).isEqualTo(parseFen("100000.00"));
        assertThat(pnl.netFen()).isEqualTo(parseFen("90000.00"));
    }

    @Test
    void theWholeWaterfallOfTheGmvAndWhatIsUnallocated() {
        PartyPnl pnl = close.pnl();
        assertThat(pnl.supplierShareFen()).isEqualTo(parseFen("825000.00"));
        assertThat(pnl.supplierCostFen()).isEqualTo(parseFen("450000.00"));
        assertThat(pnl.teamAllowanceFen()).isZero();
        assertThat(pnl.inviteRewardFen()).isZero();
        assertThat(pnl.marginFen()).isEqualTo(parseFen("285000.00"));
        assertThat(pnl.roundingFen()).isZero();
        assertThat(pnl.withheldFen()).isZero();
        assertThat(pnl.feeFen() + pnl.rebateFen() + pnl.commissionFen() + pnl.supplierShareFen() + pnl.marginFen())
                .isEqualTo(pnl.gmvFen());
        assertThat(prepaidFen).isEqualTo(parseFen("247500.00"));
        assertThat(settledToSuppliersFen).isEqualTo(parseFen("577500.00"));
    }

    @Test
    void everyPartLeftEscrowAndTheRebateIsInTheReserve() {
        assertThat(city.model.escrowFen()).isZero();
        assertThat(city.ledger.escrowFen()).isZero();
        assertThat(city.ledger.moved(Movement.ESCROW_TO_RESERVE)).isEqualTo(parseFen("120000.00"));
        assertThat(city.ledger.total(PartyAccount.HOLDER_CASH)).isEqualTo(parseFen("180000.00"));
        assertThat(city.ledger.total(PartyAccount.SUPPLIER_CASH)).isEqualTo(parseFen("825000.00"));
        assertThat(city.model.invariantBreaches()).isEmpty();
        assertThat(city.ledger.sumsByAsset()).containsOnlyKeys(PartyAsset.values())
                .allSatisfy((asset, sum) -> assertThat(sum).isZero());
    }

    @Test
    void theCloseBurnsFivePercentProRataAndSaysItIsAHaircut() {
        BurnReport burn = close.burn();
        assertThat(burn.haircut()).isTrue();
        assertThat(burn.contribCirculatingFen()).isEqualTo(parseFen("120000.00"));
        assertThat(burn.contribBurnedFen()).isEqualTo(parseFen("6000.00"));
        assertThat(burn.stokenCirculatingFen()).isEqualTo(parseFen("15000.00"));
        assertThat(burn.stokenBurnedFen()).isEqualTo(parseFen("750.00"));
        assertThat(close.pnl().haircutFen()).isEqualTo(parseFen("6000.00"));
        assertThat(city.model.contribReserveFen()).isEqualTo(parseFen("114000.00"));
        assertThat(close.pnl().platformResultFen()).isEqualTo(parseFen("381000.00"));
        assertThat(close.bonuses()).isEmpty();
        assertThat(close.penalties()).isEmpty();
    }
}
