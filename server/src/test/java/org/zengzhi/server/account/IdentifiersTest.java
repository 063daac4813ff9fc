package org.zengzhi.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 20 item 2: the rule of usernames (any script, no hidden characters), phone numbers and display names. */
class IdentifiersTest {
    @Test
    void usernamesAreLettersOfAnyScriptDigitsAndThreeMarks() {
        for (String good : new String[] {"张三", "lee", "李_小龙-2", "müller", "a.b", "u7k3mq2x9p"}) {
            assertThat(Identifiers.usernameProblem(good)).as(good).isNull();
        }
        assertThat(Identifiers.usernameProblem("张")).as("one character").isNotNull();
        assertThat(Identifiers.usernameProblem("x".repeat(65))).as("65 characters").isNotNull();
        assertThat(Identifiers.usernameProblem("张".repeat(64))).as("64 characters, 64 code points").isNull();
        assertThat(Identifiers.usernameProblem("a b")).isNotNull();
        assertThat(Identifiers.usernameProblem("a@b")).isNotNull();
        assertThat(Identifiers.usernameProblem("１２３")).as("full-width digits are not 0-9").isNotNull();
    }

    @Test
    void hiddenCharactersAreRefusedByName() {
        for (String hidden : new String[] {"ab\u202Ecd", "ab\u2066cd", "ab\u200Bcd", "ab\u200Dcd", "ab\uFEFFcd", "ab\u0007cd"}) {
            assertThat(Identifiers.usernameProblem(hidden)).as(hidden)
                    .isEqualTo("must not contain control, bidirectional or invisible characters");
            assertThat(Identifiers.displayNameProblem(hidden)).as(hidden)
                    .isEqualTo("must not contain control, bidirectional or invisible characters");
        }
    }

    @Test
    void aUsernameIsInNormalFormCAndNeverShapedLikeAPhone() {
        assertThat(Identifiers.usernameProblem("mu\u0308ller")).as("u + combining diaeresis").isNotNull();
        assertThat(Identifiers.usernameProblem("13812345678")).contains("phone");
        assertThat(Identifiers.usernameProblem("12812345678")).as("not a mobile number").isNull();
    }

    @Test
    void phonesAreMainlandMobileNumbers() {
        assertThat(Identifiers.isPhone("13812345678")).isTrue();
        assertThat(Identifiers.isPhone("19912345678")).isTrue();
        assertThat(Identifiers.isPhone("12812345678")).isFalse();
        assertThat(Identifiers.isPhone("1381234567")).isFalse();
        assertThat(Identifiers.isPhone("+8613812345678")).isFalse();
        assertThat(Identifiers.isPhone(null)).isFalse();
    }

    @Test
    void displayNamesAreAnyTextUpToThirtyCharacters() {
        assertThat(Identifiers.displayNameProblem("李四 (Lisa) ☕")).isNull();
        assertThat(Identifiers.displayNameProblem("字".repeat(30))).isNull();
        assertThat(Identifiers.displayNameProblem("字".repeat(31))).isEqualTo("at most 30 characters");
    }
}
