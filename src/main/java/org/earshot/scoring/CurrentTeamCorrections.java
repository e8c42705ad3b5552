package org.earshot.scoring;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The team model in force. Triage reads it for every new mention while a correction swaps in a model
 * rebuilt from all corrections; the swap is one atomic step, so a reader sees the old model or the new.
 */
public final class CurrentTeamCorrections {
    private final AtomicReference<TeamCorrections> current = new AtomicReference<>(TeamCorrections.NONE);

    public TeamCorrections get() {
        return current.get();
    }

    public void replace(TeamCorrections model) {
        current.set(java.util.Objects.requireNonNull(model, "model"));
    }
}
