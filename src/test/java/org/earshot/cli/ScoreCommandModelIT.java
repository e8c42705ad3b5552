package org.earshot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The score filter's --model option; "learned" loads the real model (once for the suite). */
class ScoreCommandModelIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LINES = """
            {"id":"c1","text":"flight delayed 3 hours, no update"}
            {"id":"p1","text":"Lovely crew on the Porto flight, thank you!"}
            """;

    private static FilterRun score(String... args) {
        return FilterRun.of(s -> new ScoreCommand(s.in(), s.out(), s.err(), s.clock()), LINES, args);
    }

    @Test
    void learnedAddsTheModelAndItsOwnNegativityBesideTheFieldsTheFilterAlwaysHad() throws Exception {
        FilterRun run = score("--model", "learned");
        assertThat(run.exitCode()).isZero();
        JsonNode complaint = JSON.readTree(run.out().get(0));
        JsonNode praise = JSON.readTree(run.out().get(1));
        assertThat(complaint.get("model").asText()).isEqualTo("learned");
        assertThat(complaint.get("modelNegativity").asDouble()).isGreaterThan(praise.get("modelNegativity").asDouble());
        assertThat(complaint.get("sentiment").asText()).isEqualTo("negative");
        assertThat(praise.get("sentiment").asText()).isEqualTo("positive");
        for (String field : new String[] {"id", "negativity", "sentiment", "urgency", "urgencyLevel", "priority", "reasons"}) {
            assertThat(complaint.has(field)).as(field).isTrue();
        }
    }

    @Test
    void lexiconScoresWithTheWordListsAloneAndHasNoModelNegativity() throws Exception {
        FilterRun lexicon = score("--model", "lexicon");
        FilterRun byDefaultInTests = score();
        JsonNode line = JSON.readTree(lexicon.out().get(0));
        assertThat(line.get("model").asText()).isEqualTo("lexicon");
        assertThat(line.has("modelNegativity")).isFalse();
        // The suite sets earshot.model=lexicon, so the default here is the lexicon too.
        assertThat(byDefaultInTests.out()).isEqualTo(lexicon.out());
    }

    @Test
    void anUnknownModelIsAUsageErrorAndScoresNothing() {
        FilterRun run = score("--model", "gpt");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
    }
}
