package org.earshot.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.earshot.Wiring;
import org.earshot.account.Accounts;
import org.earshot.store.AccountStore.TokenRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code earshot token add|list|revoke}: personal API tokens, for scripts that act as a person. */
@Command(name = "token", description = "Manages personal API tokens (Authorization: Bearer <token>); each acts with its account's role.",
        subcommands = {TokenCommand.Add.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
public final class TokenCommand {

    @Command(name = "add", description = "Makes a token for an account and prints it once (only its hash is kept).")
    static final class Add implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "NAME", description = "The account the token acts as.")
        String name;

        @Option(names = "--label", defaultValue = "cli", description = "What it is for (default: ${DEFAULT-VALUE}).")
        String label;

        @Override
        public Integer call() {
            try (Wiring office = Wiring.office(config.load(), Clock.systemUTC())) {
                Accounts.NewToken made = office.accounts().addToken(name, label);
                System.err.println("token " + made.id() + " for " + name + " (" + made.account().role().id()
                        + "), shown once; revoke it with: earshot token revoke " + made.id());
                System.out.println(made.token());
            }
            return 0;
        }
    }

    @Command(name = "list", description = "Lists tokens (never their text): of one account, or everyone's.")
    static final class ListTokens implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "NAME", arity = "0..1")
        String name;

        @Override
        public Integer call() {
            try (Wiring office = Wiring.office(config.load(), Clock.systemUTC())) {
                for (TokenRow t : office.accounts().tokens(name)) {
                    System.out.printf("%-6d %-20s %-20s %s%n", t.id(), t.accountName(), t.label(),
                            t.revokedAt() != null ? "revoked " + t.revokedAt()
                                    : t.lastUsedAt() != null ? "last used " + t.lastUsedAt() : "never used");
                }
            }
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revokes a token: the next request with it is refused.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            try (Wiring office = Wiring.office(config.load(), Clock.systemUTC())) {
                TokenRow t = office.accounts().revokeToken(id);
                System.out.println("token " + t.id() + " of " + t.accountName() + " (" + t.label() + ") revoked");
            }
            return 0;
        }
    }
}
