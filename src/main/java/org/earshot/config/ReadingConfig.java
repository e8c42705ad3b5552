package org.earshot.config;

import java.nio.file.Path;
import java.util.List;

/**
 * How mentions are read: the languages the team reads (ISO 639-1, the first the one a text too short
 * to tell is taken to be in), and a file of the team's own intent examples added to the shipped ones
 * (null: the shipped ones only).
 */
public record ReadingConfig(List<String> languages, Path intentExamples) {
    public static final List<String> DEFAULT_LANGUAGES = List.of("en", "es", "fr", "de", "pt");
    public static final ReadingConfig DEFAULT = new ReadingConfig(DEFAULT_LANGUAGES, null);

    public ReadingConfig {
        languages = List.copyOf(languages);
    }
}
