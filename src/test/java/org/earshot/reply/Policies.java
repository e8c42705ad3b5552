package org.earshot.reply;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.earshot.config.ReplyPolicy;

/** The policy the reply tests draft with: the shape of config/policy.yaml, fixed here so tests do not move with it. */
final class Policies {
    static final ReplyPolicy ACME = new ReplyPolicy("friendly", "Sam from the Acme Air care team", Duration.ofHours(24),
            List.of("refund within 30 days of purchase", "replacement of a damaged bag"),
            List.of("compensation", "guarantee", "by tomorrow", "voucher"),
            Map.of("complaint", "Hi {name}, I'm sorry about {problem}. That is not the experience we want for you. "
                            + "I'm {handledBy} and I'm looking into it now; you'll hear back from me within {hearBack}.",
                    "praise", "Thank you so much, {name}! It means a lot to the whole team. Have a great day!"));

    /** A team that may promise nothing at all. */
    static final ReplyPolicy NO_PROMISES = new ReplyPolicy("friendly", "Sam", Duration.ofHours(24), List.of(),
            List.of("refund"), Map.of());

    private Policies() {
    }
}
