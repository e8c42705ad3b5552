package org.earshot.scoring;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Platform;
import org.earshot.domain.Score;
import org.earshot.domain.UrgencyLevel;
import org.junit.jupiter.api.Test;

/**
 * Urgency recall on real tweets the scorer was never tuned on: {@code ../shared/data/labelled/
 * twcs_risk_category_sample.jsonl} (199 inbound customer-care tweets from the twcs corpus, each given
 * an issue category by the adenm1/ecommerce-risk-nlp project; weak labels, see its SOURCES.md).
 *
 * <p><b>The rule, written and committed before any result was looked at</b> (no public set has urgency
 * labels, so the category stands in for one):
 * <ul>
 *   <li><b>critical</b>: category {@code legal} (copyright, false advertising, data leak, illegal
 *       behaviour): what Earshot's CRITICAL means (safety, security, legal).</li>
 *   <li><b>pressing</b> (should be HIGH or CRITICAL): {@code payment}, {@code account}, {@code delivery},
 *       {@code technical}, {@code service}, {@code pricing}: a customer's money, access or order is at
 *       stake.</li>
 *   <li><b>not pressing</b>: every {@code other_*} category.</li>
 * </ul>
 * Printed: critical recall (critical tweets scored CRITICAL), pressing recall (risk tweets scored HIGH
 * or above) and the false-alarm rate (not-pressing tweets scored HIGH or above), for the lexicon.
 * Nothing is asserted; not in the suite: {@code mvn test -Dtest=UrgencyCriticalRecallEvaluation}.
 */
class UrgencyCriticalRecallEvaluation {
    private static final Path SET = Path.of("..", "shared", "data", "labelled", "twcs_risk_category_sample.jsonl");

    enum Expected { CRITICAL, PRESSING, NOT_PRESSING }

    static Expected expected(String category) {
        if (category.equals("legal")) {
            return Expected.CRITICAL;
        }
        return category.startsWith("other_") ? Expected.NOT_PRESSING : Expected.PRESSING;
    }

    @Test
    void printsCriticalAndPressingRecallOnTheRiskCategorySample() throws Exception {
        assumeTrue(Files.exists(SET), SET + " is not here; nothing to measure");
        ObjectMapper json = new ObjectMapper();
        MentionScorer scorer = new MentionScorer();
        int[] seen = new int[3];
        int[] hit = new int[3];
        List<String> missedCritical = new ArrayList<>();
        for (String line : Files.readAllLines(SET)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = json.readTree(line);
            Expected e = expected(row.get("label").asText());
            String text = row.get("text").asText();
            Score s = scorer.score(new ScoringInput(Platform.X, text, "", new Author("a", "a", 100),
                    CustomerHistory.NONE, null, null));
            seen[e.ordinal()]++;
            boolean pressing = s.urgencyLevel().compareTo(UrgencyLevel.HIGH) >= 0;
            if (e == Expected.CRITICAL ? s.urgencyLevel() == UrgencyLevel.CRITICAL : pressing) {
                hit[e.ordinal()]++;
            } else if (e == Expected.CRITICAL) {
                missedCritical.add(s.urgencyLevel() + ": " + text);
            }
        }
        System.out.printf(Locale.ROOT, "lexicon, %d tweets: critical recall %d/%d; pressing recall (HIGH+) %d/%d;"
                        + " false alarms (HIGH+ among not pressing) %d/%d%n", seen[0] + seen[1] + seen[2],
                hit[0], seen[0], hit[1], seen[1], hit[2], seen[2]);
        missedCritical.forEach(m -> System.out.println("  missed critical: " + m));
    }
}
