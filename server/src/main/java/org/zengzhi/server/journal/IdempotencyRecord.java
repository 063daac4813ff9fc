package org.zengzhi.server.journal;

/**
 * The first response to a state-changing call with an Idempotency-Key: a retry with the same key
 * and the same body gets it again; the same key with another body is a conflict.
 */
public record IdempotencyRecord(String key, String requestHash, long commandSeq, int status, String response) {
}
