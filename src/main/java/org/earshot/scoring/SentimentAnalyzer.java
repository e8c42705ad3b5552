package org.earshot.scoring;

import java.util.ArrayList;
import java.util.List;
import org.earshot.domain.Sentiment;

/**
 * Lexicon sentiment in the manner of VADER (Hutto and Gilbert, 2014), written afresh for short
 * customer messages: word valences, raised by boosters, capitals, stretched words and "!", flipped by
 * negators, weighted towards what follows "but"; customer-service phrases count as negative and
 * sarcasm turns praise around. Works on the packed tokens and two arrays; no other allocation
 * unless the text is negative and reasons are written.
 */
final class SentimentAnalyzer {
    private static final double CAPS_BOOST = 0.733;
    private static final double ELONGATED_BOOST = 0.3;
    private static final double NEGATION_FACTOR = -0.74;
    private static final double EXCLAMATION_BOOST = 0.292;
    private static final double QUESTION_FRUSTRATION = 0.6;
    private static final double[] DISTANCE_DECAY = {1.0, 0.95, 0.9};
    private static final double NEUTRAL_BAND = 0.1;
    /** Praise this strong in a sentence that also complains is read as sarcasm. */
    private static final double STRONG_PRAISE = 1.5;
    /** "Tracking hasn't moved", "nobody told us": a failure told in plain words. */
    private static final double NEGATED_ACTION = -0.9;
    /** "Really?" "Seriously?!" as a sentence of its own. */
    private static final double EXASPERATION = -1.2;
    private static final double QUESTION_PRAISE = 0.15;
    /** An idiom at least this negative is named among the reasons: "negative: 'rip off'". */
    private static final double NEGATIVE_IDIOM = -1.5;
    /** "Ordered a large, got a small": what was paid for and what came, in one sentence. */
    private static final double NOT_WHAT_WAS_ORDERED = -1.2;
    /** "Keeps restarting", "kept dropping": the same thing going wrong again. */
    private static final double REPEATED_FAILURE = -1.0;
    /** Words weaker than this carry too little feeling to stop a negator telling a failure ("didn't want", "can't play"). */
    private static final double FEELING = 1.0;
    /** How far from a sarcastic phrase a negative word is looked for. */
    private static final int SARCASM_REACH = 400;
    /** More reasons than these say nothing more to the person reading them, and a long text could give thousands. */
    static final int MAX_REASONS = 12;

    private final Lexicon lexicon;
    private final int exasperation;
    private final int orderedClass;
    private final int receivedClass;
    private final int itself;
    private final int feeler;
    private final int likes;
    private final int repeating;
    private final Contrast contrast;
    private final Sarcasm sarcasm;
    private final Questions questions;

    SentimentAnalyzer(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.contrast = new Contrast(lexicon);
        this.sarcasm = new Sarcasm(lexicon);
        this.exasperation = lexicon.classBit("exasperation");
        this.orderedClass = lexicon.classBit("ordered");
        this.receivedClass = lexicon.classBit("received");
        this.itself = lexicon.classBit("itself");
        this.feeler = lexicon.classBit("feeler");
        this.likes = lexicon.classBit("likes");
        this.repeating = lexicon.classBit("repeating");
        this.questions = new Questions(lexicon);
    }

    SentimentResult analyze(Tokens tokens, List<PhraseHit<CueKind>> cues) {
        int n = tokens.size();
        Scratch scratch = SCRATCH.get().reset(n);
        boolean[] covered = scratch.covered;
        boolean service = false;
        for (int at = 0; at < cues.size(); at++) {
            PhraseHit<CueKind> h = cues.get(at);
            CueKind k = h.kind();
            if (k == CueKind.SERVICE || k == CueKind.IDIOM || k == CueKind.SARCASM || k == CueKind.CALM) {
                cover(covered, h);
            }
            service |= k == CueKind.SERVICE;
        }
        boolean shouting = tokens.shouting();
        double[] val = scratch.val;
        for (int i = 0; i < n; i++) {
            if (!covered[i]) {
                val[i] = wordValence(tokens, i, shouting);
            }
        }
        plainFailures(tokens, val, covered, scratch);
        List<String> reasons = new ArrayList<>(4);
        boolean problem = service || anyNegative(val, n);
        int[] serviceBefore = service ? coverageBefore(cues, CueKind.SERVICE, n) : null;
        for (int at = 0; at < cues.size(); at++) {
            PhraseHit<CueKind> h = cues.get(at);
            switch (h.kind()) {
                case SERVICE -> {
                    val[h.start()] += h.weight();
                    add(reasons, h.reason() != null ? h.reason() : tokens.span(h.start(), h.end()));
                }
                case IDIOM -> val[h.start()] += h.weight();
                case SARCASM -> sarcasm.mark(tokens, h, val, covered, reasons);
                case SARCASM_IF_NEGATIVE -> {
                    if (service || negativeOutside(h, val, n)) {
                        for (int k = h.start(); k <= h.end(); k++) {
                            val[k] = 0;
                        }
                        cover(covered, h);
                        if (!butFollows(tokens, h)) {
                            sarcasm.mark(tokens, h, val, covered, reasons);
                        }
                    }
                }
                default -> {
                    double v = problemValence(h);
                    if (v != 0) {
                        problem = true;
                        if (serviceBefore == null || serviceBefore[h.end() + 1] == serviceBefore[h.start()]) {
                            val[h.start()] += v;
                        }
                    }
                }
            }
        }
        questionsAreNotPraise(tokens, val);
        if (problem) {
            sarcasm.openers(tokens, val, covered, reasons);
            sarcasm.ironicPraise(tokens, cues, val, covered, reasons, STRONG_PRAISE);
        }
        contrast.weigh(tokens, val);

        double sum = 0;
        double pos = 0;
        double neg = 0;
        for (int i = 0; i < n; i++) {
            double v = val[i];
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
        int impatient = impatientQuestions(tokens);
        if (impatient > 0 && sum <= 0) {
            sum -= QUESTION_FRUSTRATION * Math.min(2, impatient);
            neg += QUESTION_FRUSTRATION * Math.min(2, impatient);
        }
        double compound = sum / Math.sqrt(sum * sum + 15);
        double negativity = clamp(0.85 * Math.max(0, -compound) + 0.15 * neg / (neg + pos + 1));
        Sentiment sentiment = compound <= -NEUTRAL_BAND ? Sentiment.NEGATIVE
                : compound >= NEUTRAL_BAND ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
        if (sentiment == Sentiment.NEGATIVE) {
            if (shouting) {
                add(reasons, "shouting (all caps)");
            }
            for (int at = 0; at < cues.size(); at++) {
                PhraseHit<CueKind> h = cues.get(at);
                cover(covered, h);
                if (h.kind() == CueKind.IDIOM && h.weight() <= NEGATIVE_IDIOM) {
                    add(reasons, h.reason() != null ? h.reason() : "negative: '" + tokens.span(h.start(), h.end()) + "'");
                }
            }
            negativeWords(tokens, val, covered, reasons);
            if (scratch.plainFrom >= 0 && reasons.isEmpty()) {
                add(reasons, tokens.span(scratch.plainFrom, scratch.plainTo));
            }
        }
        return new SentimentResult(compound, negativity, sentiment, reasons);
    }

    private double wordValence(Tokens tokens, int i, boolean shouting) {
        Token.Kind kind = tokens.kind(i);
        if (kind == Token.Kind.PUNCT) {
            return 0;
        }
        double v = lexicon.valence(tokens, i);
        if (v == 0 || (lexicon.boost(tokens, i) != 0 && nextWordHasValence(tokens, i))) {
            return 0; // "pretty bad", "super slow": the first word only modifies the second
        }
        if (lexicon.inClasses(tokens.id(i), likes) && !afterFeeler(tokens, i)) {
            return 0;
        }
        if (kind == Token.Kind.EMOJI || kind == Token.Kind.EMOTICON || kind == Token.Kind.NUMBER) {
            return v;
        }
        double sign = Math.signum(v);
        if (tokens.has(i, Tokens.CAPS) && !shouting) {
            v += sign * CAPS_BOOST;
        }
        if (tokens.has(i, Tokens.ELONGATED)) {
            v += sign * ELONGATED_BOOST;
        }
        int seen = 0;
        for (int j = i - 1; j >= 0 && seen < DISTANCE_DECAY.length; j--) {
            if (tokens.endsSentence(j)) {
                break;
            }
            if (!tokens.isWordLike(j)) {
                continue;
            }
            double b = lexicon.boost(tokens, j);
            if (b != 0) {
                boolean caps = tokens.has(j, Tokens.CAPS) && !shouting;
                v += sign * (caps ? b + Math.signum(b) * CAPS_BOOST / 2 : b) * DISTANCE_DECAY[seen];
            }
            seen++;
        }
        // "no loaner, no updates": a second refusal adds to the first rather than cancelling it
        if (!lexicon.isNegator(tokens, i) && Negation.negates(tokens, i, lexicon, 3)) {
            v *= NEGATION_FACTOR;
        }
        return v;
    }

    /**
     * Customers often tell a failure without a single negative word: "tracking hasn't moved since
     * Monday", "nobody told us", "Really?", "booked a sea view, got the car park". A negator whose
     * next words carry no feeling of their own, a one-word sentence of disbelief, and what was
     * ordered set against what came in one sentence count as mildly negative.
     */
    private void plainFailures(Tokens tokens, double[] val, boolean[] covered, Scratch scratch) {
        int n = tokens.size();
        int ordered = -1;
        for (int i = 0; i < n; i++) {
            if (tokens.endsSentence(i)) {
                ordered = -1;
            }
            if (covered[i] || !tokens.isWord(i)) {
                continue;
            }
            if (lexicon.inClasses(tokens.id(i), orderedClass)) {
                ordered = i;
            } else if (ordered >= 0 && lexicon.inClasses(tokens.id(i), receivedClass) && !receivedItself(tokens, i)) {
                val[i] += NOT_WHAT_WAS_ORDERED;
                remember(scratch, ordered, i);
                ordered = -1;
            }
            if (lexicon.isNegator(tokens, i) && lexicon.valence(tokens, i) >= 0 && negatesPlainWords(tokens, i, covered)) {
                val[i] += NEGATED_ACTION;
                remember(scratch, i, Sentences.firstWordFrom(tokens, i + 1));
            } else if (lexicon.inClasses(tokens.id(i), repeating) && repeatsAFailure(tokens, i, covered)) {
                val[i] += REPEATED_FAILURE;
                covered[i] = true; // named as "keeps restarting", not as the word "keeps"
                remember(scratch, i, Sentences.firstWordFrom(tokens, i + 1));
            } else if (lexicon.inClasses(tokens.id(i), exasperation) && Sentences.opensSentence(tokens, i)
                    && i + 1 < n && (tokens.punct(i + 1) == '?' || tokens.punct(i + 1) == '!')) {
                val[i] = EXASPERATION;
            }
        }
    }

    private static void remember(Scratch scratch, int from, int to) {
        if (scratch.plainFrom < 0) {
            scratch.plainFrom = from;
            scratch.plainTo = to;
        }
    }

    /** "Ordered a pizza and got it in 20 minutes": what came is what was ordered. */
    private boolean receivedItself(Tokens tokens, int i) {
        int next = Sentences.firstWordFrom(tokens, i + 1);
        return next < tokens.size() && lexicon.inClasses(tokens.id(next), itself);
    }

    private boolean negatesPlainWords(Tokens tokens, int i, boolean[] covered) {
        int seen = 0;
        for (int k = i + 1; k < tokens.size() && seen < 3; k++) {
            if (tokens.endsSentence(k)) {
                break;
            }
            if (!tokens.isWordLike(k)) {
                continue;
            }
            if (seen == 0 && lexicon.is(tokens, k, Lexicon.NOT_NEGATING_AFTER)) {
                return false;
            }
            if (covered[k] || Math.abs(lexicon.valence(tokens, k)) >= FEELING || lexicon.isNegator(tokens, k)) {
                return false;
            }
            if (!lexicon.isFiller(tokens.id(k))) {
                seen++;
            }
        }
        return seen > 0;
    }

    /**
     * A question asks; its kind words are rarely praise ("what's the best way to reach you?", "can i
     * gift a game", "is there a limit on free meetings"). Its positive words count for less; its
     * negative ones stay.
     */
    private void questionsAreNotPraise(Tokens tokens, double[] val) {
        int from = 0;
        boolean praise = false;
        int last = tokens.size() - 1;
        for (int i = 0; i <= last; i++) {
            praise |= val[i] > 0;
            if (!tokens.endsSentence(i) && i < last) {
                continue;
            }
            if (praise && questions.asks(tokens, from, i)) {
                for (int k = from; k <= i; k++) {
                    if (val[k] > 0) {
                        val[k] *= QUESTION_PRAISE;
                    }
                }
            }
            from = i + 1;
            praise = false;
        }
    }

    /** "I like", "we really like": someone feels it. "Smelled like smoke", "like 3 hours": a comparison. */
    private boolean afterFeeler(Tokens tokens, int i) {
        for (int j = i - 1; j >= 0 && !tokens.endsSentence(j); j--) {
            if (tokens.isWordLike(j)) {
                return lexicon.inClasses(tokens.id(j), feeler);
            }
        }
        return false;
    }

    /** "Keeps crashing", "kept getting logged out": a word of repetition before a plain "-ing" verb. */
    private boolean repeatsAFailure(Tokens tokens, int i, boolean[] covered) {
        int k = Sentences.firstWordFrom(tokens, i + 1);
        if (k >= tokens.size() || covered[k] || !tokens.isWord(k) || lexicon.valence(tokens, k) > 0) {
            return false;
        }
        int end = tokens.end(k);
        String text = tokens.text();
        return end - tokens.start(k) > 4 && text.charAt(end - 3) == 'i' && text.charAt(end - 2) == 'n'
                && text.charAt(end - 1) == 'g';
    }

    private boolean nextWordHasValence(Tokens tokens, int i) {
        for (int k = i + 1; k < tokens.size(); k++) {
            if (tokens.endsSentence(k)) {
                return false;
            }
            if (tokens.isWordLike(k)) {
                return lexicon.valence(tokens, k) != 0;
            }
        }
        return false;
    }

    /** A problem named outright is bad news even in calm words: a fire, a hack, a double charge. */
    private static double problemValence(PhraseHit<CueKind> h) {
        return switch (h.kind()) {
            case SAFETY, SECURITY, LEGAL -> -1.5;
            case STRANDED, OUTAGE, MONEY, LOST_GOODS -> -2.0;
            case CHURN -> -1.8;
            case REPEAT -> -1.4;
            default -> 0;
        };
    }

    /**
     * "Thanks for the reply but my package is still missing": thanks that a "but" answers in the same
     * sentence are polite, not sarcastic; they count for nothing either way.
     */
    private boolean butFollows(Tokens tokens, PhraseHit<CueKind> h) {
        for (int k = h.end() + 1; k < tokens.size() && !tokens.endsSentence(k); k++) {
            if (lexicon.is(tokens.id(k), Lexicon.CONTRAST)) {
                return true;
            }
        }
        return false;
    }

    /**
     * For each token, how many tokens before it the cues of a kind cover, so whether a hit overlaps one
     * is a subtraction rather than a look at every cue.
     */
    static int[] coverageBefore(List<PhraseHit<CueKind>> cues, CueKind kind, int n) {
        int[] opens = new int[n + 1];
        for (int at = 0; at < cues.size(); at++) {
            PhraseHit<CueKind> c = cues.get(at);
            if (c.kind() == kind) {
                opens[c.start()]++;
                opens[c.end() + 1]--;
            }
        }
        int[] before = new int[n + 1];
        int open = 0;
        for (int i = 0; i < n; i++) {
            open += opens[i];
            before[i + 1] = before[i] + (open > 0 ? 1 : 0);
        }
        return before;
    }

    /**
     * A negative word near the sarcastic phrase but not in it. "Near" is {@link #SARCASM_REACH} tokens
     * either way, which holds the whole of any post or mail of ordinary length; in a very long text
     * each phrase reads only its surroundings, so the check stays linear in the text.
     */
    private static boolean negativeOutside(PhraseHit<CueKind> h, double[] val, int n) {
        int from = Math.max(0, h.start() - SARCASM_REACH);
        int to = Math.min(n, h.end() + 1 + SARCASM_REACH);
        for (int k = from; k < to; k++) {
            if (!h.covers(k) && val[k] < 0) {
                return true;
            }
        }
        return false;
    }

    /** The two most negative words not already inside a cue: "negative: 'rude'". */
    private void negativeWords(Tokens tokens, double[] val, boolean[] covered, List<String> reasons) {
        int first = -1;
        int second = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (val[i] > -1.0 || covered[i] || !tokens.isWordLike(i) || lexicon.valence(tokens, i) >= 0
                    || lexicon.isNegator(tokens, i)) {
                continue;
            }
            if (first < 0 || val[i] < val[first]) {
                second = first;
                first = i;
            } else if (second < 0 || val[i] < val[second]) {
                second = i;
            }
        }
        if (first >= 0) {
            add(reasons, "negative: '" + tokens.span(first, first) + "'");
        }
        if (second >= 0) {
            add(reasons, "negative: '" + tokens.span(second, second) + "'");
        }
    }

    private static int exclamations(Tokens tokens) {
        int n = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.punct(i) == '!') {
                n += tokens.repeat(i);
            }
        }
        return n;
    }

    /** "Where is my refund???", "Any update?!": questions asked more than once in one breath. */
    private static int impatientQuestions(Tokens tokens) {
        int n = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.punct(i) == '?' && (tokens.repeat(i) >= 2 || i + 1 < tokens.size() && tokens.punct(i + 1) == '!')) {
                n++;
            }
        }
        return n;
    }

    private static boolean anyNegative(double[] val, int n) {
        for (int i = 0; i < n; i++) {
            if (val[i] < 0) {
                return true;
            }
        }
        return false;
    }

    /** Each thread's two working arrays, one slot per token, reused from mention to mention. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        double[] val = new double[64];
        boolean[] covered = new boolean[64];
        /** The first failure told in plain words, to name among the reasons; -1 if none. */
        int plainFrom;
        int plainTo;

        Scratch reset(int n) {
            plainFrom = -1;
            plainTo = -1;
            if (val.length < n) {
                val = new double[n];
                covered = new boolean[n];
            } else {
                java.util.Arrays.fill(val, 0, n, 0);
                java.util.Arrays.fill(covered, 0, n, false);
            }
            return this;
        }
    }

    static void cover(boolean[] covered, PhraseHit<?> h) {
        for (int k = h.start(); k <= h.end(); k++) {
            covered[k] = true;
        }
    }

    static void add(List<String> reasons, String reason) {
        if (reasons.size() < MAX_REASONS && !reasons.contains(reason)) {
            reasons.add(reason);
        }
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
