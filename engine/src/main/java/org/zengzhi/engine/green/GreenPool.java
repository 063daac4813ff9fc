package org.zengzhi.engine.green;

/** The two dividend pools of the green-points model (SPEC ): consumers' and merchants'. */
public enum GreenPool {
    CONSUMER("consumer"),
    MERCHANT("merchant");

    private final String label;

    GreenPool(String label) {
        this.label = label;
    }

    /** The name the command log and plan files use: {@code consumer} or {@code merchant}. */
    public String label() {
        return label;
    }
}
