package org.earshot.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.earshot.account.Accounts;
import org.earshot.account.SignInRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in and out of the queue page. {@code POST /api/login} with {@code {"name", "password"}} opens
 * a session: its id goes into an HttpOnly, SameSite=Strict cookie (no script can read it and no other
 * site's request carries it), and the answer carries the CSRF token the page sends with each change.
 * {@code GET /api/session} says who is signed in (a new tab learns its CSRF token here);
 * {@code POST /api/logout} ends the session.
 */
final class SessionApi implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SessionApi.class);

    record LoginRequest(String name, String password) {
    }

    private final Authentication authentication;

    SessionApi(Authentication authentication) {
        this.authentication = authentication;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/api/login" -> login(exchange);
                case "/api/logout" -> logout(exchange);
                case "/api/session" -> {
                    TaskApi.allow(exchange.getRequestMethod(), "GET");
                    JsonExchange.send(exchange, 200, describe(authentication.caller(exchange)));
                }
                default -> throw new HttpError(404, "no such API path: " + path);
            }
        } catch (HttpError e) {
            JsonExchange.sendError(exchange, e.status(), e.getMessage());
        } catch (RuntimeException e) {
            JsonExchange.sendFailure(exchange, e, LOG);
        } finally {
            exchange.close();
        }
    }

    private void login(HttpExchange exchange) throws IOException {
        TaskApi.allow(exchange.getRequestMethod(), "POST");
        LoginRequest body = JsonExchange.readBody(exchange, LoginRequest.class);
        if (body == null || body.name() == null || body.password() == null) {
            throw new HttpError(400, "send {\"name\": \"...\", \"password\": \"...\"}");
        }
        Accounts accounts = authentication.accounts();
        if (accounts == null) {
            throw new HttpError(404, "this server has no accounts to sign in to: use its API token");
        }
        String address = exchange.getRemoteAddress().getAddress().getHostAddress();
        try {
            Accounts.SignIn signIn = accounts.signIn(body.name(), body.password(), address);
            exchange.getResponseHeaders().add("Set-Cookie", cookie(exchange, signIn.sessionId(),
                    Accounts.SESSION_IDLE.toSeconds()));
            Caller caller = new Caller(signIn.account().name(), signIn.account().role(), Caller.Via.SESSION,
                    signIn.csrfToken());
            LOG.info("{} signed in from {}", caller.name(), address);
            JsonExchange.send(exchange, 200, describe(caller));
        } catch (SignInRefusedException e) {
            if (e.throttled()) {
                exchange.getResponseHeaders().set("Retry-After", String.valueOf(e.retryAfter().toSeconds()));
                LOG.warn("sign-in for '{}' from {} refused: {}", body.name(), address, e.getMessage());
                throw new HttpError(429, e.getMessage());
            }
            throw new HttpError(401, e.getMessage());
        }
    }

    private void logout(HttpExchange exchange) throws IOException {
        TaskApi.allow(exchange.getRequestMethod(), "POST");
        var session = Authentication.cookie(exchange, Authentication.COOKIE);
        if (session.isPresent() && authentication.accounts() != null) {
            // Signing out is a change too: another site must not be able to sign a person out.
            Authentication.checkCsrf(exchange, authentication.caller(exchange));
            authentication.accounts().signOut(session.get());
        }
        exchange.getResponseHeaders().add("Set-Cookie", cookie(exchange, "", 0));
        JsonExchange.send(exchange, 200, Map.of("signedOut", true));
    }

    private static Map<String, Object> describe(Caller caller) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", caller.name());
        body.put("role", caller.role().id());
        body.put("via", caller.via().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        if (caller.csrfToken() != null) {
            body.put("csrfToken", caller.csrfToken());
        }
        body.put("can", caller.can());
        return body;
    }

    /** Secure only behind an HTTPS proxy that says so: on plain http the browser would drop it. */
    private static String cookie(HttpExchange exchange, String value, long maxAgeSeconds) {
        boolean https = "https".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("X-Forwarded-Proto"));
        return Authentication.COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + maxAgeSeconds
                + (https ? "; Secure" : "");
    }
}
