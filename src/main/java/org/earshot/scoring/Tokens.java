package org.earshot.scoring;

import java.util.List;
import java.util.Locale;

/** A text cut into tokens once; {@code text} is the decoded text the tokens' offsets point into. */
public record Tokens(String text, List<Token> tokens) {

    public Tokens {
        tokens = List.copyOf(tokens);
    }

    public int size() {
        return tokens.size();
    }

    public Token get(int i) {
        return tokens.get(i);
    }

    /** The customer's own words from token {@code from} to token {@code to}, inclusive, in lower case. */
    public String span(int from, int to) {
        return text.substring(tokens.get(from).start(), tokens.get(to).end()).toLowerCase(Locale.ROOT);
    }

    /** Same as {@link #span} but keeping the customer's capitals. */
    public String rawSpan(int from, int to) {
        return text.substring(tokens.get(from).start(), tokens.get(to).end());
    }
}
