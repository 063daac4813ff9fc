package org.zengzhi.engine.party;

/**
 * An operator's verdict on a flagged order. Before settlement it only decides what settlement will
 * do; after it, held rewards are paid ({@code releasedFen}) or cancelled to the platform ({@code cancelledFen}).
 */
public record Verification(long orderId, boolean approved, boolean settled, long releasedFen, long cancelledFen) {
}
