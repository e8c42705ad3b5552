package org.earshot.connector.reddit;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.earshot.connector.FuzzedPlatform;
import org.earshot.connector.MentionSource;

/** Pages cut short, values swapped for garbage, pages of hundreds of kilobytes: a poll ends with mentions or a clear error. */
class RedditPayloadPropertyTest {
    private static FuzzedPlatform platform;
    private static MentionSource source;

    @BeforeContainer
    static void start() {
        platform = new FuzzedPlatform("reddit");
        source = RedditFixtures.connector(RedditFixtures.settings(platform.baseUrl())).source();
    }

    @AfterContainer
    static void stop() {
        platform.close();
    }

    @Provide
    Arbitrary<String> payloads() {
        return platform.payloads();
    }

    @Property(tries = 40)
    void aGarbledPageEndsThePollWithMentionsOrAClearError(@ForAll("payloads") String page) {
        platform.answerReadsWith(page, "application/json");
        FuzzedPlatform.pollSurvives(source);
    }
}
