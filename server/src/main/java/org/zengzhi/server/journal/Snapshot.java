package org.zengzhi.server.journal;

/** Engine state as of journal sequence {@code seq} (every command up to and including it). */
public record Snapshot(long seq, String stateHash, byte[] state) {
}
