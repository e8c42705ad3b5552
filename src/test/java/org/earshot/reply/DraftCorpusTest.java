package org.earshot.reply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Draft;
import org.earshot.domain.Engagement;
import org.earshot.domain.Intent;
import org.earshot.domain.Platform;
import org.earshot.domain.Score;
import org.earshot.domain.Warning;
import org.earshot.scoring.MentionScorer;
import org.earshot.scoring.ScoringInput;
import org.junit.jupiter.api.Test;

/**
 * Drafts every mention of {@code reply/corpus.jsonl} (complaints, questions, praise, sales leads, feature
 * requests, spam, crises and unclear ones, on every platform, some without a name) with the project's
 * policy, scored as the daemon scores them. Every draft must pass every rule; spam gets no draft.
 */
class DraftCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private record Case(String id, DraftInput input, Intent expected) {
    }

    @Test
    void everyDraftOfTheCorpusPassesEveryRuleAndSpamGetsNone() throws IOException {
        ReplyDrafter drafter = new ReplyDrafter(Policies.ACME, Wiring.CHANNELS);
        MentionScorer scorer = new MentionScorer();
        List<String> failures = new ArrayList<>();
        Map<Intent, Integer> byIntent = new EnumMap<>(Intent.class);
        int passed = 0;
        List<Case> cases = corpus(scorer);
        for (Case c : cases) {
            Draft d = drafter.draft(c.input());
            byIntent.merge(d.intent(), 1, Integer::sum);
            List<String> broken = d.warnings().stream().filter(w -> !w.isNotice()).map(Warning::line).toList();
            boolean ok = broken.isEmpty() && d.intent() == c.expected()
                    && (d.intent() == Intent.SPAM ? d.text().isEmpty() : !d.text().isBlank());
            if (ok) {
                passed++;
            } else {
                failures.add(c.id() + " (" + d.intent().id() + ", expected " + c.expected().id() + "): " + broken
                        + " " + d.text().replace('\n', ' '));
            }
        }
        System.out.printf("draft corpus: %d of %d drafts passed every rule with the expected intent %s%n", passed,
                cases.size(), byIntent);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        assertThat(failures).isEmpty();
    }

    private static List<Case> corpus(MentionScorer scorer) throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = DraftCorpusTest.class.getResourceAsStream("/reply/corpus.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                Platform platform = Wiring.CHANNELS.platform(n.get("platform").asText());
                Author author = new Author(n.at("/author/handle").asText(), n.at("/author/name").asText(), 100);
                String subject = n.path("subject").asText("");
                String text = n.get("text").asText();
                Score score = scorer.score(new ScoringInput(platform, text, subject, author, CustomerHistory.NONE, NOW,
                        NOW, Engagement.NONE));
                out.add(new Case(n.get("id").asText(), new DraftInput(platform, author, text, subject, score,
                        CustomerHistory.NONE), Intent.valueOf(n.get("expect").asText().toUpperCase())));
            }
        }
        return out;
    }
}
