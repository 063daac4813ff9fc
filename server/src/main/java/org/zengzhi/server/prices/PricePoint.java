package org.zengzhi.server.prices;

import org.zengzhi.engine.Price;

/** One row of {@code price_history}: the pool after a price change (the event {@code eventIndex} of command {@code seq}). */
public record PricePoint(long seq, int eventIndex, Object at, long poolCashFen, long circulatingPointsMicro) {
    public Price price() {
        return new Price(poolCashFen, circulatingPointsMicro);
    }
}
