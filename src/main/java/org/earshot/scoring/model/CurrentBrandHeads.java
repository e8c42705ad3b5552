package org.earshot.scoring.model;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The brands' own negativity heads in force, each fitted to that brand's corrections: triage reads the
 * head of a mention's brand while a refit or a reload swaps in new ones, one atomic step, so a reader
 * sees the old heads or the new. A brand without one is read by the shipped head.
 */
public final class CurrentBrandHeads {
    private final AtomicReference<Map<String, LinearHead>> current = new AtomicReference<>(Map.of());

    /** The brand's head, or empty: the shipped head reads its mentions. */
    public Optional<LinearHead> of(String brand) {
        return brand == null ? Optional.empty() : Optional.ofNullable(current.get().get(brand));
    }

    /** The brands that have a head of their own. */
    public java.util.Set<String> brands() {
        return current.get().keySet();
    }

    public void replace(Map<String, LinearHead> heads) {
        current.set(Map.copyOf(heads));
    }

    public void put(String brand, LinearHead head) {
        current.updateAndGet(heads -> {
            java.util.HashMap<String, LinearHead> next = new java.util.HashMap<>(heads);
            next.put(brand, head);
            return Map.copyOf(next);
        });
    }
}
