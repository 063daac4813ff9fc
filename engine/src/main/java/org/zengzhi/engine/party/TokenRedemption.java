package org.zengzhi.engine.party;

/**
 * Supplier tokens spent: on a traffic package of the catalogue ({@code packageIndex} ≥ 0), or on a
 * lower service fee for the next month ({@code packageIndex} = {@link #FEE_DISCOUNT}).
 */
public record TokenRedemption(int supplier, int packageIndex, String what, long priceStoken) {
    /** The index that names the fee reduction rather than a package. */
    public static final int FEE_DISCOUNT = -1;
}
