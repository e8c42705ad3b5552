package org.earshot.config;

import java.util.List;

/**
 * A brand and how people refer to it. {@code ownAccounts} are the brand's own handles and
 * addresses: whatever they write is never taken for a mention, so replies cannot loop.
 * {@code languages} (ISO 639-1) keeps only mentions in those languages, when the platform says which;
 * empty keeps all.
 */
public record BrandConfig(
        String id,
        String name,
        List<String> keywords,
        List<String> handles,
        List<String> hashtags,
        List<String> excludedWords,
        List<String> excludedAuthors,
        List<String> ownAccounts,
        List<String> languages) {

    /** A brand heard in any language. */
    public BrandConfig(String id, String name, List<String> keywords, List<String> handles, List<String> hashtags,
                       List<String> excludedWords, List<String> excludedAuthors, List<String> ownAccounts) {
        this(id, name, keywords, handles, hashtags, excludedWords, excludedAuthors, ownAccounts, List.of());
    }
}
