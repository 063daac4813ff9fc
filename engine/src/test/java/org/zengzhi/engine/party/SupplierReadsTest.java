package org.zengzhi.engine.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zengzhi.engine.party.PartyFixture.T0;
import static org.zengzhi.engine.party.PartyFixture.ok;

import org.junit.jupiter.api.Test;

/**
 * What the operator's supplier list reads of the model (issue 20 item 6): each supplier's baseline, products,
 * the month's settled sales and the month's ratings over its products only.
 */
class SupplierReadsTest {
    private final PartyFixture f = new PartyFixture();

    @Test
    void eachSupplierReadsItsOwnBaselineProductsSalesAndRatings() {
        int tea = f.supplier(2_000_000);
        int rice = f.supplier(500_000);
        int longjing = f.product(tea, 10_000, 3_000);
        int gift = f.product(tea, 30_000, 9_000);
        int bag = f.product(rice, 5_000, 1_500);
        ok(f.model.rate(longjing, 500));
        ok(f.model.rate(gift, 400));
        ok(f.model.rate(bag, 300));
        ok(f.model.pay(PartyFixture.plain(0, 1, gift, T0)));
        ok(f.model.settle(0, T0.plus(PartyFixture.DUE)));

        assertThat(f.model.baselineOf(tea)).isEqualTo(2_000_000);
        assertThat(f.model.baselineOf(rice)).isEqualTo(500_000);
        assertThat(f.model.productsOf(tea)).isEqualTo(2);
        assertThat(f.model.productsOf(rice)).isEqualTo(1);
        assertThat(f.model.ratingsOf(tea)).containsExactly(900, 2);
        assertThat(f.model.ratingsOf(rice)).containsExactly(300, 1);
        assertThat(f.model.monthSalesOf(tea)).isEqualTo(30_000);
        assertThat(f.model.monthSalesOf(rice)).isZero();
    }
}
