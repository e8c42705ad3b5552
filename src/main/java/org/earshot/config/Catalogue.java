package org.earshot.config;

import java.util.List;
import java.util.Optional;

/**
 * What the brand sells, for answering people who are close to buying.
 *
 * @param items      products and plans, and things asked for that the brand does not offer
 * @param browseLink where to see everything, when a person asks about nothing the catalogue names
 */
public record Catalogue(List<CatalogueItem> items, String browseLink) {
    public static final Catalogue EMPTY = new Catalogue(List.of(), "");

    public Catalogue {
        items = List.copyOf(items);
        browseLink = browseLink == null ? "" : browseLink;
    }

    public Optional<CatalogueItem> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }
}
