package org.earshot.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.earshot.Wiring;
import org.earshot.domain.Platform;
import org.junit.jupiter.api.Test;

class ReplyBlocksTest {
    private static final String LONG = "Hi Maria, I'm sorry about your lost bag. That is not the experience we want "
            + "for you on a trip that matters this much. I'm Sam from the care team and I've asked the baggage desk "
            + "in Frankfurt to trace it right away. You'll hear back from me within 24 hours, sooner if it turns up. "
            + "In the meantime, keep your receipts for anything you need to buy.";

    @Test
    void shortReplyStaysOneBlock() {
        assertThat(ReplyBlocks.split("Hi Maria, thanks so much! Have a great day!", Wiring.CHANNELS.of(Platform.X)))
                .containsExactly("Hi Maria, thanks so much! Have a great day!");
    }

    @Test
    void longReplyIsSplitBetweenSentencesIntoBlocksOfAbout30Words() {
        List<String> blocks = ReplyBlocks.split(LONG, Wiring.CHANNELS.of(Platform.MASTODON));
        assertThat(blocks).hasSizeGreaterThan(1).allSatisfy(b -> {
            assertThat(ReplyBlocks.words(b)).isLessThanOrEqualTo(ReplyBlocks.MAX_WORDS);
            assertThat(b).endsWith(".");
        });
        assertThat(String.join(" ", blocks)).isEqualTo(LONG);
    }

    @Test
    void blocksLeaveRoomForTheHandleOnXBlueskyAndMastodon() {
        assertThat(ReplyBlocks.limit(Wiring.CHANNELS.of(Platform.X))).isEqualTo(250);
        assertThat(ReplyBlocks.limit(Wiring.CHANNELS.of(Platform.BLUESKY))).isEqualTo(270);
        assertThat(ReplyBlocks.limit(Wiring.CHANNELS.of(Platform.MASTODON))).isEqualTo(470);
        assertThat(ReplyBlocks.limit(Wiring.CHANNELS.of(Platform.REDDIT))).isEqualTo(10_000);
        for (Platform p : new Platform[] {Platform.X, Platform.BLUESKY}) {
            assertThat(ReplyBlocks.split(LONG, Wiring.CHANNELS.of(p)))
                    .allSatisfy(b -> assertThat(b.length()).isLessThanOrEqualTo(ReplyBlocks.limit(Wiring.CHANNELS.of(p))));
        }
    }

    @Test
    void aSentenceLongerThanABlockIsCutBetweenWords() {
        String runOn = "we are looking into this " .repeat(20).strip() + ".";
        List<String> blocks = ReplyBlocks.split(runOn, Wiring.CHANNELS.of(Platform.X));
        assertThat(blocks).hasSizeGreaterThan(2)
                .allSatisfy(b -> assertThat(ReplyBlocks.words(b)).isLessThanOrEqualTo(ReplyBlocks.TARGET_WORDS));
        assertThat(String.join(" ", blocks)).isEqualTo(runOn);
    }

    @Test
    void mailIsOneBlock() {
        assertThat(ReplyBlocks.split(LONG, Wiring.CHANNELS.of(Platform.EMAIL))).containsExactly(LONG);
    }

    @Test
    void abbreviationsDoNotEndASentence() {
        assertThat(ReplyBlocks.sentences("Dr. Who flew with us. Thanks!")).containsExactly("Dr. Who flew with us.", "Thanks!");
    }
}
