package org.zengzhi.server.gateway;

/** An HTTP response body (JSON) and status, decided on the writer thread so it can be kept for retries. */
public record Response(int status, String body) {
}
