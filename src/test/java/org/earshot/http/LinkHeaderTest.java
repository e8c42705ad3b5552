package org.earshot.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {

    @Test
    void readsTheQueryOfEachRelationAsMastodonWritesThem() {
        LinkHeader links = LinkHeader.parse(Optional.of(
                "<https://mastodon.example/api/v1/notifications?max_id=4820101&types%5B%5D=mention>; rel=\"next\", "
                        + "<https://mastodon.example/api/v1/notifications?min_id=4820187&types[]=mention>; rel=\"prev\""));

        assertThat(links.queryParameter("prev", "min_id")).contains("4820187");
        assertThat(links.queryParameter("next", "max_id")).contains("4820101");
        assertThat(links.queryParameter("next", "types[]")).contains("mention");
    }

    @Test
    void aMissingHeaderOrRelationHasNoLinks() {
        assertThat(LinkHeader.parse(Optional.empty()).link("prev")).isEmpty();
        assertThat(LinkHeader.parse(Optional.of("<https://x.example/a?b=1>; rel=\"next\"")).queryParameter("prev", "min_id"))
                .isEmpty();
    }
}
