package org.earshot.connector.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedTextTest {

    @Test
    void paragraphsBecomeBlankLinesAndBreaksNewLines() {
        assertThat(FeedText.fromHtml("<p>one<br>two</p><p>three</p>")).isEqualTo("one\ntwo\n\nthree");
    }

    @Test
    void entitiesAreDecodedAndScriptsAndImagesDropped() {
        assertThat(FeedText.fromHtml("<p>&lt;b&gt; &amp; &#8220;hi&#8221;<script>alert(1)</script><img src=x></p>"))
                .isEqualTo("<b> & “hi”");
    }

    @Test
    void linksKeepTheirText() {
        assertThat(FeedText.fromHtml("Read <a href=\"https://x.example\">the review</a>.")).isEqualTo("Read the review.");
    }

    @Test
    void plainTextKeepsAngleBracketsAndLosesExtraSpace() {
        assertThat(FeedText.fromPlain("  a  <  b \n\n\n\n c ")).isEqualTo("a < b\n\nc");
    }

    @Test
    void nothingIsEmpty() {
        assertThat(FeedText.fromHtml(null)).isEmpty();
        assertThat(FeedText.fromHtml(" ")).isEmpty();
    }
}
