package org.earshot.connector.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

class BlueskyTextTest {

    @Test
    void lengthIsCountedInWhatAReaderSeesAsOneCharacter() {
        assertThat(BlueskyText.graphemes("abc")).isEqualTo(3);
        assertThat(BlueskyText.graphemes("👍🏽")).isEqualTo(1);
        assertThat(BlueskyText.graphemes("👨‍👩‍👧‍👦")).isEqualTo(1);
        assertThat(BlueskyText.graphemes("🇫🇷")).isEqualTo(1);
        assertThat(BlueskyText.graphemes("e\u0301")).isEqualTo(1);
    }

    @Test
    void linkFacetsUseUtf8ByteOffsetsAndLeaveTrailingPunctuationOut() {
        ArrayNode facets = BlueskyText.linkFacets("✈️ see https://acmeair.example/a?b=1, or http://x.example).");

        assertThat(facets).hasSize(2);
        assertThat(facets.get(0).at("/index/byteStart").asInt()).isEqualTo(11);
        assertThat(facets.get(0).at("/index/byteEnd").asInt()).isEqualTo(11 + "https://acmeair.example/a?b=1".length());
        assertThat(facets.get(0).at("/features/0/uri").asText()).isEqualTo("https://acmeair.example/a?b=1");
        assertThat(facets.get(1).at("/features/0/uri").asText()).isEqualTo("http://x.example");
    }

    @Test
    void textWithoutLinksHasNoFacets() {
        assertThat(BlueskyText.linkFacets("Sorry about the delay, Dan.")).isEmpty();
    }
}
