package org.earshot.demo;

import java.util.List;
import org.earshot.account.Accounts;
import org.earshot.account.Secrets;
import org.earshot.domain.Role;

/**
 * The demo's people: an admin to try everything and a responder to see what a responder may not do.
 * Each run gives them fresh passwords (printed in the banner), so a kept demo database has no old one.
 */
final class DemoAccounts {
    record Login(String name, Role role, String password) {
    }

    private static final List<String> NAMES = List.of("demo", "rio");
    private static final List<Role> ROLES = List.of(Role.ADMIN, Role.RESPONDER);

    private DemoAccounts() {
    }

    static List<Login> prepare(Accounts accounts) {
        return java.util.stream.IntStream.range(0, NAMES.size()).mapToObj(i -> {
            String name = NAMES.get(i);
            String password = Secrets.random("").substring(0, 12);
            if (accounts.find(name).isPresent()) {
                accounts.setPassword(name, password);
                accounts.setRole(name, ROLES.get(i));
            } else {
                accounts.add(name, ROLES.get(i), password);
            }
            return new Login(name, ROLES.get(i), password);
        }).toList();
    }
}
