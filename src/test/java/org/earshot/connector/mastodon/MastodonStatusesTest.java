package org.earshot.connector.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.earshot.config.BrandConfig;
import org.junit.jupiter.api.Test;

class MastodonStatusesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-19T12:00:00Z"), ZoneOffset.UTC);

    private static MastodonStatuses statuses(List<String> ownAccounts, List<String> excludedAuthors) {
        return new MastodonStatuses(new BrandConfig("acme", "Acme Air", List.of(), List.of(), List.of(), List.of(),
                excludedAuthors, ownAccounts), "mastodon.example", CLOCK);
    }

    private static JsonNode status(String acct) throws Exception {
        return MastodonFixtures.JSON.readTree("""
                {"id":"1","created_at":"2026-11-19T08:00:00.000Z","visibility":"unlisted",
                 "url":"https://mastodon.example/@x/1","content":"<p>hi</p>","spoiler_text":"flight rant",
                 "account":{"acct":"%s","display_name":"X","followers_count":3}}""".formatted(acct));
    }

    @Test
    void aLocalOwnAccountIsRecognisedByItsFullNameOnTheInstance() throws Exception {
        MastodonStatuses s = statuses(List.of("@AcmeAir@Mastodon.example"), List.of());

        assertThat(s.mention(status("acmeair"))).isEmpty();
        assertThat(s.mention(status("acmeair@mastodon.example"))).isEmpty();
        assertThat(s.mention(status("acmeair@elsewhere.example"))).isPresent();
    }

    @Test
    void ownAccountsAndExcludedAuthorsMatchWithOrWithoutAtAndInAnyCase() throws Exception {
        MastodonStatuses s = statuses(List.of("acmeair"), List.of("@SpamBot@tootspam.example"));

        assertThat(s.mention(status("AcmeAir"))).isEmpty();
        assertThat(s.mention(status("spambot@TootSpam.example"))).isEmpty();
    }

    @Test
    void theContentWarningBecomesTheSubjectAndTheVisibilityIsKeptForTheReply() throws Exception {
        var mention = statuses(List.of(), List.of()).mention(status("maria@toot.example")).orElseThrow();

        assertThat(mention.subject()).isEqualTo("flight rant");
        assertThat(mention.replyContext()).containsEntry("visibility", "unlisted");
    }
}
