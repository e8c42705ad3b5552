package org.earshot.config;

import java.util.Map;

/**
 * The languages of the policy's texts: the team's own (the language its voices, answers and
 * {@code handledBy} are written in, and the one a mention in a language drafts are not written in is
 * answered in), and its texts in others by ISO 639-1 code.
 */
public record PolicyLanguages(String team, Map<String, PolicyLanguage> byCode) {
    public static final PolicyLanguages ENGLISH = new PolicyLanguages("en", Map.of());

    public PolicyLanguages {
        team = team == null || team.isBlank() ? "en" : team;
        byCode = byCode == null ? Map.of() : Map.copyOf(byCode);
    }

    /** The policy's texts in this language; {@link PolicyLanguage#NONE} when it has none. */
    public PolicyLanguage in(String code) {
        return byCode.getOrDefault(code, PolicyLanguage.NONE);
    }
}
