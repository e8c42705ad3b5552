package org.earshot.connector.x;

import static org.assertj.core.api.Assertions.assertThat;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.earshot.connector.MentionSource;
import org.earshot.connector.PollResult;
import org.earshot.testing.ItemMutations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every corruption of one field of a v1.1 status is stored or quarantined by Twitter4J's reading, never lost. */
class XV1CorruptedStatusesTest {
    @RegisterExtension
    static WireMockExtension x = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/x"))
            .build();

    @Test
    void everyCorruptionOfADemoStatusIsStoredOrQuarantinedNeverLost() throws Exception {
        ObjectNode page = XV1UnreadableItemsTest.demoAnswer();
        int stored = 0;
        int quarantined = 0;
        int skipped = 0;
        int mutations = 0;
        for (int i = 0; i < 2; i++) {
            JsonNode status = page.get("statuses").get(i);
            for (ItemMutations.Mutation m : ItemMutations.of(status, 2)) {
                ObjectNode one = page.deepCopy();
                one.putArray("statuses").add(m.item());
                XV1UnreadableItemsTest.serve(x, one.toString());
                // A connector of its own each time: one connector keeps to X's 180 searches per 15 minutes.
                MentionSource source = XFixtures.connector(XFixtures.settingsV1(x.baseUrl())).source();
                PollResult result = source.poll(null);
                mutations++;
                int kept = result.mentions().size() + result.unreadable().size();
                // A status that now says it is a repost is one to skip.
                if (kept == 0 && m.path().startsWith("retweeted_status")) {
                    skipped++;
                    continue;
                }
                assertThat(kept).as(m.toString()).isEqualTo(1);
                stored += result.mentions().size();
                quarantined += result.unreadable().size();
            }
        }
        System.out.println("FIGURES x v1.1 mutations: " + mutations + " corrupted copies -> " + stored + " stored, "
                + quarantined + " quarantined, " + skipped + " skipped, 0 lost");
        assertThat(mutations).isPositive();
    }
}
