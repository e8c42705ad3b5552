package org.earshot.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.earshot.scoring.Scoring.NOW;
import static org.earshot.scoring.Scoring.score;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Engagement;
import org.earshot.domain.Platform;
import org.earshot.domain.Score;
import org.junit.jupiter.api.Test;

class PriorityTest {
    private final MentionScorer scorer = new MentionScorer();

    @Test
    void aMorningQueueIsOrderedTheWayAManagerWould() {
        Map<String, Score> queue = new LinkedHashMap<>();
        queue.put("praise", score("Thank you for the lovely flight, the crew was amazing!"));
        queue.put("question", score("Can I bring my guitar as hand luggage?"));
        queue.put("cold coffee", score("The coffee on board was cold"));
        queue.put("famous praise", score("Best lounge in Europe, well done!", 2_000_000, CustomerHistory.NONE));
        queue.put("double charge", score("You charged me twice for my seat"));
        queue.put("repeat complaint", score("Still no refund, this is the third time I ask", 90, new CustomerHistory(4, 2, 1)));
        queue.put("stranded", score("Stuck at the airport overnight, flight cancelled, no hotel, two kids"));
        queue.put("fire", score("Smoke in the cabin and nobody told us anything"));
        List<String> order = queue.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, Score> e) -> e.getValue().priority()).reversed())
                .map(Map.Entry::getKey).toList();
        assertThat(order.subList(0, 2)).containsExactlyInAnyOrder("fire", "stranded");
        assertThat(order.subList(2, 4)).containsExactlyInAnyOrder("double charge", "repeat complaint");
        assertThat(order.subList(4, 6)).containsExactly("cold coffee", "question");
        assertThat(order.subList(6, 8)).containsExactlyInAnyOrder("famous praise", "praise");
    }

    @Test
    void criticalBeforeHighBeforeNormalBeforeLowWhateverTheReach() {
        double critical = score("Smoke in the cabin and nobody told us anything").priority();
        double high = score("You charged me twice for my seat").priority();
        double normal = score("The coffee on board was cold", 900_000, CustomerHistory.NONE).priority();
        double low = score("Nice new uniforms!", 2_000_000, CustomerHistory.NONE).priority();
        assertThat(critical).isGreaterThanOrEqualTo(75);
        assertThat(high).isBetween(50.0, 75.0);
        assertThat(low).isLessThan(25);
        assertThat(critical).isGreaterThan(high);
        assertThat(normal).isGreaterThan(low);
    }

    @Test
    void withinABandTheAngrierComesFirst() {
        assertThat(score("The coffee on board was cold and the crew were rude and useless").priority())
                .isGreaterThan(score("The coffee on board was a bit cold").priority());
    }

    @Test
    void waitingLongerRaisesPriorityButIsNoReason() {
        Score fresh = at(Duration.ZERO);
        Score old = at(Duration.ofHours(5));
        assertThat(old.priority()).isGreaterThan(fresh.priority());
        assertThat(at(Duration.ofDays(3)).reasons()).noneMatch(r -> r.startsWith("waiting"));
    }

    @Test
    void biggerReachRaisesPriority() {
        assertThat(score("The coffee on board was cold", 50_000, CustomerHistory.NONE).priority())
                .isGreaterThan(score("The coffee on board was cold", 50, CustomerHistory.NONE).priority());
    }

    @Test
    void reasonsReadAsShortPhrasesInOrderOfWeight() {
        Score s = scorer.score(new ScoringInput(Platform.X, "Your charger caught fire in my hotel room, still waiting for a call back",
                "", new Author("dana", "Dana", 820_000), new CustomerHistory(3, 2, 1), NOW.minus(Duration.ofHours(5)), NOW,
                new Engagement(900, 1_200, 80)));
        assertThat(s.reasons()).containsExactly("safety: 'caught fire'", "audience 820k", "spreading: 1.2k reposts, 900 likes",
                "3rd complaint", "still waiting");
    }

    @Test
    void aPhraseAlreadyQuotedInAnUrgencyReasonIsNotNamedAgain() {
        Score s = scorer.score(new ScoringInput(Platform.X, "@acmeair 4th time i contact you about this, still not fixed",
                "", new Author("a", "A", 10), CustomerHistory.NONE, NOW, NOW));
        assertThat(s.reasons()).contains("complaining again: '4th time i contact'").doesNotContain("4th time");
    }

    @Test
    void missingAuthorHistoryAndTimesAreTolerated() {
        Score s = scorer.score(new ScoringInput(Platform.MASTODON, "Where is my bag?", null, null, null, null, null));
        assertThat(s.reasons()).contains("lost goods: 'where is my bag'");
    }

    @Test
    void subjectIsScoredWithTheText() {
        Score s = scorer.score(new ScoringInput(Platform.EMAIL, "Booking XY7Q2, see below.", "Charged twice",
                new Author("a@example.com", "", 0), CustomerHistory.NONE, NOW, NOW));
        assertThat(s.reasons()).contains("money: 'charged twice'");
    }

    private Score at(Duration waited) {
        return scorer.score(new ScoringInput(Platform.X, "The coffee on board was cold", "",
                new Author("a", "A", 10), CustomerHistory.NONE, NOW.minus(waited), NOW));
    }
}
