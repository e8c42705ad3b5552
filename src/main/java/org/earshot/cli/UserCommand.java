package org.earshot.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.earshot.Wiring;
import org.earshot.domain.Account;
import org.earshot.domain.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code earshot user add|list|disable|role}: the team's accounts, in the database the daemon uses. */
@Command(name = "user", description = "Manages the team's accounts (who signs in to the queue, with which role).",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Disable.class,
                UserCommand.SetRole.class})
public final class UserCommand {
    /** Where a new password is read from, in this order: the environment, standard input, the terminal. */
    static final String PASSWORD_ENV = "EARSHOT_PASSWORD";

    @Command(name = "add", description = "Makes an account. The password comes from $" + PASSWORD_ENV
            + ", else from standard input (--password-stdin), else it is asked for twice on the terminal.")
    static final class Add implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "NAME", description = "Lower-case letters, digits, '.', '_' or '-'; the audit log shows it.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "viewer, responder, approver or admin (the first account should be an admin).")
        String role;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            Role parsed = Role.parse(role);
            String password = password(passwordStdin);
            try (Wiring office = Wiring.office(config.load(), Clock.systemUTC())) {
                Account account = office.accounts().add(name, parsed, password);
                System.out.println("account " + account.name() + " made: " + account.role().id() + " ("
                        + account.role().can() + ")");
            }
            return 0;
        }
    }

    @Command(name = "list", description = "Lists the accounts with their roles.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Override
        public Integer call() {
            try (Wiring office = Wiring.office(config.load(), Clock.systemUTC())) {
                for (Account a : office.accounts().list()) {
                    System.out.printf("%-20s %-10s %s%n", a.name(), a.role().id(),
                            a.enabled() ? "since " + a.createdAt() : "disabled " + a.disabledAt());
                }
            }
            return 0;
        }
    }

    @Command(name = "disable", description = "Disables an account: it cannot sign in, its sessions end, its tokens stop working.")
    static final class Disable implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (Wiring office = Wiring.office(config.load(), Clock.systemUTC())) {
                office.accounts().disable(name);
                System.out.println("account " + name + " disabled; its sessions are ended and its tokens refused");
            }
            return 0;
        }
    }

    @Command(name = "role", description = "Gives an account another role.")
    static final class SetRole implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "ROLE", description = "viewer, responder, approver or admin.")
        String role;

        @Override
        public Integer call() {
            try (Wiring office = Wiring.office(config.load(), Clock.systemUTC())) {
                Account account = office.accounts().setRole(name, Role.parse(role));
                System.out.println("account " + account.name() + " is now " + account.role().id());
            }
            return 0;
        }
    }

    static String password(boolean fromStdin) {
        String env = System.getenv(PASSWORD_ENV);
        if (env != null && !env.isEmpty()) {
            return env;
        }
        if (fromStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null) {
                    throw new IllegalArgumentException("--password-stdin: standard input was empty");
                }
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("no terminal to ask for the password: set $" + PASSWORD_ENV
                    + " or pass --password-stdin");
        }
        char[] first = console.readPassword("Password for the new account: ");
        char[] second = console.readPassword("The same again: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            throw new IllegalArgumentException("the two passwords differ; nothing was made");
        }
        return new String(first);
    }
}
