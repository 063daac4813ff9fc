package org.zengzhi.engine.party;

/** Either the result of an accepted command, or the rejection of a refused one (then nothing changed). */
public record PartyOutcome<T>(T value, PartyRejection rejection) {

    static <T> PartyOutcome<T> accepted(T value) {
        return new PartyOutcome<>(value, null);
    }

    static <T> PartyOutcome<T> rejected(PartyRejection rejection) {
        return new PartyOutcome<>(null, rejection);
    }

    static <T> PartyOutcome<T> rejected(PartyRejectionCode code, String field) {
        return new PartyOutcome<>(null, new PartyRejection(code, field));
    }

    public boolean isAccepted() {
        return rejection == null;
    }
}
