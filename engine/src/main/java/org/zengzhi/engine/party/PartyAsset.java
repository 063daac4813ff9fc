package org.zengzhi.engine.party;

/** The assets the four-party model moves (SPEC ), each a {@code long} in fen. */
public enum PartyAsset {
    /** Renminbi cash, in fen. */
    CNY,
    /** Contribution value (贡献值), in fen: a liability backed 1:1 by the CONTRIB reserve. */
    CONTRIB,
    /** Supplier tokens, in fen of face value. */
    STOKEN
}
