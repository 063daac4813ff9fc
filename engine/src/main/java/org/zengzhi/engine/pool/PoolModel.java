package org.zengzhi.engine.pool;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.ledger.AccountType;

/**
 * What another model may ask of the appreciation pool: a settled order's contribution (SPEC ). The
 * order flow sees the pool through this alone, so it cannot reach the pool's exit index or last price.
 */
public interface PoolModel {
    /**
     * Mints ⌊S·α/p⌋ points for the buyer at the reference price, moves S from {@code source} into the pool,
     * adds the amount to the buyer's exit cycle, then runs the exit cascade.
     */
    void contribute(Command cause, int participant, long amountFen, long poolShareFen, AccountType source,
            EngineOutput out);
}
