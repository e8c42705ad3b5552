package org.earshot.scoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.earshot.domain.Sentiment;

/**
 * Lexicon sentiment in the manner of VADER (Hutto and Gilbert, 2014), written afresh for short
 * customer messages: word valences, raised by boosters, capitals, stretched words and "!", flipped by
 * negators, weighted towards what follows "but"; customer-service phrases count as negative and
 * sarcasm turns praise around.
 */
final class SentimentAnalyzer {
    private static final double CAPS_BOOST = 0.733;
    private static final double ELONGATED_BOOST = 0.3;
    private static final double NEGATION_FACTOR = -0.74;
    private static final double EXCLAMATION_BOOST = 0.292;
    private static final double[] DISTANCE_DECAY = {1.0, 0.95, 0.9};
    private static final double NEUTRAL_BAND = 0.05;
    /** A fire, a hack or a lawyer is bad news even in calm words. */
    private static final double CRITICAL_VALENCE = -1.5;
    /** Sentence openers that are sarcastic when a complaint follows: "Great, another delay." */
    private static final Set<String> SARCASTIC_OPENERS = Set.of("great", "awesome", "fantastic", "wonderful",
            "perfect", "brilliant", "lovely", "nice", "cool", "excellent", "amazing", "super", "terrific",
            "fabulous", "yay", "splendid", "marvellous", "marvelous", "sweet", "wow");
    private static final Set<String> SARCASTIC_FOLLOWERS = Set.of("another", "again", "more");

    private final Lexicon lexicon;

    SentimentAnalyzer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    SentimentResult analyze(Tokens tokens, List<PhraseHit<CueKind>> cues) {
        int n = tokens.size();
        boolean[] covered = new boolean[n];
        for (PhraseHit<CueKind> h : cues) {
            if (h.kind() == CueKind.SERVICE || h.kind() == CueKind.IDIOM || h.kind() == CueKind.SARCASM) {
                cover(covered, h);
            }
        }
        boolean shouting = shouting(tokens);
        double[] val = new double[n];
        for (int i = 0; i < n; i++) {
            if (!covered[i]) {
                val[i] = wordValence(tokens, i, shouting);
            }
        }
        Set<String> reasons = new LinkedHashSet<>();
        boolean complaint = cues.stream().anyMatch(h -> h.kind() == CueKind.SERVICE) || anyNegative(val);
        for (PhraseHit<CueKind> h : cues) {
            switch (h.kind()) {
                case SERVICE -> {
                    val[h.start()] += h.weight();
                    reasons.add(tokens.span(h.start(), h.end()));
                }
                case IDIOM -> val[h.start()] += h.weight();
                case SARCASM -> sarcasm(tokens, h, val, covered, reasons);
                case SARCASM_IF_NEGATIVE -> {
                    if (complaintOutside(h, val, cues)) {
                        cover(covered, h);
                        for (int k = h.start(); k <= h.end(); k++) {
                            val[k] = 0;
                        }
                        sarcasm(tokens, h, val, covered, reasons);
                    }
                }
                default -> {
                    if (h.kind().isCritical()) {
                        val[h.start()] += CRITICAL_VALENCE;
                    }
                }
            }
        }
        if (complaint) {
            sarcasticOpeners(tokens, val, covered, reasons);
        }
        contrastAfterBut(tokens, val);

        double sum = 0;
        double pos = 0;
        double neg = 0;
        for (double v : val) {
            sum += v;
            if (v > 0) {
                pos += v;
            } else {
                neg -= v;
            }
        }
        if (shouting) {
            sum = pos == 0 ? sum * 1.3 - 1.0 : sum * 1.3;
            neg = pos == 0 ? neg * 1.3 + 1.0 : neg;
        }
        if (sum != 0) {
            sum += Math.signum(sum) * EXCLAMATION_BOOST * Math.min(4, exclamations(tokens));
        }
        double compound = sum / Math.sqrt(sum * sum + 15);
        double negativity = clamp(0.85 * Math.max(0, -compound) + 0.15 * neg / (neg + pos + 1));
        Sentiment sentiment = compound <= -NEUTRAL_BAND ? Sentiment.NEGATIVE
                : compound >= NEUTRAL_BAND ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
        if (sentiment == Sentiment.NEGATIVE) {
            if (shouting) {
                reasons.add("shouting (all caps)");
            }
            boolean[] inCue = covered.clone();
            cues.forEach(h -> cover(inCue, h));
            reasons.addAll(negativeWords(tokens, val, inCue));
        }
        return new SentimentResult(compound, negativity, sentiment, new ArrayList<>(reasons));
    }

    private double wordValence(Tokens tokens, int i, boolean shouting) {
        Token t = tokens.get(i);
        if (t.kind() == Token.Kind.PUNCT || t.kind() == Token.Kind.NUMBER) {
            return 0;
        }
        double v = lexicon.valence(t);
        if (v == 0 || (lexicon.boost(t) != 0 && nextWordHasValence(tokens, i))) {
            return 0; // "pretty bad", "super slow": the first word only modifies the second
        }
        double sign = Math.signum(v);
        if (t.caps() && !shouting) {
            v += sign * CAPS_BOOST;
        }
        if (t.elongated()) {
            v += sign * ELONGATED_BOOST;
        }
        int seen = 0;
        for (int j = i - 1; j >= 0 && seen < DISTANCE_DECAY.length; j--) {
            Token p = tokens.get(j);
            if (p.endsSentence()) {
                break;
            }
            if (!p.isWordLike()) {
                continue;
            }
            double b = lexicon.boost(p);
            if (b != 0) {
                v += sign * (p.caps() && !shouting ? b + Math.signum(b) * CAPS_BOOST / 2 : b) * DISTANCE_DECAY[seen];
            }
            seen++;
        }
        boolean word = t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.HASHTAG;
        if (word && Negation.negates(tokens, i, lexicon, 3)) {
            v *= NEGATION_FACTOR;
        }
        return v;
    }

    private boolean nextWordHasValence(Tokens tokens, int i) {
        for (int k = i + 1; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.endsSentence()) {
                return false;
            }
            if (t.isWordLike()) {
                return lexicon.valence(t) != 0;
            }
        }
        return false;
    }

    /** The sarcastic phrase counts as negative, and the praise around it in its sentence turns negative too. */
    private void sarcasm(Tokens tokens, PhraseHit<CueKind> h, double[] val, boolean[] covered, Set<String> reasons) {
        val[h.start()] += h.weight();
        int from = sentenceStart(tokens, h.start());
        int to = sentenceEnd(tokens, h.end());
        for (int k = from; k <= to; k++) {
            if (!h.covers(k) && val[k] > 0) {
                val[k] = -val[k] * 0.5;
                covered[k] = true;
            }
        }
        reasons.add("sarcasm: '" + tokens.span(h.start(), h.end()) + "'");
    }

    /** "Great, another delay." "Perfect. Cancelled again." Praise opening a sentence, cut short, in a complaint. */
    private void sarcasticOpeners(Tokens tokens, double[] val, boolean[] covered, Set<String> reasons) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean opensSentence = firstWordFrom(tokens, sentenceStart(tokens, i)) == i;
            if (covered[i] || val[i] <= 0 || !opensSentence
                    || !SARCASTIC_OPENERS.contains(t.alt() != null ? t.alt() : t.norm())) {
                continue;
            }
            int next = i + 1;
            boolean cutShort = next < tokens.size() && tokens.get(next).kind() == Token.Kind.PUNCT
                    && !tokens.get(next).is("?");
            int nextWord = firstWordFrom(tokens, next);
            boolean follower = nextWord < tokens.size() && SARCASTIC_FOLLOWERS.contains(tokens.get(nextWord).norm());
            if (cutShort || follower) {
                val[i] = -Math.abs(val[i]) * 0.8;
                covered[i] = true;
                boolean quoteNext = nextWord < tokens.size() && (follower || tokens.get(next).is(","));
                reasons.add("sarcasm: '" + tokens.span(i, quoteNext ? nextWord : i) + "'");
            }
        }
    }

    private static boolean complaintOutside(PhraseHit<CueKind> h, double[] val, List<PhraseHit<CueKind>> cues) {
        if (cues.stream().anyMatch(c -> c.kind() == CueKind.SERVICE)) {
            return true;
        }
        for (int k = 0; k < val.length; k++) {
            if (!h.covers(k) && val[k] < 0) {
                return true;
            }
        }
        return false;
    }

    /** What follows "but" weighs more than what came before it ("the crew was lovely but my bag is lost"). */
    private static void contrastAfterBut(Tokens tokens, double[] val) {
        for (int i = 1; i < tokens.size() - 1; i++) {
            Token t = tokens.get(i);
            if (t.is("but") || t.is("however")) {
                for (int k = 0; k < val.length; k++) {
                    val[k] *= k < i ? 0.5 : 1.5;
                }
                return;
            }
        }
    }

    private List<String> negativeWords(Tokens tokens, double[] val, boolean[] covered) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < val.length; i++) {
            if (val[i] <= -1.0 && !covered[i] && tokens.get(i).isWordLike() && lexicon.valence(tokens.get(i)) < 0) {
                idx.add(i);
            }
        }
        idx.sort((a, b) -> Double.compare(val[a], val[b]));
        return idx.stream().limit(2).map(i -> "negative: '" + tokens.span(i, i) + "'").distinct().toList();
    }

    /** Most words with letters written in capitals: "WHERE IS MY BAG". */
    private static boolean shouting(Tokens tokens) {
        int words = 0;
        int caps = 0;
        for (Token t : tokens.tokens()) {
            if (t.kind() == Token.Kind.WORD && t.norm().length() >= 2) {
                words++;
                if (t.caps()) {
                    caps++;
                }
            }
        }
        return words >= 3 && caps >= 0.8 * words;
    }

    private static int exclamations(Tokens tokens) {
        int n = 0;
        for (Token t : tokens.tokens()) {
            if (t.is("!")) {
                n += t.repeat();
            }
        }
        return n;
    }

    private static boolean anyNegative(double[] val) {
        for (double v : val) {
            if (v < 0) {
                return true;
            }
        }
        return false;
    }

    private static void cover(boolean[] covered, PhraseHit<?> h) {
        for (int k = h.start(); k <= h.end(); k++) {
            covered[k] = true;
        }
    }

    private static int sentenceStart(Tokens tokens, int i) {
        int k = i;
        while (k > 0 && !tokens.get(k - 1).endsSentence()) {
            k--;
        }
        return k;
    }

    private static int sentenceEnd(Tokens tokens, int i) {
        int k = i;
        while (k < tokens.size() - 1 && !tokens.get(k).endsSentence()) {
            k++;
        }
        return k;
    }

    private static int firstWordFrom(Tokens tokens, int i) {
        int k = i;
        while (k < tokens.size() && !tokens.get(k).isWordLike()) {
            k++;
        }
        return k;
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
