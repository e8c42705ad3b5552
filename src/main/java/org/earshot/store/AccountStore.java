package org.earshot.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.earshot.domain.Account;
import org.earshot.domain.Role;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** Accounts, their API tokens and their browser sessions; tokens and session ids only as hashes. */
public final class AccountStore {

    /** An API token as listed: never the token itself, which only its owner saw once. */
    public record TokenRow(long id, String accountName, String label, Instant createdAt, Instant lastUsedAt,
                           Instant revokedAt) {
    }

    /** A browser session as stored: whose it is, its CSRF token, and until when it holds. */
    public record SessionRow(Account account, String csrfToken, Instant createdAt, Instant expiresAt) {
    }

    private static final String ACCOUNT_COLUMNS = "a.id, a.name, a.role, a.created_at, a.disabled_at";

    private static final RowMapper<Account> ACCOUNT = (rs, ctx) -> new Account(rs.getLong("id"), rs.getString("name"),
            Role.valueOf(rs.getString("role")), Timestamps.read(rs, "created_at"), Timestamps.read(rs, "disabled_at"));

    private static final RowMapper<TokenRow> TOKEN = (rs, ctx) -> new TokenRow(rs.getLong("id"),
            rs.getString("account_name"), rs.getString("label"), Timestamps.read(rs, "token_created_at"),
            Timestamps.read(rs, "last_used_at"), Timestamps.read(rs, "revoked_at"));

    public long insert(Handle h, String name, Role role, String passwordHash, Instant at) {
        return h.createUpdate(InsertStatement.into("account", "name", "role", "password_hash", "created_at"))
                .bind("name", name).bind("role", role.name()).bind("password_hash", passwordHash).bind("created_at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public Optional<Account> find(Handle h, String name) {
        return h.createQuery("select " + ACCOUNT_COLUMNS + " from account a where a.name = :name")
                .bind("name", name).map(ACCOUNT).findOne();
    }

    public Optional<String> passwordHash(Handle h, long accountId) {
        return h.createQuery("select password_hash from account where id = :id").bind("id", accountId)
                .mapTo(String.class).findOne();
    }

    public void setPasswordHash(Handle h, long accountId, String passwordHash) {
        h.createUpdate("update account set password_hash = :hash where id = :id")
                .bind("hash", passwordHash).bind("id", accountId).execute();
    }

    public List<Account> list(Handle h) {
        return h.createQuery("select " + ACCOUNT_COLUMNS + " from account a order by a.name").map(ACCOUNT).list();
    }

    public int count(Handle h) {
        return h.createQuery("select count(*) from account").mapTo(Integer.class).one();
    }

    public void setRole(Handle h, long accountId, Role role) {
        h.createUpdate("update account set role = :role where id = :id").bind("role", role.name())
                .bind("id", accountId).execute();
    }

    /** Disables the account and ends its sessions; its tokens stop working with it. */
    public void disable(Handle h, long accountId, Instant at) {
        h.createUpdate("update account set disabled_at = :at where id = :id and disabled_at is null")
                .bind("at", at).bind("id", accountId).execute();
        h.createUpdate("delete from web_session where account_id = :id").bind("id", accountId).execute();
    }

    public long insertToken(Handle h, long accountId, String label, String tokenHash, Instant at) {
        return h.createUpdate(InsertStatement.into("api_token", "account_id", "label", "token_hash", "created_at"))
                .bind("account_id", accountId).bind("label", label).bind("token_hash", tokenHash).bind("created_at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** The enabled account a live (unrevoked) token belongs to; notes when it was used. */
    public Optional<Account> accountForToken(Handle h, String tokenHash, Instant now) {
        Optional<Account> account = h.createQuery("select " + ACCOUNT_COLUMNS + " from api_token t"
                        + " join account a on a.id = t.account_id"
                        + " where t.token_hash = :hash and t.revoked_at is null and a.disabled_at is null")
                .bind("hash", tokenHash).map(ACCOUNT).findOne();
        account.ifPresent(a -> h.createUpdate("update api_token set last_used_at = :now where token_hash = :hash")
                .bind("now", now).bind("hash", tokenHash).execute());
        return account;
    }

    /** The tokens of one account, or of everyone when {@code accountName} is null. */
    public List<TokenRow> tokens(Handle h, String accountName) {
        var query = h.createQuery("select t.id, a.name as account_name, t.label, t.created_at as token_created_at,"
                + " t.last_used_at, t.revoked_at from api_token t join account a on a.id = t.account_id"
                + (accountName == null ? "" : " where a.name = :name") + " order by t.id");
        if (accountName != null) {
            query.bind("name", accountName);
        }
        return query.map(TOKEN).list();
    }

    public Optional<TokenRow> token(Handle h, long tokenId) {
        return h.createQuery("select t.id, a.name as account_name, t.label, t.created_at as token_created_at,"
                        + " t.last_used_at, t.revoked_at from api_token t join account a on a.id = t.account_id"
                        + " where t.id = :id")
                .bind("id", tokenId).map(TOKEN).findOne();
    }

    /** Whether a live token was revoked now (false when it was already, or there is none). */
    public boolean revokeToken(Handle h, long tokenId, Instant at) {
        return h.createUpdate("update api_token set revoked_at = :at where id = :id and revoked_at is null")
                .bind("at", at).bind("id", tokenId).execute() == 1;
    }

    public void insertSession(Handle h, String idHash, long accountId, String csrfToken, Instant at, Instant expiresAt) {
        h.createUpdate(InsertStatement.into("web_session", "id_hash", "account_id", "csrf_token", "created_at",
                        "expires_at"))
                .bind("id_hash", idHash).bind("account_id", accountId).bind("csrf_token", csrfToken)
                .bind("created_at", at).bind("expires_at", expiresAt).execute();
    }

    /** The session with this id, if it has not expired and its account is enabled. */
    public Optional<SessionRow> session(Handle h, String idHash, Instant now) {
        return h.createQuery("select " + ACCOUNT_COLUMNS + ", s.csrf_token, s.created_at as session_created_at,"
                        + " s.expires_at from web_session s join account a on a.id = s.account_id"
                        + " where s.id_hash = :hash and s.expires_at > :now and a.disabled_at is null")
                .bind("hash", idHash).bind("now", now)
                .map((rs, ctx) -> new SessionRow(ACCOUNT.map(rs, ctx), rs.getString("csrf_token"),
                        Timestamps.read(rs, "session_created_at"), Timestamps.read(rs, "expires_at")))
                .findOne();
    }

    public void extendSession(Handle h, String idHash, Instant expiresAt) {
        h.createUpdate("update web_session set expires_at = :until where id_hash = :hash")
                .bind("until", expiresAt).bind("hash", idHash).execute();
    }

    public void deleteSession(Handle h, String idHash) {
        h.createUpdate("delete from web_session where id_hash = :hash").bind("hash", idHash).execute();
    }

    public int deleteExpiredSessions(Handle h, Instant now) {
        return h.createUpdate("delete from web_session where expires_at <= :now").bind("now", now).execute();
    }
}
