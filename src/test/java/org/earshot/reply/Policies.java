package org.earshot.reply;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.config.ConfigLoader;
import org.earshot.config.ReplyPolicy;

/** The policies the reply tests draft with. */
final class Policies {
    /** The project's own policy (config/policy.yaml and its answers and catalogue): what the demo drafts with. */
    static final ReplyPolicy ACME = new ConfigLoader(name -> null, Wiring.CHANNELS).load(Path.of("config/earshot.yaml")).policy();

    /** Earshot's built-in templates, and nothing else: only refunds within 30 days may be promised. */
    static final ReplyPolicy BUILT_IN = new ReplyPolicy("friendly", "Sam from the Acme Air care team",
            Duration.ofHours(24), List.of("refund within 30 days of purchase", "replacement of a damaged bag"),
            List.of("compensation", "guarantee", "by tomorrow", "voucher"), Map.of());

    /** A team that may promise nothing at all. */
    static final ReplyPolicy NO_PROMISES = new ReplyPolicy("friendly", "Sam", Duration.ofHours(24), List.of(),
            List.of("refund"), Map.of());

    private Policies() {
    }
}
