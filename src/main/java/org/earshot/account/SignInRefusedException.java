package org.earshot.account;

import java.time.Duration;

/**
 * A sign-in that did not succeed: a wrong name or password (said the same way for both, so the
 * answer does not tell which names exist), or too many failures lately.
 */
public final class SignInRefusedException extends RuntimeException {
    private final Duration retryAfter;

    SignInRefusedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long until the next try is accepted; null when the refusal was a wrong password. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean throttled() {
        return retryAfter != null;
    }
}
