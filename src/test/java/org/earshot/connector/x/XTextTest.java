package org.earshot.connector.x;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XTextTest {

    @Test
    void latinTextCountsOneACharacter() {
        assertThat(XText.weightedLength("Sorry about your bag, Dana — we’re on it.")).isEqualTo(41);
    }

    @Test
    void everyLinkCountsTwentyThree() {
        assertThat(XText.weightedLength("See https://help.example/" + "x".repeat(100) + " or http://a.example"))
                .isEqualTo(4 + 23 + 4 + 23);
    }

    @Test
    void cjkAndEmojiCountTwo() {
        assertThat(XText.weightedLength("荷物")).isEqualTo(4);
        assertThat(XText.weightedLength("🐰")).isEqualTo(2);
    }

    @Test
    void aPostedReplyComparesEqualDespiteItsLeadingMentionsEscapingAndWrappedLinks() {
        assertThat(XText.comparable("@dana_okafor @acmeair Fixed &amp; refunded: https://t.co/Qm1xVb7RaB  thanks"))
                .isEqualTo(XText.comparable("Fixed & refunded: https://help.example/case/88213 thanks"));
    }

    @Test
    void differentWordsDoNotCompareEqual() {
        assertThat(XText.comparable("@dana_okafor Fixed.")).isNotEqualTo(XText.comparable("Refunded."));
    }
}
