package org.zengzhi.server.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.RejectionCode;

/** "Was it rejected?": only a command answered with one CommandRejected, and nothing else, was rejected. */
class RejectionsTest {
    private static final Event.CommandRejected REJECTED =
            new Event.CommandRejected("c1", RejectionCode.INSUFFICIENT_CASH, "amount");

    @Test
    void aLoneRejectionIsTheAnswerWithItsCode() {
        assertThat(Rejections.of(List.of(REJECTED))).isSameAs(REJECTED);
        assertThat(Rejections.code(List.of(REJECTED))).isEqualTo("INSUFFICIENT_CASH");
        assertThat(Rejections.rejected(List.of(REJECTED))).isTrue();
    }

    @Test
    void anAcceptedCommandHasNoRejection() {
        List<Event> accepted = List.of(new Event.UserRegistered("c2", "alice", null));
        assertThat(Rejections.of(accepted)).isNull();
        assertThat(Rejections.code(accepted)).isNull();
        assertThat(Rejections.rejected(accepted)).isFalse();
        assertThat(Rejections.rejected(List.of(new Event.UserRegistered("c3", "bob", "alice"), REJECTED)))
                .as("a rejection is the command's only event; among others it is not the command's answer").isFalse();
    }
}
