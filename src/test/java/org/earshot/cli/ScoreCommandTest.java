package org.earshot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ScoreCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FilterRun score(String stdin) {
        return FilterRun.of(s -> new ScoreCommand(s.in(), s.out(), s.err(), s.clock()), stdin);
    }

    @Test
    void scoresEachLineAndEchoesItsId() throws Exception {
        FilterRun run = score("""
                {"id":"t1","platform":"x","text":"Stuck at the airport in Lisbon, flight cancelled, no hotel","author":{"handle":"ana","name":"Ana Silva","followers":12400},"createdAt":"2026-03-01T09:00:00Z"}
                {"id":"t2","platform":"mastodon","text":"Lovely crew on the Porto flight, thank you!","author":{"handle":"joe@mastodon.example","name":"Joe","followers":80},"createdAt":"2026-03-01T11:30:00Z"}
                """);
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).hasSize(2);
        JsonNode stranded = JSON.readTree(run.out().get(0));
        JsonNode praise = JSON.readTree(run.out().get(1));
        assertThat(stranded.get("id").asText()).isEqualTo("t1");
        assertThat(stranded.get("sentiment").asText()).isEqualTo("negative");
        assertThat(stranded.get("urgencyLevel").asText()).isEqualTo("critical");
        assertThat(stranded.get("negativity").asDouble()).isBetween(0.0, 1.0);
        assertThat(stranded.get("urgency").asDouble()).isBetween(0.0, 1.0);
        assertThat(stranded.get("reasons").toString()).contains("stranded: 'stuck at the airport'", "audience 12k")
                .doesNotContain("waiting 3h");
        assertThat(stranded.get("language").asText()).isEqualTo("en");
        assertThat(praise.get("sentiment").asText()).isEqualTo("positive");
        assertThat(praise.get("urgencyLevel").asText()).isEqualTo("low");
        assertThat(stranded.get("priority").asDouble()).isGreaterThan(praise.get("priority").asDouble());
    }

    @Test
    void badLinesAreReportedWithTheirNumberAndTheRestIsScored() {
        FilterRun run = score("""
                {"id":1,"text":"Where is my refund?"}
                {"id":2,"text":"Thanks!"}
                this is not json
                {"id":4,"text":"Great, another delay"}
                {"id":5}
                {"id":6,"text":42}
                {"id":7,"text":"hi","platform":"myspace"}
                {"id":8,"text":"hi","author":"ana"}
                {"id":9,"text":"hi","createdAt":"yesterday"}

                {"id":11,"text":"Still waiting","author":{"followers":-3}}
                {"id":12,"text":"The last good line"}
                """);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).hasSize(4);
        assertThat(run.out()).extracting(l -> l.substring(0, l.indexOf(','))).containsExactly(
                "{\"id\":1", "{\"id\":2", "{\"id\":4", "{\"id\":12");
        assertThat(run.err()).hasSize(7);
        assertThat(run.err().get(0)).startsWith("line 3: not JSON: Unrecognized token 'this'");
        assertThat(run.err().subList(1, 7)).containsExactly(
                "line 5: \"text\" is required",
                "line 6: \"text\" must be a string, but was a number",
                "line 7: \"platform\": unknown platform 'myspace', expected one of [mastodon, x, reddit, bluesky, rss, email]",
                "line 8: \"author\" must be an object like {\"handle\": \"...\", \"name\": \"...\", \"followers\": 120}, but was a string",
                "line 9: \"createdAt\" must be a time like 2026-03-01T12:00:00Z, but was \"yesterday\"",
                "line 11: \"author.followers\" must be a whole number of at least 0, but was -3");
    }

    @Test
    void missingPlatformAuthorAndTimeDefaultAndIdMayBeAbsent() throws Exception {
        FilterRun run = score("{\"text\":\"I was charged twice\"}\n");
        assertThat(run.exitCode()).isZero();
        JsonNode line = JSON.readTree(run.out().get(0));
        assertThat(line.get("id").isNull()).isTrue();
        assertThat(line.get("reasons").toString()).contains("charged twice").doesNotContain("waiting");
    }

    @Test
    void engagementIsReadAndAComplaintThatSpreadsSaysSo() throws Exception {
        FilterRun run = score("""
                {"id":"e1","text":"Two hours on hold and still no refund","engagement":{"likes":3400,"reposts":1200,"replies":310}}
                {"id":"e2","text":"Two hours on hold and still no refund"}
                """);
        assertThat(run.exitCode()).isZero();
        JsonNode spreading = JSON.readTree(run.out().get(0));
        JsonNode quiet = JSON.readTree(run.out().get(1));
        assertThat(spreading.get("reasons").toString()).contains("spreading: 1.2k reposts, 3.4k likes");
        assertThat(spreading.get("urgencyLevel").asText()).isEqualTo("high");
        assertThat(spreading.get("priority").asDouble()).isGreaterThan(quiet.get("priority").asDouble());
    }

    @Test
    void badEngagementIsReportedWithItsLineAndField() {
        FilterRun run = score("""
                {"id":1,"text":"hi","engagement":"lots"}
                {"id":2,"text":"hi","engagement":{"likes":-1}}
                """);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).containsExactly(
                "line 1: \"engagement\" must be an object like {\"likes\": 40, \"reposts\": 12, \"replies\": 3}, but was a string",
                "line 2: \"engagement.likes\" must be a whole number of at least 0, but was -1");
    }

    @Test
    void trailingGarbageAfterTheObjectIsNotJson() {
        FilterRun run = score("{\"text\":\"ok\"} {\"text\":\"again\"}\n");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).singleElement().asString().startsWith("line 1: not JSON:");
    }

    @Test
    void emptyInputIsFine() {
        FilterRun run = score("");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void eachLineSaysItsLanguageAndOneNotInEnglishCarriesANotice() throws Exception {
        FilterRun run = score("""
                {"id":"es","text":"@AcmeAir mi vuelo lleva tres horas de retraso y nadie nos dice nada"}
                {"id":"en","text":"@AcmeAir my flight is three hours late and nobody tells us anything"}
                """);
        JsonNode spanish = JSON.readTree(run.out().get(0));
        JsonNode english = JSON.readTree(run.out().get(1));
        assertThat(spanish.get("language").asText()).isEqualTo("es");
        assertThat(spanish.get("notice").asText()).contains("Spanish");
        assertThat(english.get("language").asText()).isEqualTo("en");
        assertThat(english.has("notice")).isFalse();
    }
}
