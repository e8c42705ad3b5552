package org.earshot.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Failed sign-ins by key ("name:bea", "address:10.0.0.1"), shared by every node on the database, so a
 * guesser meets the same limit whichever node answers.
 */
public final class SignInFailureStore {

    public void record(Handle h, String key, Instant at) {
        h.createUpdate(InsertStatement.into("sign_in_failure", "throttle_key", "failed_at"))
                .bind("throttle_key", key).bind("failed_at", at)
                .execute();
    }

    /** The key's failures since {@code since} (exclusive), oldest first; older ones are deleted on the way. */
    public List<Instant> since(Handle h, String key, Instant since) {
        h.createUpdate("delete from sign_in_failure where throttle_key = :key and failed_at <= :since")
                .bind("key", key).bind("since", since)
                .execute();
        return h.createQuery("select failed_at from sign_in_failure where throttle_key = :key and failed_at > :since"
                        + " order by failed_at, id")
                .bind("key", key).bind("since", since)
                .map((rs, ctx) -> Timestamps.read(rs, "failed_at")).list();
    }

    public void clear(Handle h, String key) {
        h.createUpdate("delete from sign_in_failure where throttle_key = :key").bind("key", key).execute();
    }
}
