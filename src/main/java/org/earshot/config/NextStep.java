package org.earshot.config;

import java.util.List;

/**
 * The concrete next step the policy gives for one kind of problem: a link, a form or a setting.
 *
 * @param id    the kind of problem ("login", "crash", "billing"), brand-neutral, shown in errors
 * @param match phrases that show a complaint is of this kind ("forgot my password", "crashes"), matched
 *              as whole words, case-insensitive; also compared by meaning when the learned model is on
 * @param about how a reply names the kind of problem ("signing in"), for "I'm sorry you're having trouble
 *              with {about}" when the person said nothing more specific
 * @param step  the step itself, a sentence or two ("You can reset your password at example.com/reset.")
 */
public record NextStep(String id, List<String> match, String about, String step) {
    public NextStep {
        match = List.copyOf(match);
    }
}
