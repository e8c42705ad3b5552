package org.earshot.connector.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MastodonHtmlTest {

    @Test
    void paragraphsBecomeBlankLinesAndBreaksBecomeNewLines() {
        assertThat(MastodonHtml.toText("<p>one<br>two<br />three</p><p>four</p>")).isEqualTo("one\ntwo\nthree\n\nfour");
    }

    @Test
    void entitiesAreDecodedIntoPlainText() {
        assertThat(MastodonHtml.toText("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;hi&quot; &#39;x&#39;</p>"))
                .isEqualTo("<script>alert(1)</script> & \"hi\" 'x'");
    }

    @Test
    void mentionsHashtagsAndLinksKeepTheirTextWhole() {
        String html = "<p><span class=\"h-card\" translate=\"no\"><a href=\"https://mastodon.example/@acmeair\""
                + " class=\"u-url mention\">@<span>acmeair</span></a></span> see <a href=\"https://help.example/case-1\">"
                + "<span class=\"invisible\">https://</span><span class=\"ellipsis\">help.example/ca</span>"
                + "<span class=\"invisible\">se-1</span></a> <a href=\"https://mastodon.example/tags/acmeair\""
                + " class=\"mention hashtag\" rel=\"tag\">#<span>acmeair</span></a></p>";

        assertThat(MastodonHtml.toText(html)).isEqualTo("@acmeair see https://help.example/case-1 #acmeair");
    }

    @Test
    void emptyContentIsEmptyText() {
        assertThat(MastodonHtml.toText("")).isEmpty();
        assertThat(MastodonHtml.toText(null)).isEmpty();
    }
}
