package org.earshot.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.earshot.domain.Role;
import org.earshot.store.AccountStore;
import org.earshot.store.AuditLog;
import org.earshot.store.Database;
import org.earshot.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/** The accounts' SQL on PostgreSQL, as clustered nodes share it (skipped without a PostgreSQL server). */
class AccountsOnPostgresIT {
    @Test
    void accountsTokensSessionsAndTheWholeAuditLogWorkOnPostgres() {
        try (Database db = Database.open(TestPostgres.freshSchema())) {
            Accounts accounts = new Accounts(db, new AccountStore(), LoginThrottle.standard(db, Clock.systemUTC()),
                    Clock.systemUTC());
            accounts.add("bea", Role.APPROVER, "long enough one");
            var token = accounts.addToken("bea", "script");
            var signIn = accounts.signIn("bea", "long enough one", "127.0.0.1");

            assertThat(accounts.byToken(token.token())).get().extracting(a -> a.name()).isEqualTo("bea");
            assertThat(accounts.session(signIn.sessionId())).get().extracting(s -> s.csrfToken())
                    .isEqualTo(signIn.csrfToken());
            assertThat(accounts.tokens(null)).extracting(t -> t.label()).containsExactly("script");

            accounts.disable("bea");
            assertThat(accounts.byToken(token.token())).isEmpty();
            assertThat(accounts.session(signIn.sessionId())).isEmpty();

            AuditLog audit = new AuditLog();
            db.useTransaction(h -> {
                audit.record(h, java.time.Instant.now(), 1L, "bea", "rejected", "spam");
                audit.record(h, java.time.Instant.now(), 2L, "bea", "approved", "hi");
            });
            List<AuditLog.Entry> latest = db.inTransaction(h -> audit.latest(h, 1));
            assertThat(latest).extracting(AuditLog.Entry::action).containsExactly("approved");
        }
    }
}
