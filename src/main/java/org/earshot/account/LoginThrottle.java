package org.earshot.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.earshot.store.Database;
import org.earshot.store.SignInFailureStore;

/**
 * Counts failed sign-ins per account name and per address: after {@code perName} failures for one
 * name, or {@code perAddress} from one address, within the window, further tries are refused until the
 * oldest failure leaves the window. A success clears the name's count. Kept in the database
 * ({@code sign_in_failure}), so every node of a cluster counts the same tries and a restart forgets none.
 */
public final class LoginThrottle {
    /** Longer keys (an address header gone wild, a pasted essay as a name) are kept by their hash. */
    private static final int LONGEST_KEY = 400;

    private final Database db;
    private final SignInFailureStore failures = new SignInFailureStore();
    private final int perName;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;

    public LoginThrottle(Database db, int perName, int perAddress, Duration window, Clock clock) {
        if (perName < 1 || perAddress < 1) {
            throw new IllegalArgumentException("login limits must be at least 1, but were " + perName + " per name and "
                    + perAddress + " per address");
        }
        this.db = db;
        this.perName = perName;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
    }

    /** Five tries per name and twenty per address in fifteen minutes. */
    public static LoginThrottle standard(Database db, Clock clock) {
        return new LoginThrottle(db, 5, 20, Duration.ofMinutes(15), clock);
    }

    /** How long {@code name} from {@code address} must wait before trying again; empty when it may try now. */
    public Optional<Refusal> refusal(String name, String address) {
        Instant now = clock.instant();
        Optional<Duration> byName = wait(nameKey(name), perName, now);
        if (byName.isPresent()) {
            return Optional.of(new Refusal("too many failed sign-ins for '" + name + "'", byName.get()));
        }
        return wait(addressKey(address), perAddress, now)
                .map(d -> new Refusal("too many failed sign-ins from this address", d));
    }

    public void failed(String name, String address) {
        Instant now = clock.instant();
        db.useTransaction(h -> {
            failures.record(h, nameKey(name), now);
            failures.record(h, addressKey(address), now);
        });
    }

    public void succeeded(String name) {
        db.useTransaction(h -> failures.clear(h, nameKey(name)));
    }

    /** Why a sign-in is refused and how long until the next may be tried. */
    public record Refusal(String reason, Duration retryAfter) {
        public String message() {
            long minutes = Math.max(1, (retryAfter.toSeconds() + 59) / 60);
            return reason + ": try again in " + minutes + (minutes == 1 ? " minute" : " minutes");
        }
    }

    private Optional<Duration> wait(String key, int limit, Instant now) {
        List<Instant> times = db.inTransaction(h -> failures.since(h, key, now.minus(window)));
        if (times.size() < limit) {
            return Optional.empty();
        }
        // The oldest failures must leave the window until one fewer than the limit remain.
        Instant freeAt = times.get(times.size() - limit).plus(window);
        return Optional.of(Duration.between(now, freeAt));
    }

    private static String nameKey(String name) {
        return key("name:", name);
    }

    private static String addressKey(String address) {
        return key("address:", address);
    }

    private static String key(String kind, String value) {
        String key = kind + (value == null ? "" : value);
        return key.length() <= LONGEST_KEY ? key : kind + "sha256:" + Secrets.sha256(value);
    }
}
