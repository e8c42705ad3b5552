package org.earshot.account;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashes as PHC strings ({@code $argon2id$v=19$m=16384,t=2,p=1$salt$hash}), with a fresh
 * random salt each. The parameters are Spring Security's current defaults (16 MiB, 2 passes): about
 * 50 ms a check on one core, slow for a guesser and quick for a person signing in.
 */
public final class Passwords {
    /** Shorter passwords are refused when an account is made or its password set. */
    public static final int MIN_LENGTH = 8;
    /** Longer ones are refused too, so that a huge "password" cannot tie up a core. */
    public static final int MAX_LENGTH = 200;

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    /** Checked against when a name is unknown, so an unknown name takes as long as a wrong password. */
    private final String decoy = encoder.encode("no account has this password");

    public String hash(String password) {
        check(password);
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        if (password == null || password.length() > MAX_LENGTH) {
            return false;
        }
        return encoder.matches(password, hash);
    }

    /** Spends the time of one check, for a name that has no account. */
    public void spendTimeOfACheck(String password) {
        matches(password == null ? "" : password, decoy);
    }

    static void check(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("a password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a password may have at most " + MAX_LENGTH + " characters");
        }
        if (password.isBlank()) {
            throw new IllegalArgumentException("a password cannot be only spaces");
        }
    }
}
