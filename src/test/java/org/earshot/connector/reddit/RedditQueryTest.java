package org.earshot.connector.reddit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.earshot.config.BrandConfig;
import org.earshot.config.ConfigException;
import org.earshot.config.ConfigNode;
import org.junit.jupiter.api.Test;

class RedditQueryTest {
    private static final ConfigNode CONNECTOR = new ConfigNode(Path.of("earshot.yaml"), "connectors.reddit", null);

    private static String query(List<String> keywords, List<String> handles, List<String> hashtags) {
        return RedditQuery.of(new BrandConfig("acme", "Acme Air", keywords, handles, hashtags, List.of(), List.of(),
                List.of()), CONNECTOR);
    }

    @Test
    void keywordsArePhrasesAndHandlesAndHashtagsBareWords() {
        assertThat(query(List.of("acme air", "AcmeAir"), List.of("@acmeair", "u/AcmeAirHelp"), List.of("#flyacme")))
                .isEqualTo("\"acme air\" OR AcmeAir OR AcmeAirHelp OR flyacme");
    }

    @Test
    void handlesOfOtherNetworksAndRepeatsAreLeftOut() {
        assertThat(query(List.of("acme air"), List.of("@acmeair@mastodon.example", "support@acme.example"),
                List.of("#acmeair", "#AcmeAir"))).isEqualTo("\"acme air\" OR acmeair");
    }

    @Test
    void quotesInsideAKeywordCannotBreakThePhrase() {
        assertThat(query(List.of("\"acme\" air"), List.of(), List.of())).isEqualTo("\"acme air\"");
    }

    @Test
    void aQueryLongerThanRedditAllowsStopsTheStart() {
        List<String> many = java.util.stream.IntStream.range(0, 60).mapToObj(i -> "acme route " + i).toList();

        assertThatThrownBy(() -> query(many, List.of(), List.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("connectors.reddit.brand names brand 'acme', whose keywords, handles and"
                        + " hashtags make a Reddit search of").hasMessageEndingWith("characters; Reddit allows 512");
    }
}
