package org.earshot.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    private final Passwords passwords = new Passwords();

    @Test
    void aPasswordIsStoredAsAnArgon2idHashWithItsOwnSaltAndChecksOnlyAgainstItself() {
        String first = passwords.hash("correct horse battery");
        String second = passwords.hash("correct horse battery");

        assertThat(first).startsWith("$argon2id$v=19$m=16384,t=2,p=1$").doesNotContain("correct horse");
        assertThat(first).isNotEqualTo(second);
        assertThat(passwords.matches("correct horse battery", first)).isTrue();
        assertThat(passwords.matches("correct horse batterY", first)).isFalse();
    }

    @Test
    void shortBlankAndHugePasswordsAreRefused() {
        assertThatThrownBy(() -> passwords.hash("seven77")).hasMessage("a password needs at least 8 characters");
        assertThatThrownBy(() -> passwords.hash("          ")).hasMessage("a password cannot be only spaces");
        assertThatThrownBy(() -> passwords.hash("x".repeat(201))).hasMessage("a password may have at most 200 characters");
        assertThat(passwords.matches("x".repeat(201), passwords.hash("long enough"))).isFalse();
    }
}
