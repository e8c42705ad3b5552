package org.earshot.reading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.earshot.scoring.NegativityModel;
import org.earshot.scoring.SeenProblem;

/**
 * What is at stake in a mention, by its nearest examples in the learned model's embedding space
 * ({@code reading/problem-examples.tsv}): money taken, a locked or hacked account, a lost delivery,
 * someone stranded, safety, a legal matter, or none of these. The examples are embedded once, on first
 * use; without a model (or when it cannot read) there is no guess and urgency reads the lexicon alone.
 * Thread-safe.
 */
public final class ProblemExamples {
    static final String SHIPPED = "/reading/problem-examples.tsv";
    static final int NEIGHBOURS = 5;
    /** Below this similarity the nearest example is too far to say anything. */
    static final double TOO_FAR = 0.82;
    /** The kind must take at least this share of the neighbours' vote. */
    static final double MIN_SHARE = 0.5;
    /**
     * A kind is taken only when the text names what it is about. In customer-care text every problem
     * lies near every other in e5's space (an error message is near "I can't log in"), so the nearest
     * examples say what is at stake and these words say the mention is about it at all: no reason
     * shown says "locked out" of a printer that will not print.
     */
    private static final Map<SeenProblem.Kind, Pattern> ABOUT = Map.of(
            SeenProblem.Kind.MONEY_TAKEN, about("charg|paid|pay|refund|money|bought|purchas|bill|fee|debit|\\$|£|€|price|subscription|cost"),
            SeenProblem.Kind.ACCOUNT_LOCKED, about("account|acc\\b|log ?in|logged|sign ?in|signing in|password|locked|suspend|terminat"
                    + "|disabled|access|verif|get in|let me in|recover|2sv|two.step|authenticat|card"),
            SeenProblem.Kind.ACCOUNT_HACKED, about("hack|someone|somebody|unauthori|phishing|stolen|spam|never made|didn'?t make"
                    + "|compromis|clon"),
            SeenProblem.Kind.DELIVERY_LOST, about("deliver|package|parcel|order|courier|tracking|arriv|ship|bag|luggage|suitcase"
                    + "|box|item|driver"),
            SeenProblem.Kind.STRANDED, about("flight|train|stuck|strand|airport|station|bus|connection|hotel|gate|roadside"
                    + "|broke down|left behind"),
            SeenProblem.Kind.SAFETY, about("fire|smok|burn|injur|sick|poison|allerg|glass|hurt|swell|bulg|risk|mask|health"
                    + "|danger|unsafe|brake|gloves|pandemic"),
            SeenProblem.Kind.LEGAL, about("sue\\b|lawyer|legal|illegal|scam|fraud|fake|advertis|copyright|pirat|gouging|law\\b"
                    + "|police|trading standards|leak"));

    private final NearestExamples<SeenProblem.Kind> examples;

    private ProblemExamples(List<NearestExamples.Example<SeenProblem.Kind>> examples, NegativityModel model) {
        this.examples = new NearestExamples<>(examples, model);
    }

    /** The shipped examples, read by {@code model}. */
    public static ProblemExamples load(NegativityModel model) {
        try (InputStream in = ProblemExamples.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " is not in the jar");
            }
            return new ProblemExamples(NearestExamples.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    SHIPPED, "kind", SeenProblem.Kind::of), model);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the problem examples", e);
        }
    }

    public int size() {
        return examples.size();
    }

    private static Pattern about(String stems) {
        return Pattern.compile("(?iu)" + stems);
    }

    /**
     * What the nearest examples say is at stake in {@code text}, or empty without a model, when none is
     * near, when it is none of the kinds, or when the text names nothing the kind is about.
     */
    public Optional<SeenProblem> guess(float[] embedding, String text) {
        return guess(embedding).filter(p -> ABOUT.get(p.kind()).matcher(text).find());
    }

    /** What the nearest examples alone say, before the text's words are asked. */
    Optional<SeenProblem> guess(float[] embedding) {
        return examples.vote(embedding, TOO_FAR, NEIGHBOURS)
                .filter(v -> v.label() != SeenProblem.Kind.NONE && v.share() >= MIN_SHARE)
                .map(v -> new SeenProblem(v.label(), v.nearest(), v.similarity()));
    }
}
