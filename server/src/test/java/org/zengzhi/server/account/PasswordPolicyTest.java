package org.zengzhi.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 19 item 10: the passwords the probe got through ("12345678", "password", the username) are refused. */
class PasswordPolicyTest {
    private final PasswordPolicy policy = PasswordPolicy.standard();

    @Test
    void theShippedListIsARealListOfSeveralThousandPasswords() {
        assertThat(policy.commonCount()).isGreaterThan(3_000);
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        for (String common : new String[] {"1234567890", "password123", "Password2024", "qwertyuiop", "woaini1314520",
                "iloveyou123", "1q2w3e4r5t", "aaaaaaaaaa", "19900101"}) {
            if (common.length() >= PasswordPolicy.LENGTH_MIN) {
                assertThat(policy.refusal("someone", common)).as(common).contains("common");
            }
        }
    }

    @Test
    void tooShortOrTooLongIsRefused() {
        assertThat(policy.refusal("alice", "12345678")).contains("10 to 200");
        assertThat(policy.refusal("alice", "x".repeat(201))).contains("10 to 200");
        assertThat(policy.refusal("alice", null)).contains("10 to 200");
    }

    @Test
    void theUsernameOrTheUsernameWithAFewCharactersIsRefused() {
        assertThat(policy.refusal("alexander99", "alexander99")).contains("username");
        assertThat(policy.refusal("alexander", "Alexander2024")).contains("username");
        assertThat(policy.refusal("alexander", "alexander!")).contains("username");
    }

    @Test
    void aPassphraseIsAccepted() {
        assertThat(policy.refusal("alice", "alice-secret")).isNull();
        assertThat(policy.refusal("alice", "correct horse battery staple")).isNull();
        assertThat(policy.refusal("alice", "湖边的小船慢慢划过去")).isNull();
    }
}
