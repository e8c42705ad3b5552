package org.earshot.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failed sign-ins per account name and per address: after {@code perName} failures for one
 * name, or {@code perAddress} from one address, within the window, further tries are refused until the
 * oldest failure leaves the window. A success clears the name's count. Kept in memory: a restart
 * forgets it, which costs a guesser one window, not the team its sessions.
 */
public final class LoginThrottle {
    private final int perName;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    public LoginThrottle(int perName, int perAddress, Duration window, Clock clock) {
        if (perName < 1 || perAddress < 1) {
            throw new IllegalArgumentException("login limits must be at least 1, but were " + perName + " per name and "
                    + perAddress + " per address");
        }
        this.perName = perName;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
    }

    /** Five tries per name and twenty per address in fifteen minutes. */
    public static LoginThrottle standard(Clock clock) {
        return new LoginThrottle(5, 20, Duration.ofMinutes(15), clock);
    }

    /** How long {@code name} from {@code address} must wait before trying again; empty when it may try now. */
    public synchronized Optional<Refusal> refusal(String name, String address) {
        Instant now = clock.instant();
        Optional<Duration> byName = wait("name:" + name, perName, now);
        if (byName.isPresent()) {
            return Optional.of(new Refusal("too many failed sign-ins for '" + name + "'", byName.get()));
        }
        return wait("address:" + address, perAddress, now)
                .map(d -> new Refusal("too many failed sign-ins from this address", d));
    }

    public synchronized void failed(String name, String address) {
        Instant now = clock.instant();
        failures.computeIfAbsent("name:" + name, k -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent("address:" + address, k -> new ArrayDeque<>()).addLast(now);
    }

    public synchronized void succeeded(String name) {
        failures.remove("name:" + name);
    }

    /** Why a sign-in is refused and how long until the next may be tried. */
    public record Refusal(String reason, Duration retryAfter) {
        public String message() {
            long minutes = Math.max(1, (retryAfter.toSeconds() + 59) / 60);
            return reason + ": try again in " + minutes + (minutes == 1 ? " minute" : " minutes");
        }
    }

    private Optional<Duration> wait(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.removeFirst();
        }
        if (times.isEmpty()) {
            failures.remove(key);
            return Optional.empty();
        }
        if (times.size() < limit) {
            return Optional.empty();
        }
        // The oldest failures must leave the window until one fewer than the limit remain.
        Instant freeAt = times.stream().skip(times.size() - limit).findFirst().orElseThrow().plus(window);
        return Optional.of(Duration.between(now, freeAt));
    }
}
