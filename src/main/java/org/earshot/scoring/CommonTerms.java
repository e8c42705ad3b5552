package org.earshot.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The terms too common among recent mentions to tell any of them apart: the brand's own name, "flight"
 * for an airline. The team model learns none of them. Needs enough mentions to say what is common;
 * with fewer it holds nothing.
 */
public final class CommonTerms {
    static final int MIN_MENTIONS = 50;
    /** A term in more than this share of recent mentions is common. */
    static final double COMMON_SHARE = 0.2;

    public static final CommonTerms NONE = new CommonTerms(Set.of(), 0);

    private final Set<String> terms;
    private final int mentions;

    private CommonTerms(Set<String> terms, int mentions) {
        this.terms = Set.copyOf(terms);
        this.mentions = mentions;
    }

    /** From the texts of recent mentions, as the scorer reads them (see {@link TeamCorrections#textOf}). */
    public static CommonTerms of(List<String> recentTexts) {
        if (recentTexts.size() < MIN_MENTIONS) {
            return new CommonTerms(Set.of(), recentTexts.size());
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String text : recentTexts) {
            for (String term : TeamTerms.of(MentionAnalyzer.standard().analyze(text).tokens())) {
                counts.merge(term, 1, Integer::sum);
            }
        }
        Set<String> common = counts.entrySet().stream()
                .filter(e -> e.getValue() > COMMON_SHARE * recentTexts.size())
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        return new CommonTerms(common, recentTexts.size());
    }

    public boolean contains(String term) {
        return terms.contains(term);
    }

    /** How many mentions it was worked out from. */
    public int mentions() {
        return mentions;
    }
}
