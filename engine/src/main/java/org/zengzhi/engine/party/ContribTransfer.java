package org.zengzhi.engine.party;

/** Contribution value sent from one holder to another: the receiver gets the amount less the 1% fee. */
public record ContribTransfer(int from, int to, long amountFen, long feeFen, long receivedFen) {
}
