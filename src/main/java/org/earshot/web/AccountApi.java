package org.earshot.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.earshot.account.Accounts;
import org.earshot.domain.Account;
import org.earshot.domain.Role;
import org.earshot.store.AccountStore.TokenRow;

/**
 * Accounts and tokens over the API. An admin lists, makes and disables accounts and changes roles
 * ({@code /api/accounts}); everyone makes, lists and revokes their own API tokens ({@code /api/tokens}),
 * and an admin anyone's. {@link TaskApi} routes here, so authentication and the errors are its own.
 */
final class AccountApi {
    record AccountView(String name, String role, boolean enabled, Instant createdAt, Instant disabledAt) {
        static AccountView of(Account a) {
            return new AccountView(a.name(), a.role().id(), a.enabled(), a.createdAt(), a.disabledAt());
        }
    }

    record NewAccountRequest(String name, String role, String password) {
    }

    record RoleRequest(String role) {
    }

    record TokenRequest(String label) {
    }

    private final Accounts accounts;

    AccountApi(Accounts accounts) {
        this.accounts = accounts;
    }

    void route(HttpExchange exchange, String method, List<String> parts) throws IOException {
        Caller caller = Caller.of(exchange);
        if (parts.equals(List.of("accounts"))) {
            if (method.equals("GET")) {
                requireAdmin(caller, "listing accounts");
                JsonExchange.send(exchange, 200, Map.of("accounts", accounts.list().stream().map(AccountView::of).toList()));
            } else {
                TaskApi.allow(method, "POST");
                NewAccountRequest body = JsonExchange.readBody(exchange, NewAccountRequest.class);
                if (body == null || body.name() == null || body.role() == null || body.password() == null) {
                    throw new HttpError(400, "send {\"name\": \"...\", \"role\": \"" + Role.ids() + "\", \"password\": \"...\"}");
                }
                JsonExchange.send(exchange, 201, AccountView.of(accounts.add(body.name(), Role.parse(body.role()),
                        body.password())));
            }
        } else if (parts.size() == 3 && parts.get(0).equals("accounts") && parts.get(2).equals("disable")) {
            TaskApi.allow(method, "POST");
            JsonExchange.send(exchange, 200, AccountView.of(accounts.disable(parts.get(1))));
        } else if (parts.size() == 3 && parts.get(0).equals("accounts") && parts.get(2).equals("role")) {
            TaskApi.allow(method, "POST");
            RoleRequest body = JsonExchange.readBody(exchange, RoleRequest.class);
            if (body == null || body.role() == null) {
                throw new HttpError(400, "send {\"role\": \"...\"}, one of " + Role.ids());
            }
            JsonExchange.send(exchange, 200, AccountView.of(accounts.setRole(parts.get(1), Role.parse(body.role()))));
        } else if (parts.equals(List.of("tokens"))) {
            tokens(exchange, method, caller);
        } else if (parts.size() == 3 && parts.get(0).equals("tokens") && parts.get(2).equals("revoke")) {
            TaskApi.allow(method, "POST");
            long id = tokenId(parts.get(1));
            TokenRow token = accounts.token(id).orElseThrow(() -> new HttpError(404, "no API token " + id));
            if (!token.accountName().equals(caller.name())) {
                requireAdmin(caller, "revoking another account's token");
            }
            JsonExchange.send(exchange, 200, accounts.revokeToken(id));
        } else {
            throw new HttpError(404, "no such API path: " + exchange.getRequestURI().getPath());
        }
    }

    private void tokens(HttpExchange exchange, String method, Caller caller) throws IOException {
        if (method.equals("GET")) {
            boolean all = "true".equals(TaskApi.query(exchange).get("all"));
            if (all) {
                requireAdmin(caller, "listing everyone's tokens");
            }
            JsonExchange.send(exchange, 200, Map.of("tokens", accounts.tokens(all ? null : caller.name())));
            return;
        }
        TaskApi.allow(method, "POST");
        if (caller.via() == Caller.Via.SERVICE_TOKEN) {
            throw new HttpError(400, "the service token belongs to no account: make a person's token with"
                    + " 'earshot token add NAME', or sign in as them");
        }
        TokenRequest body = JsonExchange.readBody(exchange, TokenRequest.class);
        Accounts.NewToken made = accounts.addToken(caller.name(), body == null ? null : body.label());
        JsonExchange.send(exchange, 201, Map.of("id", made.id(), "label", made.label(), "token", made.token(),
                "note", "shown once: keep it now; revoke it with POST /api/tokens/" + made.id() + "/revoke"));
    }

    private static void requireAdmin(Caller caller, String what) {
        if (!caller.role().includes(Role.ADMIN)) {
            throw caller.refused(Role.ADMIN, what);
        }
    }

    private static long tokenId(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new HttpError(404, "no API token '" + raw + "': token ids are numbers");
        }
    }
}
