package org.earshot.cli;

import org.earshot.account.Accounts;
import org.earshot.domain.Account;
import org.earshot.domain.Role;
import picocli.CommandLine.Option;

/**
 * Who a deciding command acts as. With a personal token ({@code --token} or {@code $EARSHOT_TOKEN}) the
 * audit log names its account, and the account's role must allow the action, as in the API. Without
 * one, {@code --as} names the person: whoever runs the command can open the database anyway.
 */
public final class CallerOption {
    @Option(names = "--as", defaultValue = "${sys:user.name}",
            description = "Who decides, when no token is given (default: your user name).")
    String actor;

    @Option(names = "--token", defaultValue = "${env:EARSHOT_TOKEN}", paramLabel = "TOKEN",
            description = "Your personal API token (default: $EARSHOT_TOKEN): acts as its account, with its role.")
    String token;

    /** The name for the audit log; refused when the token's account may not do {@code what}. */
    String actor(Accounts accounts, Role needed, String what) {
        if (token == null || token.isBlank()) {
            return actor;
        }
        Account account = accounts.byToken(token.strip()).orElseThrow(() -> new IllegalArgumentException(
                "the token was not accepted (wrong, revoked, or its account is disabled)"));
        if (!account.role().includes(needed)) {
            throw new IllegalArgumentException(what + " needs the " + needed.id() + " role, but '" + account.name()
                    + "' is " + ("aeiou".indexOf(account.role().id().charAt(0)) >= 0 ? "an " : "a ")
                    + account.role().id());
        }
        return account.name();
    }
}
