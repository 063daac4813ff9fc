package org.zengzhi.cluster;

/**
 * A command refused because its tenant was sealed on this cluster: it moved (or is moving) to {@code target}
 * (issue 21 deliver 5). {@code offset} is -1 if nothing was sent; otherwise the command reached the log at that
 * offset, after the seal, and is never applied here. The caller sends it to the target cluster.
 */
public final class TenantMovedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String tenant;
    private final String target;
    private final long offset;

    public TenantMovedException(String tenant, String target, long offset, String detail) {
        super("tenant " + tenant + " moved to cluster " + target + ": " + detail);
        this.tenant = tenant;
        this.target = target;
        this.offset = offset;
    }

    public String tenant() {
        return tenant;
    }

    public String target() {
        return target;
    }

    /** Where the refused command landed in the source's log, after the seal; -1 if it was not sent. */
    public long offset() {
        return offset;
    }
}
