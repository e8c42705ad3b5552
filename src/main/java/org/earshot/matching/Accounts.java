package org.earshot.matching;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Account names as the config and the platforms write them ("@AcmeAir", "acmeair ", "@acmeair@
 * mastodon.example"), brought to one form so that the brand's own accounts and excluded authors
 * are recognised however they were typed.
 */
public final class Accounts {
    private Accounts() {
    }

    /** Lower case, trimmed, without a leading "@". */
    public static String bare(String account) {
        String s = account.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("@") ? s.substring(1) : s;
    }

    /** The bare form of each account; none for a missing list. */
    public static Set<String> bare(List<String> accounts) {
        return accounts == null ? Set.of() : accounts.stream().map(Accounts::bare).collect(Collectors.toUnmodifiableSet());
    }
}
