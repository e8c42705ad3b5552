package org.earshot.config;

import org.earshot.scoring.AnalysedText;

/**
 * How much of a mention's text is scored and drafted ({@code analysis.maxChars}); the mention is
 * stored whole, and a draft of a longer one says where it was cut.
 */
public record AnalysisConfig(int maxChars) {
    public static final AnalysisConfig DEFAULT = new AnalysisConfig(AnalysedText.DEFAULT_MAX_CHARS);

    public AnalysisConfig {
        if (maxChars < AnalysedText.MIN_MAX_CHARS) {
            throw new IllegalArgumentException("analysis.maxChars must be at least " + AnalysedText.MIN_MAX_CHARS
                    + ", but was " + maxChars);
        }
    }
}
