package org.earshot.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnalysedTextTest {
    @Test
    void aTextWithinTheLimitIsReadWhole() {
        AnalysedText t = AnalysedText.of("my bag is lost", 1_000);
        assertThat(t.text()).isEqualTo("my bag is lost");
        assertThat(t.cut()).isFalse();
    }

    @Test
    void aLongerTextIsCutAtTheLastSpaceBeforeTheLimit() {
        AnalysedText t = AnalysedText.of("my bag is lost ".repeat(1_000), 1_000);
        assertThat(t.text()).hasSizeLessThanOrEqualTo(1_000).endsWith("is");
        assertThat(t.cut()).isTrue();
        assertThat(t.fullLength()).isEqualTo(15_000);
        assertThat(t.notice()).startsWith("read the first 999 of 15,000 characters");
    }

    @Test
    void aCutNeverSplitsACharacter() {
        AnalysedText t = AnalysedText.of("😡".repeat(1_000), 1_001);
        assertThat(t.text()).hasSize(1_000);
        assertThat(Character.isHighSurrogate(t.text().charAt(t.text().length() - 1))).isFalse();
    }

    @Test
    void aWordLongerThanTheLimitIsCutAtTheLimit() {
        assertThat(AnalysedText.of("a".repeat(5_000), 1_000).text()).hasSize(1_000);
    }

    @Test
    void aTextWithNoFullStopIsReadInSentencesOfBoundedLength() {
        Tokens tokens = new Tokenizer(WordLists.standard().lexicon()).tokenize("my bag is lost ".repeat(200));
        int run = 0;
        int longest = 0;
        for (int i = 0; i < tokens.size(); i++) {
            run = tokens.endsSentence(i) ? 0 : run + 1;
            longest = Math.max(longest, run);
        }
        assertThat(longest).isLessThanOrEqualTo(Tokenizer.MAX_SENTENCE_TOKENS);
    }
}
