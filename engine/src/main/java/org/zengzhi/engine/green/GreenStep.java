package org.zengzhi.engine.green;

/**
 * What the engine carries out next while a tick or a month's close runs (issue 17, rule 3): the next due
 * settlement, a pool's dividend, or nothing more.
 */
public enum GreenStep {
    SETTLE,
    PAY_CONSUMER_DIVIDEND,
    PAY_MERCHANT_DIVIDEND,
    DONE;

    /** The pool whose dividend this step pays. */
    public GreenPool pool() {
        return switch (this) {
            case PAY_CONSUMER_DIVIDEND -> GreenPool.CONSUMER;
            case PAY_MERCHANT_DIVIDEND -> GreenPool.MERCHANT;
            case SETTLE, DONE -> throw new IllegalStateException(this + " pays no dividend");
        };
    }
}
