package org.earshot.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.earshot.domain.Score;
import org.earshot.domain.Sentiment;
import org.earshot.domain.UrgencyLevel;

/**
 * What the team taught the scorer by relabelling mentions: the terms ("gate agent", "legroom") that
 * people's labels kept agreeing on, each with the sentiment or urgency level it points to. A new
 * mention that shares enough of them is nudged one step toward that label, never further, and its
 * reasons say so ("team label: 'gate agent' → negative"). It moves only what the scorer was unsure
 * of: never a clear sentiment, never a critical urgency.
 *
 * <p>Immutable, so one model serves every thread; {@link CurrentTeamCorrections} swaps in a new one
 * after each correction.
 */
public final class TeamCorrections {
    /** A term is learned when at least this share of the labelled mentions that have it agree. */
    static final double AGREEMENT = 0.75;
    /**
     * A term in more than this share of the labelled mentions (the brand's name, where too few mentions
     * were heard for {@link CommonTerms} to know it) tells none of them apart. Ignored only once there
     * are enough of them to say so: among a handful, one recurring problem can well be half.
     */
    static final double MAX_SHARE = 0.5;
    static final int MIN_EXAMPLES_FOR_SHARE = 10;
    /** What a mention must share with the team's terms: a pair and a word, or three words. */
    static final int MIN_SHARED_WEIGHT = 3;
    /** And that must be at least this share of the mention's own terms, so a long text is not moved by a few words. */
    static final double MIN_SIMILARITY = 0.25;
    /**
     * How far the model may move negativity and urgency. A one-step move that needs more is left
     * undone: a text the scorer found very negative stays negative whatever the team's words say.
     */
    static final double MAX_NEGATIVITY_NUDGE = 0.35;
    static final double MAX_URGENCY_NUDGE = 0.3;
    /** From this strength on (compound -1 to 1) the scorer's sentiment is sure, and the team model leaves it. */
    static final double SURE_COMPOUND = 0.5;
    private static final int TERMS_IN_REASON = 3;

    public static final TeamCorrections NONE = learn(List.of());

    /** One corrected mention: its text, its terms, and the labels people gave it (null where none). */
    public record Example(String text, Sentiment sentiment, UrgencyLevel urgencyLevel, Set<String> terms) {
        public Example {
            terms = Set.copyOf(terms);
        }

        public static Example of(String text, Sentiment sentiment, UrgencyLevel urgencyLevel) {
            return new Example(text, sentiment, urgencyLevel,
                    TeamTerms.of(MentionAnalyzer.standard().analyze(text).tokens()));
        }
    }

    /** A learned term: {@code agreeing} of the {@code seen} labelled mentions that have it say {@code label}. */
    public record LearnedTerm<L extends Enum<L>>(String term, L label, int agreeing, int seen) {
    }

    private record Match<L extends Enum<L>>(L label, List<String> terms) {
    }

    private final int size;
    private final TermLabels<Sentiment> sentiment;
    private final TermLabels<UrgencyLevel> urgency;

    private TeamCorrections(int size, TermLabels<Sentiment> sentiment, TermLabels<UrgencyLevel> urgency) {
        this.size = size;
        this.sentiment = sentiment;
        this.urgency = urgency;
    }

    public static TeamCorrections learn(List<Example> examples) {
        return learn(examples, CommonTerms.NONE);
    }

    /** Learns from the corrected mentions, leaving out terms common to most mentions. */
    public static TeamCorrections learn(List<Example> examples, CommonTerms common) {
        return new TeamCorrections(examples.size(),
                TermLabels.learn(examples, Example::sentiment, Sentiment.class, common),
                TermLabels.learn(examples, Example::urgencyLevel, UrgencyLevel.class, common));
    }

    /** The text as the scorer reads it, and as corrections keep it: the subject line, then the body. */
    public static String textOf(String subject, String text) {
        String body = text == null ? "" : text;
        return subject == null || subject.isBlank() ? body : subject + "\n" + body;
    }

    /** How many corrected mentions it learned from. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return sentiment.terms.isEmpty() && urgency.terms.isEmpty();
    }

    /** The most telling learned terms: those most mentions agreed on first, pairs before words. */
    public List<LearnedTerm<Sentiment>> sentimentTerms(int limit) {
        return sentiment.top(limit);
    }

    public List<LearnedTerm<UrgencyLevel>> urgencyTerms(int limit) {
        return urgency.top(limit);
    }

    public Score adjust(String text, Score score) {
        return isEmpty() ? score : adjust(MentionAnalyzer.standard().analyze(text), score);
    }

    /**
     * The score, moved at most one step toward the labels the team gave mentions like this one, with
     * a reason for each move; as it was when the mention shares too little with them.
     */
    public Score adjust(MentionAnalysis analysis, Score score) {
        if (isEmpty()) {
            return score;
        }
        Set<String> terms = TeamTerms.of(analysis.tokens());
        int weight = TeamTerms.weight(terms);
        List<String> reasons = new ArrayList<>();

        Sentiment newSentiment = null;
        Match<Sentiment> s = sentiment.match(terms, weight);
        // Only where the scorer was unsure: clear words ("great", "worst") outweigh words the team met before.
        boolean unsure = Math.abs(analysis.sentiment().compound()) < SURE_COMPOUND;
        if (s != null && s.label() != score.sentiment() && unsure) {
            Sentiment step = step(score.sentiment(), s.label(), Sentiment.values());
            double moved = ScoreBands.negativityFor(step, score.negativity()) - score.negativity();
            if (Math.abs(moved) <= MAX_NEGATIVITY_NUDGE) {
                newSentiment = step;
                reasons.add(reason(s, s.label().id(), step == s.label() ? null : step.id()));
            }
        }

        UrgencyLevel newLevel = null;
        Match<UrgencyLevel> u = urgency.match(terms, weight);
        // What the scorer calls critical (safety, security, legal, stranded) is never lowered by words alone.
        if (u != null && u.label() != score.urgencyLevel() && score.urgencyLevel() != UrgencyLevel.CRITICAL) {
            UrgencyLevel step = step(score.urgencyLevel(), u.label(), UrgencyLevel.values());
            double moved = ScoreBands.urgencyFor(step, score.urgency()) - score.urgency();
            if (Math.abs(moved) <= MAX_URGENCY_NUDGE) {
                newLevel = step;
                reasons.add(reason(u, "urgency " + u.label().id(), step == u.label() ? null : step.id()));
            }
        }

        if (reasons.isEmpty()) {
            return score;
        }
        Score moved = ScoreBands.relabel(score, newSentiment, newLevel);
        List<String> allReasons = new ArrayList<>(score.reasons());
        allReasons.addAll(reasons);
        return new Score(moved.negativity(), moved.sentiment(), moved.urgency(), moved.urgencyLevel(),
                moved.priority(), allReasons);
    }

    private static <L extends Enum<L>> L step(L from, L toward, L[] order) {
        return order[from.ordinal() + Integer.signum(toward.ordinal() - from.ordinal())];
    }

    private static String reason(Match<?> m, String label, String stoppedAt) {
        StringBuilder b = new StringBuilder("team label: ");
        for (int i = 0; i < m.terms().size(); i++) {
            b.append(i == 0 ? "" : ", ").append('\'').append(m.terms().get(i)).append('\'');
        }
        b.append(" → ").append(label);
        if (stoppedAt != null) {
            b.append(" (one step, to ").append(stoppedAt).append(')');
        }
        return b.toString();
    }

    /** The learned terms of one kind of label. */
    private static final class TermLabels<L extends Enum<L>> {
        private final Map<String, LearnedTerm<L>> terms;

        private TermLabels(Map<String, LearnedTerm<L>> terms) {
            this.terms = Map.copyOf(terms);
        }

        static <L extends Enum<L>> TermLabels<L> learn(List<Example> examples, Function<Example, L> labelOf,
                                                        Class<L> type, CommonTerms common) {
            Map<String, EnumMap<L, Integer>> counts = new HashMap<>();
            int labelled = 0;
            for (Example e : examples) {
                L label = labelOf.apply(e);
                if (label == null) {
                    continue;
                }
                labelled++;
                for (String term : e.terms()) {
                    counts.computeIfAbsent(term, t -> new EnumMap<>(type)).merge(label, 1, Integer::sum);
                }
            }
            Map<String, LearnedTerm<L>> learned = new HashMap<>();
            for (Map.Entry<String, EnumMap<L, Integer>> c : counts.entrySet()) {
                int seen = c.getValue().values().stream().mapToInt(Integer::intValue).sum();
                Map.Entry<L, Integer> top = c.getValue().entrySet().stream()
                        .max(Map.Entry.comparingByValue()).orElseThrow();
                boolean agreed = top.getValue() >= AGREEMENT * seen;
                boolean everywhere = common.contains(c.getKey())
                        || labelled >= MIN_EXAMPLES_FOR_SHARE && seen > MAX_SHARE * labelled;
                if (agreed && !everywhere) {
                    learned.put(c.getKey(), new LearnedTerm<>(c.getKey(), top.getKey(), top.getValue(), seen));
                }
            }
            return new TermLabels<>(learned);
        }

        /**
         * The label the mention's learned terms point to, if they weigh enough, make up enough of the
         * mention, and outweigh the terms pointing elsewhere two to one.
         */
        Match<L> match(Set<String> mentionTerms, int mentionWeight) {
            Map<L, Integer> weights = new HashMap<>();
            Map<L, List<LearnedTerm<L>>> byLabel = new HashMap<>();
            int total = 0;
            for (String term : mentionTerms) {
                LearnedTerm<L> t = terms.get(term);
                if (t != null) {
                    weights.merge(t.label(), TeamTerms.weight(term), Integer::sum);
                    byLabel.computeIfAbsent(t.label(), l -> new ArrayList<>()).add(t);
                    total += TeamTerms.weight(term);
                }
            }
            if (weights.isEmpty()) {
                return null;
            }
            Map.Entry<L, Integer> best = weights.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            int w = best.getValue();
            if (w < MIN_SHARED_WEIGHT || w < 2 * (total - w) || w < MIN_SIMILARITY * mentionWeight) {
                return null;
            }
            return new Match<>(best.getKey(), shown(byLabel.get(best.getKey())));
        }

        /** The terms a reason names: the strongest first, and no word already inside a named pair. */
        private List<String> shown(List<LearnedTerm<L>> matched) {
            List<String> out = new ArrayList<>();
            for (LearnedTerm<L> t : matched.stream().sorted(strongestFirst()).toList()) {
                boolean inPair = out.stream().anyMatch(p -> p.indexOf(' ') >= 0
                        && List.of(p.split(" ")).contains(t.term()));
                if (!inPair && out.size() < TERMS_IN_REASON) {
                    out.add(t.term());
                }
            }
            return out;
        }

        List<LearnedTerm<L>> top(int limit) {
            return terms.values().stream().sorted(strongestFirst()).limit(limit).toList();
        }

        private static <L extends Enum<L>> Comparator<LearnedTerm<L>> strongestFirst() {
            return Comparator.<LearnedTerm<L>>comparingInt(t -> -t.agreeing())
                    .thenComparingInt(t -> -TeamTerms.weight(t.term()))
                    .thenComparing(LearnedTerm::term);
        }
    }
}
