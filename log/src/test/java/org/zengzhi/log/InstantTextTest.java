package org.zengzhi.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path must agree with Instant.parse on every input, errors included. */
class InstantTextTest {

    private static void assertSameAsInstantParse(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> InstantText.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(InstantText.parse(text)).as(text).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-01-01T10:00:00Z", "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z", "2024-02-29T12:00:00Z", "2023-02-29T12:00:00Z", "2100-02-29T00:00:00Z",
        "2000-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z",
        "2026-01-00T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z", "2026-12-31T23:59:60Z",
        "2026-01-01T10:00:61Z", "2026-01-01t10:00:00Z", "2026-01-01T10:00:00z", "2026-01-01 10:00:00Z",
        "2026-1-01T10:00:00Z", "2026-01-01T10:00:00.5Z", "2026-01-01T10:00:00+08:00", "+12026-01-01T10:00:00Z",
        "-0001-01-01T10:00:00Z", "２０２６-01-01T10:00:00Z", "2026-01-01T10:00Z", "", "garbage-of-20-chars!" })
    void agreesOnEdgeCases(String text) {
        assertSameAsInstantParse(text);
    }

    @Test
    void agreesOnRandomCanonicalTexts() {
        Random random = new Random(20260101);
        for (int i = 0; i < 50_000; i++) {
            String text = String.format("%04d-%02d-%02dT%02d:%02d:%02dZ", random.nextInt(10_000), random.nextInt(14),
                    random.nextInt(33), random.nextInt(25), random.nextInt(61), random.nextInt(62));
            assertSameAsInstantParse(text);
        }
    }
}
