package org.zengzhi.simulator.party;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * One closed month of a four-party run, as the engine reported it: the {@code monthClosed} P&L and burn
 * (money as the engine's decimal text), and what the simulator summed from the month's events and the
 * ledger's state after the close (fen).
 *
 * @param orders         orders paid the month before, which fall due in this one (30 + 7 days)
 * @param flagged        of those, flagged by risk control: rewards held until verified
 * @param reserveFen     CONTRIB_RESERVE after the close
 * @param outstandingFen CONTRIB outstanding after the close (−CONTRIB_ISSUANCE)
 * @param escrowFen      CUSTODY_ESCROW after the close: paid orders not yet settled, less their prepayments
 * @param burnHolders    holders whose CONTRIB the close's burn reduced; {@code burnMaxFen}, {@code burnMedianFen}
 *                       the largest and the median loss of one holder
 * @param ranks          promoters by rank after the month (promoter ladder occupancy, R-5.3)
 */
public record PartyMonth(String month, JsonNode pnl, JsonNode burn, int orders, int flagged, int refunds,
        long prepaidFen, long clawedBackFen, long supplierSettledFen, long heldFen, long withheldFen,
        long releasedFen, long cancelledFen, long redeemedFen, long reserveFen, long outstandingFen, long escrowFen,
        long escrowDifferenceFen, int burnHolders, long burnMaxFen, long burnMedianFen, Map<String, Integer> ranks) {

    /** One P&L line in fen ({@code fee}, {@code net}, {@code platformResult} …). */
    public long pnlFen(String line) {
        return PartyFigures.fen(pnl.get(line));
    }

    public long burnFen(String line) {
        return PartyFigures.fen(burn.get(line));
    }

    /** The reserve against outstanding CONTRIB in ppm (1,000,000 = fully backed); 1,000,000 when none is out. */
    public long coveragePpm() {
        return outstandingFen == 0 ? 1_000_000 : Math.multiplyExact(reserveFen, 1_000_000L) / outstandingFen;
    }
}
