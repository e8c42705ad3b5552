package org.earshot.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Each brand's negativity head, fitted to its corrections: one row per brand, replaced only by a head
 * fitted to newer corrections, so two nodes refitting at once end with the newer one.
 */
public final class BrandHeadStore {

    /**
     * @param model             the embedding model and shipped head it was fitted toward
     * @param throughCorrection the newest correction it was fitted with
     * @param head              the head in {@code LinearHead}'s text form
     */
    public record StoredHead(String brand, String model, long throughCorrection, int examples, int negatives,
                             String head, Instant fittedAt) {
    }

    private static final RowMapper<StoredHead> HEAD = (rs, ctx) -> new StoredHead(rs.getString("brand"),
            rs.getString("model"), rs.getLong("through_correction"), rs.getInt("examples"), rs.getInt("negatives"),
            rs.getString("head"), Timestamps.read(rs, "fitted_at"));

    /**
     * Stores the head unless the brand's stored one was fitted to the same or newer corrections.
     *
     * @return whether it was stored
     */
    public boolean save(Handle h, StoredHead head) {
        int updated = h.createUpdate("update brand_head set model = :model, through_correction = :through,"
                        + " examples = :examples, negatives = :negatives, head = :head, fitted_at = :at"
                        + " where brand = :brand and (through_correction < :through or model <> :model)")
                .bind("brand", head.brand()).bind("model", head.model()).bind("through", head.throughCorrection())
                .bind("examples", head.examples()).bind("negatives", head.negatives()).bind("head", head.head())
                .bind("at", head.fittedAt()).execute();
        if (updated > 0) {
            return true;
        }
        boolean exists = h.createQuery("select count(*) from brand_head where brand = :brand")
                .bind("brand", head.brand()).mapTo(Integer.class).one() > 0;
        if (exists) {
            return false;
        }
        h.createUpdate(InsertStatement.into("brand_head", "brand", "model", "through_correction", "examples",
                        "negatives", "head", "fitted_at"))
                .bind("brand", head.brand()).bind("model", head.model()).bind("through_correction", head.throughCorrection())
                .bind("examples", head.examples()).bind("negatives", head.negatives()).bind("head", head.head())
                .bind("fitted_at", head.fittedAt()).execute();
        return true;
    }

    public List<StoredHead> all(Handle h) {
        return h.createQuery("select brand, model, through_correction, examples, negatives, head, fitted_at"
                + " from brand_head order by brand").map(HEAD).list();
    }

    /** Changes whenever any brand's head is replaced: the sum of the corrections they were fitted through. */
    public long version(Handle h) {
        return h.createQuery("select coalesce(sum(through_correction), 0) + count(*) from brand_head")
                .mapTo(Long.class).one();
    }
}
