package org.zengzhi.simulator.green;

/** A problem with a green-points scenario; the message names the field first. */
public final class GreenScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    public GreenScenarioException(String field, String message) {
        super(field + ": " + message);
    }
}
