package org.earshot.connector.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.earshot.config.BrandConfig;
import org.junit.jupiter.api.Test;

class BlueskyPostsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-19T12:00:00Z"), ZoneOffset.UTC);

    private static BlueskyPosts posts(List<String> ownAccounts, List<String> excludedAuthors) {
        return new BlueskyPosts(new BrandConfig("acme", "Acme Air", List.of(), List.of(), List.of(), List.of(),
                excludedAuthors, ownAccounts), CLOCK);
    }

    private static JsonNode post(String handle, String createdAt, String indexedAt) throws Exception {
        return BlueskyFixtures.JSON.readTree("""
                {"uri":"at://did:plc:abc/app.bsky.feed.post/3n2nxxxxxxxxx","cid":"bafyreiabc",
                 "author":{"did":"did:plc:abc","handle":"%s","displayName":"X"},
                 "record":{"$type":"app.bsky.feed.post","text":"acme air","createdAt":"%s"},"indexedAt":"%s"}
                """.formatted(handle, createdAt, indexedAt));
    }

    @Test
    void aPostSortsByTheEarlierOfWhenItWasWrittenAndWhenItWasIndexed() throws Exception {
        BlueskyPosts p = posts(List.of(), List.of());

        assertThat(p.sortAt(post("x.bsky.social", "2026-11-19T09:00:00.000Z", "2026-11-19T09:00:01.000Z")))
                .isEqualTo(Instant.parse("2026-11-19T09:00:00Z"));
        assertThat(p.sortAt(post("x.bsky.social", "2030-01-01T00:00:00.000Z", "2026-11-19T09:00:01.000Z")))
                .isEqualTo(Instant.parse("2026-11-19T09:00:01Z"));
        assertThat(p.sortAt(post("x.bsky.social", "garbage", "also garbage"))).isEqualTo(CLOCK.instant());
    }

    @Test
    void ownAccountsAndExcludedAuthorsMatchByHandleOrDidInAnyCase() throws Exception {
        assertThat(posts(List.of("@X.bsky.social"), List.of()).isSkipped(
                post("x.bsky.social", "2026-11-19T09:00:00Z", "2026-11-19T09:00:00Z"), "did:plc:me")).isTrue();
        assertThat(posts(List.of(), List.of("did:plc:abc")).isSkipped(
                post("x.bsky.social", "2026-11-19T09:00:00Z", "2026-11-19T09:00:00Z"), "did:plc:me")).isTrue();
        assertThat(posts(List.of(), List.of()).isSkipped(
                post("x.bsky.social", "2026-11-19T09:00:00Z", "2026-11-19T09:00:00Z"), "did:plc:abc")).isTrue();
        assertThat(posts(List.of("acmeair"), List.of()).isSkipped(
                post("x.bsky.social", "2026-11-19T09:00:00Z", "2026-11-19T09:00:00Z"), "did:plc:me")).isFalse();
    }

    @Test
    void anAccountWhoseHandleNoLongerResolvesIsLinkedByItsDid() throws Exception {
        var mention = posts(List.of(), List.of()).mention(
                post("handle.invalid", "2026-11-19T09:00:00Z", "2026-11-19T09:00:00Z"), 0).orElseThrow();

        assertThat(mention.url()).isEqualTo("https://bsky.app/profile/did:plc:abc/post/3n2nxxxxxxxxx");
    }
}
