package org.earshot.reply;

import java.util.Optional;
import org.earshot.config.Catalogue;
import org.earshot.config.CatalogueItem;

/**
 * Finds what a person close to buying asks about in the catalogue: the item whose longest match phrase
 * occurs in their words, and, when the brand does not offer it, the nearest item it does.
 */
final class ProductFinder {
    private final Catalogue catalogue;

    ProductFinder(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** What was asked for, the offered item to point to (the same one, or the nearest), and the phrase. */
    record Found(CatalogueItem asked, CatalogueItem offered, String phrase) {
        boolean isAlternative() {
            return asked != offered;
        }
    }

    Optional<Found> find(PhraseText text) {
        CatalogueItem best = null;
        String bestPhrase = "";
        for (CatalogueItem item : catalogue.items()) {
            for (String phrase : item.match()) {
                // Something the brand does not offer must be answered first; among the rest, the most specific.
                boolean better = best == null || !item.offered() && best.offered()
                        || item.offered() == best.offered() && phrase.length() > bestPhrase.length();
                if (text.has(phrase) && better) {
                    best = item;
                    bestPhrase = phrase;
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        if (best.offered()) {
            return Optional.of(new Found(best, best, bestPhrase));
        }
        for (String id : best.nearest()) {
            Optional<CatalogueItem> near = catalogue.item(id).filter(CatalogueItem::offered);
            if (near.isPresent()) {
                return Optional.of(new Found(best, near.get(), bestPhrase));
            }
        }
        return Optional.empty();
    }
}
