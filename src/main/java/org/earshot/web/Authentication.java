package org.earshot.web;

import com.sun.net.httpserver.HttpExchange;
import java.util.Optional;
import org.earshot.account.Accounts;
import org.earshot.account.Secrets;
import org.earshot.domain.Account;

/**
 * Finds who sent a request: a bearer token (the configured service token, or a person's own) or the
 * session cookie of a signed-in browser. A browser's changes must carry its CSRF token in
 * {@value #CSRF_HEADER}: the cookie goes with any request the browser makes, the header only with the
 * page's own, since other sites can neither read the token nor set the header.
 */
final class Authentication {
    static final String COOKIE = "earshot_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String BEARER = "Bearer ";

    private final BearerToken serviceToken;
    private volatile Accounts accounts;

    Authentication(BearerToken serviceToken) {
        this.serviceToken = serviceToken;
    }

    /** Accepts people's sessions and tokens too, not only the service token. */
    void useAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    Accounts accounts() {
        return accounts;
    }

    /** The caller, or a 401 that says what to send. */
    Caller caller(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            return bearer(authorization).orElseThrow(() -> unauthorized(exchange,
                    "the API token was not accepted (wrong, revoked, or its account is disabled)"));
        }
        Optional<String> session = cookie(exchange, COOKIE);
        if (session.isPresent() && accounts != null) {
            return accounts.session(session.get())
                    .map(s -> new Caller(s.account().name(), s.account().role(), Caller.Via.SESSION, s.csrfToken()))
                    .orElseThrow(() -> unauthorized(exchange, "the session has ended: sign in again"));
        }
        throw unauthorized(exchange, accounts == null
                ? "missing API token: send 'Authorization: Bearer <token>'"
                : "not signed in: sign in at /login, or send 'Authorization: Bearer <token>'");
    }

    /** Refuses a browser's change that does not carry its session's CSRF token. */
    static void checkCsrf(HttpExchange exchange, Caller caller) {
        String method = exchange.getRequestMethod();
        if (caller.via() != Caller.Via.SESSION || method.equals("GET") || method.equals("HEAD")) {
            return;
        }
        if (!Secrets.same(caller.csrfToken(), exchange.getRequestHeaders().getFirst(CSRF_HEADER))) {
            throw new HttpError(403, "missing or wrong CSRF token: a change from the browser must send the "
                    + CSRF_HEADER + " header that GET /api/session gives (reload the page)");
        }
    }

    private Optional<Caller> bearer(String authorization) {
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        if (serviceToken.admits(authorization)) {
            return Optional.of(Caller.service());
        }
        if (accounts == null) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).strip();
        return accounts.byToken(token).map(Authentication::tokenCaller);
    }

    private static Caller tokenCaller(Account account) {
        return new Caller(account.name(), account.role(), Caller.Via.TOKEN, null);
    }

    private static HttpError unauthorized(HttpExchange exchange, String message) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        return new HttpError(401, message);
    }

    static Optional<String> cookie(HttpExchange exchange, String name) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                    return Optional.of(pair.substring(eq + 1).strip());
                }
            }
        }
        return Optional.empty();
    }
}
