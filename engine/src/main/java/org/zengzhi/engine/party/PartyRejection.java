package org.zengzhi.engine.party;

/** Why a command is rejected, and the field that is at fault. A rejected command changes nothing. */
public record PartyRejection(PartyRejectionCode code, String field) {
}
