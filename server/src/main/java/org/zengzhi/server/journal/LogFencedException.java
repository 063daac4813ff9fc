package org.zengzhi.server.journal;

/**
 * The command log refused a write because another node now owns the tenant's log (Kafka: a newer producer with the
 * same transactional id fenced this one). Nothing of the batch was kept; this node must stop taking work for the
 * tenant (fail-stop, callers answered 503), never rebuild and carry on, or two nodes would write one tenant.
 */
public final class LogFencedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LogFencedException(String message, Throwable cause) {
        super(message, cause);
    }
}
