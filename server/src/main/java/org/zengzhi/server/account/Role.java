package org.zengzhi.server.account;

/** Who a signed-in person is to the platform. */
public enum Role {
    CONSUMER,
    MERCHANT,
    PROMOTER,
    AGENT,
    OPERATOR,
    /** A four-party supplier (供应商, seed 000): its own products, orders, tokens and deposit. */
    SUPPLIER;

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
