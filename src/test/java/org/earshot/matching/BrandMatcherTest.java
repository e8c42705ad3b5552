package org.earshot.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.earshot.config.BrandConfig;
import org.earshot.domain.Author;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.junit.jupiter.api.Test;

class BrandMatcherTest {
    private final BrandMatcher matcher = new BrandMatcher(new BrandConfig("acme", "Acme Air",
            List.of("acme air", "acmeair"), List.of("@acmeair"), List.of("#acmeair"), List.of("acme anvil"),
            List.of("spambot@mastodon.example"), List.of("acmeair", "support@acme.example"), List.of("en", "fr")));

    private static IncomingMention from(String handle, String text, String language) {
        return new IncomingMention(Platform.MASTODON, "1", new Author(handle, "", 0), text, "", Instant.EPOCH, "",
                Map.of(), "", language);
    }

    @Test
    void theBrandsOwnAccountsAreNeverMentionsWhateverTheCaseOrAt() {
        assertThat(matcher.accepts(from("@AcmeAir", "We're on it, Dana!", "en"))).isFalse();
        assertThat(matcher.accepts(from("Support@Acme.example", "Re: your refund", "en"))).isFalse();
    }

    @Test
    void excludedAuthorsAndExcludedTopicsAreDropped() {
        assertThat(matcher.accepts(from("spambot@mastodon.example", "acme air deals", "en"))).isFalse();
        assertThat(matcher.accepts(from("wile@desert.example", "ordered an ACME ANVIL again", "en"))).isFalse();
    }

    @Test
    void mentionsInOtherLanguagesAreDroppedButUnknownLanguagesAreKept() {
        assertThat(matcher.accepts(from("dana@x.example", "acme air perdió mi maleta", "es"))).isFalse();
        assertThat(matcher.accepts(from("dana@x.example", "acme air a perdu ma valise", "fr"))).isTrue();
        assertThat(matcher.accepts(from("dana@x.example", "acme air lost my bag", ""))).isTrue();
    }

    @Test
    void theBrandIsNamedByKeywordHandleOrHashtagAsWholeWords() {
        assertThat(matcher.namesBrand("Flying Acme Air tomorrow")).isTrue();
        assertThat(matcher.namesBrand("thanks @AcmeAir!")).isTrue();
        assertThat(matcher.namesBrand("#acmeair #fail")).isTrue();
        assertThat(matcher.namesBrand("acmeairlines is a different company")).isFalse();
        assertThat(matcher.namesBrand("nothing about us")).isFalse();
    }
}
