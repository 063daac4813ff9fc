package org.zengzhi.engine.party;

import java.time.Instant;

/**
 * A custody provider's statement of the escrow account compared with the ledger's escrow at the same point
 * of the log. A non-zero difference is a finding for people to explain; the engine never corrects it.
 */
public record CustodyCheck(Instant at, long statementFen, long ledgerFen, long differenceFen) {

    public boolean isFinding() {
        return differenceFen != 0;
    }
}
