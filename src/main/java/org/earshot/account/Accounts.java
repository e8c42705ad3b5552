package org.earshot.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.earshot.domain.Account;
import org.earshot.domain.Role;
import org.earshot.store.AccountStore;
import org.earshot.store.AccountStore.SessionRow;
import org.earshot.store.AccountStore.TokenRow;
import org.earshot.store.Database;

/**
 * The team's accounts: making and disabling them, signing in (passwords checked as Argon2id, failures
 * throttled), browser sessions kept in the database (so they hold across tabs and restarts), and
 * personal API tokens for scripts and the command line, each revocable.
 */
public final class Accounts {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{0,49}");
    /** A session ends this long after it was last used. */
    public static final Duration SESSION_IDLE = Duration.ofHours(12);
    /** A session's end is moved on at most this often, so that reading the queue is not a write each time. */
    private static final Duration SESSION_EXTEND_STEP = Duration.ofMinutes(5);
    static final String TOKEN_PREFIX = "es_";

    /** A token as made: the only time its text is seen. */
    public record NewToken(long id, String token, Account account, String label) {
    }

    /** A signed-in browser: the session id goes into the cookie, the CSRF token to the page. */
    public record SignIn(String sessionId, String csrfToken, Account account, Instant expiresAt) {
    }

    private final Database db;
    private final AccountStore store;
    private final Passwords passwords = new Passwords();
    private final LoginThrottle throttle;
    private final Clock clock;

    public Accounts(Database db, AccountStore store, LoginThrottle throttle, Clock clock) {
        this.db = db;
        this.store = store;
        this.throttle = throttle;
        this.clock = clock;
    }

    public Account add(String name, Role role, String password) {
        checkName(name);
        String hash = passwords.hash(password);
        Instant now = clock.instant();
        return db.inTransaction(h -> {
            if (store.find(h, name).isPresent()) {
                throw new IllegalArgumentException("there is already an account '" + name + "'");
            }
            long id = store.insert(h, name, role, hash, now);
            return new Account(id, name, role, now, null);
        });
    }

    public List<Account> list() {
        return db.inTransaction(store::list);
    }

    public Optional<Account> find(String name) {
        return db.inTransaction(h -> store.find(h, name));
    }

    /** Whether any account exists: until one does, only the configured service token opens the API. */
    public boolean any() {
        return db.inTransaction(h -> store.count(h) > 0);
    }

    /** Disables the account: it cannot sign in, its sessions end and its tokens stop working. */
    public Account disable(String name) {
        Instant now = clock.instant();
        return db.inTransaction(h -> {
            Account account = existing(h, name);
            store.disable(h, account.id(), now);
            return store.find(h, name).orElseThrow();
        });
    }

    public Account setRole(String name, Role role) {
        return db.inTransaction(h -> {
            Account account = existing(h, name);
            store.setRole(h, account.id(), role);
            return store.find(h, name).orElseThrow();
        });
    }

    public void setPassword(String name, String password) {
        String hash = passwords.hash(password);
        db.useTransaction(h -> store.setPasswordHash(h, existing(h, name).id(), hash));
    }

    public NewToken addToken(String name, String label) {
        String cleanLabel = label == null || label.isBlank() ? "api" : label.strip();
        if (cleanLabel.length() > 100) {
            throw new IllegalArgumentException("a token's label may have at most 100 characters");
        }
        String token = Secrets.random(TOKEN_PREFIX);
        Instant now = clock.instant();
        return db.inTransaction(h -> {
            Account account = existing(h, name);
            if (!account.enabled()) {
                throw new IllegalArgumentException("account '" + name + "' is disabled; it gets no new tokens");
            }
            long id = store.insertToken(h, account.id(), cleanLabel, Secrets.sha256(token), now);
            return new NewToken(id, token, account, cleanLabel);
        });
    }

    /** The tokens of one account, or everyone's when {@code name} is null; never their text. */
    public List<TokenRow> tokens(String name) {
        return db.inTransaction(h -> store.tokens(h, name));
    }

    public Optional<TokenRow> token(long id) {
        return db.inTransaction(h -> store.token(h, id));
    }

    /** Revokes a token at once: the next request with it is refused. */
    public TokenRow revokeToken(long id) {
        Instant now = clock.instant();
        return db.inTransaction(h -> {
            TokenRow row = store.token(h, id).orElseThrow(() -> new IllegalArgumentException("no API token " + id));
            store.revokeToken(h, id, now);
            return store.token(h, id).orElse(row);
        });
    }

    /** The enabled account a live personal token belongs to. */
    public Optional<Account> byToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return db.inTransaction(h -> store.accountForToken(h, Secrets.sha256(token), now));
    }

    /**
     * Checks the password and opens a session. Refused when the name or password is wrong, when the
     * account is disabled, or when this name or address failed too often lately.
     *
     * @param address where the request came from, for the per-address limit
     */
    public SignIn signIn(String name, String password, String address) {
        String key = name == null ? "" : name.strip();
        throttle.refusal(key, address).ifPresent(r -> {
            throw new SignInRefusedException(r.message(), r.retryAfter());
        });
        Optional<Account> account = db.inTransaction(h -> store.find(h, key));
        Optional<String> hash = account.filter(Account::enabled)
                .flatMap(a -> db.inTransaction(h -> store.passwordHash(h, a.id())));
        boolean ok;
        if (hash.isPresent()) {
            ok = passwords.matches(password, hash.get());
        } else {
            passwords.spendTimeOfACheck(password);
            ok = false;
        }
        if (!ok) {
            throttle.failed(key, address);
            throw new SignInRefusedException("wrong name or password (or the account is disabled)", null);
        }
        throttle.succeeded(key);
        String sessionId = Secrets.random("");
        String csrf = Secrets.random("");
        Instant now = clock.instant();
        Instant until = now.plus(SESSION_IDLE);
        db.useTransaction(h -> {
            store.deleteExpiredSessions(h, now);
            store.insertSession(h, Secrets.sha256(sessionId), account.get().id(), csrf, now, until);
        });
        return new SignIn(sessionId, csrf, account.get(), until);
    }

    /** The live session with this id (from the cookie); using it moves its end on. */
    public Optional<SessionRow> session(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return Optional.empty();
        }
        String idHash = Secrets.sha256(sessionId);
        Instant now = clock.instant();
        return db.inTransaction(h -> {
            Optional<SessionRow> row = store.session(h, idHash, now);
            row.filter(r -> r.expiresAt().isBefore(now.plus(SESSION_IDLE).minus(SESSION_EXTEND_STEP)))
                    .ifPresent(r -> store.extendSession(h, idHash, now.plus(SESSION_IDLE)));
            return row;
        });
    }

    public void signOut(String sessionId) {
        if (sessionId != null && !sessionId.isBlank()) {
            db.useTransaction(h -> store.deleteSession(h, Secrets.sha256(sessionId)));
        }
    }

    private Account existing(org.jdbi.v3.core.Handle h, String name) {
        return store.find(h, name).orElseThrow(() -> new IllegalArgumentException("no account '" + name + "'"));
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an account name is 1 to 50 lower-case letters, digits, '.', '_' or '-',"
                    + " starting with a letter, but was '" + name + "'");
        }
    }
}
