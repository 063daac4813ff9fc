package org.zengzhi.server.payment;

/** A request field that fails validation; the message says how, for a problem+json that names it. */
public final class InvalidFieldException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
