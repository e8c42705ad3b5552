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
 * @param translations the step in other languages, by ISO 639-1 code (their match phrases are in {@code match})
 */
public record NextStep(String id, List<String> match, String about, String step, java.util.Map<String, Local> translations) {
    public NextStep {
        match = List.copyOf(match);
        translations = translations == null ? java.util.Map.of() : java.util.Map.copyOf(translations);
    }

    public NextStep(String id, List<String> match, String about, String step) {
        this(id, match, about, step, java.util.Map.of());
    }

    /** How a draft in one language names the kind of problem and gives the step. */
    public record Local(String about, String step) {
    }

    /** The step as a draft in {@code language} gives it; empty when the policy has it in no such language. */
    public java.util.Optional<NextStep> in(String language) {
        Local local = translations.get(language);
        return local == null ? java.util.Optional.empty()
                : java.util.Optional.of(new NextStep(id, match, local.about(), local.step(), translations));
    }
}
