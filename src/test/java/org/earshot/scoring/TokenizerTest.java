package org.earshot.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    private final Tokenizer tokenizer = new Tokenizer();

    private List<String> norms(String text) {
        return tokenizer.tokenize(text).tokens().stream().map(Token::norm).toList();
    }

    @Test
    void skipsHandlesAndLinks() {
        assertThat(norms("@acmeair @sam@mastodon.example see https://acme.example/x?y=1 now"))
                .containsExactly("see", "now");
    }

    @Test
    void keepsContractionsAndStraightensCurlyApostrophes() {
        assertThat(norms("I can’t log in, don't ask")).containsExactly("i", "can't", "log", "in", ",", "don't", "ask");
    }

    @Test
    void splitsCamelCaseHashtagsIntoWords() {
        assertThat(norms("#NeverAgain #fail")).containsExactly("never", "again", "fail");
    }

    @Test
    void shortensStretchedWordsAndRemembersTheShortestForm() {
        Token t = tokenizer.tokenize("sooooo").get(0);
        assertThat(t.norm()).isEqualTo("soo");
        assertThat(t.alt()).isEqualTo("so");
    }

    @Test
    void decodesHtmlEntitiesAndFindsEmoticonsAndEmoji() {
        assertThat(norms("&lt;3 you &amp; me :( 😡")).containsExactly("<3", "you", "&", "me", ":(", "😡");
    }

    @Test
    void marksCapitalsButNotFlightNumbers() {
        Tokens t = tokenizer.tokenize("WORST flight AC123");
        assertThat(t.get(0).caps()).isTrue();
        assertThat(t.get(2).caps()).isFalse();
    }

    @Test
    void countsRepeatedExclamationMarksAsOneToken() {
        Tokens t = tokenizer.tokenize("Why!!!");
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.get(1).repeat()).isEqualTo(3);
    }

    @Test
    void splitsAmountsFromUnitsButKeepsOrdinalsAndFlightCodes() {
        assertThat(norms("waited 2hrs on the 3rd call about AC123")).containsExactly("waited", "2", "hrs", "on", "the", "3rd",
                "call", "about", "ac123");
    }

    @Test
    void keepsRatingsTimesAndDecimalsAsOneNumberSoTheirDotsEndNoSentence() {
        Tokens t = tokenizer.tokenize("10/10 at 9:15, paid 2.50 for it");
        assertThat(t.tokens()).extracting(Token::norm).containsExactly("10/10", "at", "9:15", ",", "paid", "2.50", "for", "it");
        assertThat(t.tokens()).noneMatch(Token::endsSentence);
    }

    @Test
    void knowsTheEmoticonsOfTheLexiconOnlyWhereAWordCouldStart() {
        assertThat(norms("fine >:( but :-D xD")).containsExactly("fine", ">:(", "but", ":-D", "xD");
        assertThat(tokenizer.tokenize("(see below)").tokens()).noneMatch(tk -> tk.kind() == Token.Kind.EMOTICON);
    }

    @Test
    void aLineBreakEndsASentence() {
        Tokens t = tokenizer.tokenize("still waiting\nthanks");
        assertThat(t.get(2).endsSentence()).isTrue();
    }
}
