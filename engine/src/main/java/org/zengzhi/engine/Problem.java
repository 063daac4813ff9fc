package org.zengzhi.engine;

/** Why a command is rejected, and the field that is at fault. */
public record Problem(RejectionCode code, String field) {
}
