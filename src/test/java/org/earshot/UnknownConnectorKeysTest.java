package org.earshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.earshot.config.ConfigException;
import org.earshot.config.ConfigLoader;
import org.earshot.config.EarshotConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector's keys are read by the loader (type, schedule) and by its platform (baseUrl, hashtags):
 * one neither asked for stops the wiring before the database is opened, with the nearest known key.
 */
class UnknownConnectorKeysTest {
    @TempDir
    Path dir;

    private void assertRefused(String id, String type, String settings, String message) throws IOException {
        Path file = dir.resolve("earshot.yaml");
        Files.writeString(file, """
                storage:
                  jdbcUrl: "jdbc:h2:mem:never-opened"
                brands:
                  - id: acme
                    keywords: ["acme air"]
                    handles: ["@acmeair"]
                connectors:
                  %s:
                    type: %s
                """.formatted(id, type) + settings.indent(4));
        EarshotConfig config = new ConfigLoader(n -> null, org.earshot.Wiring.CHANNELS).load(file);
        assertThatThrownBy(() -> new Wiring(config, Wiring.CONNECTOR_FACTORIES, Clock.systemUTC(), Wiring.Timings.DEFAULT))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": " + message);
    }

    @Test
    void aMistypedScheduleIsRefusedInsteadOfFallingBackToOneMinute() throws IOException {
        assertRefused("x", "x", "bearerToken: t\nbrandAccount: acmeair\nshedule: 5s",
                "connectors.x.shedule is not a setting; did you mean schedule?");
    }

    @Test
    void aMistypedMastodonKeyIsRefused() throws IOException {
        assertRefused("social", "mastodon", "baseUrl: https://mastodon.example\naccessToken: t\nhashtgs: [acmeair]",
                "connectors.social.hashtgs is not a setting; did you mean hashtags?");
    }

    @Test
    void aMistypedXKeyIsRefused() throws IOException {
        assertRefused("x", "x", "bearerToken: t\nbrandAccount: acmeair\nmaxResult: 50",
                "connectors.x.maxResult is not a setting; did you mean maxResults?");
    }

    @Test
    void bothApiVersionsSecretsMayStayInTheFile() throws IOException {
        assertRefused("x", "x", "bearerToken: t\nconsumerKey: k\nbrandAccount: acmeair\nexcludeRetweet: true",
                "connectors.x.excludeRetweet is not a setting; did you mean excludeRetweets?");
    }

    @Test
    void aMistypedRedditKeyIsRefused() throws IOException {
        assertRefused("reddit", "reddit", """
                clientId: c
                clientSecret: s
                username: acmeair
                password: p
                userAgent: earshot/1.0 by acmeair
                subredits: [flying]""", "connectors.reddit.subredits is not a setting; did you mean subreddits?");
    }

    @Test
    void aMistypedBlueskyKeyIsRefused() throws IOException {
        assertRefused("sky", "bluesky", "identifier: acmeair.bsky.social\nappPassword: abcd-efgh-ijkl-mnop\nlangauge: en",
                "connectors.sky.langauge is not a setting; did you mean language?");
    }

    @Test
    void aMistypedFeedKeyIsRefused() throws IOException {
        assertRefused("news", "feed", "feeds:\n  - url: https://news.example/feed.xml\n    pres: true",
                "connectors.news.feeds[0].pres is not a setting; did you mean press?");
    }

    @Test
    void aMistypedMailboxKeyIsRefused() throws IOException {
        assertRefused("mail", "imap", """
                imapHost: imap.acme.example
                smtpHost: smtp.acme.example
                username: support@acme.example
                password: p
                fromAddress: support@acme.example
                sentFoldr: Sent""", "connectors.mail.sentFoldr is not a setting; did you mean sentFolder?");
    }

    @Test
    void aMistypedResilienceKeyIsRefused() throws IOException {
        assertRefused("social", "mastodon", "baseUrl: https://mastodon.example\naccessToken: t\nmaxAttempt: 2",
                "connectors.social.maxAttempt is not a setting; did you mean maxAttempts?");
    }

    @Test
    void anXScheduleFasterThanXAllowsIsPacedToTheLimitAndTheStartSaysSo() throws IOException {
        Path file = dir.resolve("earshot.yaml");
        Files.writeString(file, """
                storage:
                  jdbcUrl: "jdbc:h2:mem:paced-x"
                brands:
                  - id: acme
                    keywords: ["acme air"]
                    handles: ["@acmeair"]
                connectors:
                  x:
                    type: x
                    schedule: 5s
                    bearerToken: t
                    brandAccount: acmeair
                """);
        EarshotConfig config = new ConfigLoader(n -> null, Wiring.CHANNELS).load(file);
        try (org.earshot.testing.CapturedLog log = new org.earshot.testing.CapturedLog();
             Wiring wiring = new Wiring(config, Wiring.CONNECTOR_FACTORIES, Clock.systemUTC(), Wiring.Timings.DEFAULT)) {
            assertThat(wiring.banner()).contains("connector  x (x, every 15s)");
            assertThat(log.text()).contains("connectors.x.schedule 5s is faster than X API v2 recent search"
                    + " (Basic access) allows (60 requests per 15m): polling every 15s instead");
        }
    }
}
