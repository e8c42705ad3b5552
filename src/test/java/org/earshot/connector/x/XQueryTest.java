package org.earshot.connector.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.earshot.config.BrandConfig;
import org.earshot.config.ConfigException;
import org.earshot.config.ConnectorConfig;
import org.junit.jupiter.api.Test;

class XQueryTest {
    private final ObjectNode node = XFixtures.settings("https://api.x.example");

    private String query(BrandConfig brand) {
        ConnectorConfig config = XFixtures.config(node);
        return XQuery.of(brand, XSettings.from(config), config.settings()).text();
    }

    private static BrandConfig brand(List<String> keywords, List<String> handles, List<String> hashtags) {
        return new BrandConfig("acme", "Acme Air", keywords, handles, hashtags, List.of(), List.of(), List.of());
    }

    @Test
    void keywordsAreQuotedHandlesGetAtAndTheBrandAccountsPostsAreLeftOut() {
        assertThat(query(brand(List.of("acme air"), List.of("acmeair"), List.of("acmeair"))))
                .isEqualTo("(\"acme air\" OR @acmeair OR #acmeair) -from:acmeair -is:retweet");
    }

    @Test
    void namesThatAreNoXHandlesAreLeftOut() {
        assertThat(query(brand(List.of(), List.of("@acmeair@mastodon.example", "support@acme.example", "@AcmeAir"),
                List.of()))).isEqualTo("@AcmeAir -from:acmeair -is:retweet");
    }

    @Test
    void repostsAreKeptWhenAsked() {
        node.put("excludeRetweets", false);

        assertThat(query(brand(List.of("acme air"), List.of(), List.of()))).isEqualTo("\"acme air\" -from:acmeair");
    }

    @Test
    void severalLanguagesAreAnyOfThem() {
        node.putArray("languages").add("en").add("de");

        assertThat(query(brand(List.of("acme air"), List.of(), List.of())))
                .endsWith("-is:retweet (lang:en OR lang:de)");
    }

    @Test
    void v11LeavesOutRetweetsItsOwnWayAndTakesTheLanguageAsAParameter() {
        ObjectNode v1 = XFixtures.settingsV1("https://api.x.example");
        v1.putArray("languages").add("en");
        ConnectorConfig config = XFixtures.config(v1);

        String text = XQuery.of(brand(List.of("acme air"), List.of(), List.of()), XSettings.from(config),
                config.settings()).text();

        assertThat(text).isEqualTo("\"acme air\" -from:acmeair -filter:retweets");
    }

    @Test
    void aBrandWithNothingToSearchForIsAConfigError() {
        assertThatThrownBy(() -> query(brand(List.of(), List.of("support@acme.example"), List.of())))
                .isInstanceOf(ConfigException.class).hasMessage("earshot.yaml: connectors.x has nothing to search for:"
                        + " brand 'acme' lists no keywords, X handles or hashtags");
    }

    @Test
    void aQueryLongerThanXTakesIsAConfigErrorNamingTheLength() {
        node.put("maxQueryLength", 64);

        assertThatThrownBy(() -> query(brand(List.of("acme air", "acme airlines", "acme air support"), List.of(),
                List.of()))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("earshot.yaml: connectors.x.maxQueryLength is 64, but the search built from"
                        + " brand 'acme' is 79 characters");
    }
}
