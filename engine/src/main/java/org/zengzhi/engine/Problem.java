package org.zengzhi.engine;

/** Why a command is rejected, and the field that is at fault. */
record Problem(RejectionCode code, String field) {
}
