package org.earshot.config;

import java.util.List;

/**
 * A product, plan or service the brand sells, or one people ask for that it does not.
 *
 * @param id      the item's id, which {@code nearest} lists refer to
 * @param name    how a reply names it ("Business class")
 * @param match   phrases that show a person asks about it, matched as whole words
 * @param pitch   one honest sentence about it, no pressure
 * @param link    where to see or book it; empty for an item the brand does not offer
 * @param offered false for something people ask for that the brand does not sell
 * @param nearest ids of the offered items closest to it, best first
 */
public record CatalogueItem(String id, String name, List<String> match, String pitch, String link, boolean offered,
                            List<String> nearest) {
    public CatalogueItem {
        match = List.copyOf(match);
        nearest = List.copyOf(nearest);
    }
}
