package org.earshot.matching;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.earshot.config.BrandConfig;
import org.earshot.domain.IncomingMention;

/**
 * A brand's rules for what counts as a mention of it: its keywords, handles and hashtags as whole
 * words, minus its exclusions and other languages, and never anything its own accounts wrote (so
 * replies cannot loop). A mention that several rules match is still one mention: it is stored once,
 * by its platform id.
 */
public final class BrandMatcher {
    private final BrandConfig brand;
    private final List<Pattern> names;
    private final List<Pattern> exclusions;
    private final Set<String> ownAccounts;
    private final Set<String> excludedAuthors;

    public BrandMatcher(BrandConfig brand) {
        this.brand = brand;
        this.names = java.util.stream.Stream.of(brand.keywords(), brand.handles(), brand.hashtags())
                .flatMap(List::stream).map(BrandMatcher::wholeWords).toList();
        this.exclusions = brand.excludedWords().stream().map(BrandMatcher::wholeWords).toList();
        this.ownAccounts = Accounts.bare(brand.ownAccounts());
        this.excludedAuthors = Accounts.bare(brand.excludedAuthors());
    }

    public String brandId() {
        return brand.id();
    }

    /** True when the mention may be kept: not the brand's own words, not an excluded author or topic. */
    public boolean accepts(IncomingMention mention) {
        String author = Accounts.bare(mention.author().handle());
        if (ownAccounts.contains(author) || excludedAuthors.contains(author)) {
            return false;
        }
        if (!brand.languages().isEmpty() && !mention.language().isEmpty()
                && !brand.languages().contains(mention.language())) {
            return false;
        }
        String text = mention.subject() + "\n" + mention.text();
        return exclusions.stream().noneMatch(p -> p.matcher(text).find());
    }

    /** True when the text names the brand; for sources that search, not for mail sent to the brand. */
    public boolean namesBrand(String text) {
        return names.stream().anyMatch(p -> p.matcher(text).find());
    }

    private static Pattern wholeWords(String phrase) {
        return Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(phrase.trim()) + "(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
