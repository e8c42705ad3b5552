package org.earshot.reading;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The grammar of a text as far as a drafter needs it: its sentences, and in each the words with their
 * part-of-speech tag (Universal Dependencies: NOUN, VERB, AUX, PRON, DET, ADJ, ADP, PART, ...) and
 * lemma. {@code tagged} is false where no model reads the language: words then carry the tag {@code X}
 * and their lower-cased form as lemma, and nothing should be built from their grammar.
 *
 * @param language  the ISO 639-1 code the text was read as ("en")
 * @param sentences the sentences in order
 * @param tagged    whether part-of-speech tags and lemmas come from a model
 */
public record Structure(String language, List<Sentence> sentences, boolean tagged) {
    public Structure {
        sentences = List.copyOf(sentences);
    }

    /** No sentences: what an empty text reads as. */
    public static Structure empty(String language) {
        return new Structure(language, List.of(), false);
    }

    /** Every word of every sentence, in order. */
    public List<Word> words() {
        return sentences.stream().flatMap(s -> s.words().stream()).toList();
    }

    /**
     * A sentence of the text.
     *
     * @param text  the sentence as written
     * @param start where it starts in the text (a char index)
     * @param words its words and punctuation, in order
     */
    public record Sentence(String text, int start, List<Word> words) {
        public Sentence {
            words = List.copyOf(words);
        }

        /** Whether it ends with a question mark or opens like a question ("can you", "how do I"). */
        public boolean asksQuestion() {
            return text.strip().endsWith("?");
        }

        /** The first word with this tag, or -1. */
        public int indexOfTag(String tag) {
            for (int i = 0; i < words.size(); i++) {
                if (words.get(i).tag().equals(tag)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * A word (or punctuation mark): its text as written, its Universal Dependencies part-of-speech tag
     * ({@code X} when untagged), its lemma (dictionary form, lower-cased: "crashes" gives "crash"),
     * and where it starts in the text (a char index). The lemma may be worked out when first asked
     * for: lemmatizing is most of the tagging's time, and only a few drafts read lemmas.
     */
    public static final class Word {
        private static final Set<String> CONTENT = Set.of("NOUN", "PROPN", "VERB", "ADJ", "NUM");

        private final String text;
        private final String tag;
        private final java.util.function.Supplier<String> lemmaOf;
        private final int start;

        public Word(String text, String tag, String lemma, int start) {
            this(text, tag, () -> lemma, start);
        }

        /** @param lemmaOf gives the lemma when first asked for (and may be asked from any thread) */
        Word(String text, String tag, java.util.function.Supplier<String> lemmaOf, int start) {
            this.text = text;
            this.tag = tag;
            this.lemmaOf = lemmaOf;
            this.start = start;
        }

        public String text() {
            return text;
        }

        public String tag() {
            return tag;
        }

        public String lemma() {
            return lemmaOf.get();
        }

        public int start() {
            return start;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Word w && w.text.equals(text) && w.tag.equals(tag) && w.start == start
                    && w.lemma().equals(lemma());
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(text, tag, start);
        }

        @Override
        public String toString() {
            return "Word[text=" + text + ", tag=" + tag + ", lemma=" + lemma() + ", start=" + start + "]";
        }

        public int end() {
            return start + text.length();
        }

        public String lower() {
            return text.toLowerCase(Locale.ROOT);
        }

        public boolean is(String tag) {
            return this.tag.equals(tag);
        }

        /** A verb or an auxiliary ("is", "has", "can"; a contraction such as "hasn't" is tagged AUX+PART). */
        public boolean verbal() {
            return tag.startsWith("VERB") || tag.startsWith("AUX");
        }

        /** A negation: "not", "never", "no", or a contraction that holds one ("hasn't", "cant"). */
        public boolean negation() {
            String l = lower().replace('\u2019', '\'');
            // The lemma ("do+not" for "dont") is asked only of a word that ends like a contraction: working
            // a sentence's lemmas out is most of the tagging's time.
            return l.equals("not") || l.equals("never") || l.equals("no") || l.equals("cannot") || l.endsWith("n't")
                    || l.endsWith("nt") && (l.length() > 3 && tag.startsWith("AUX") || lemma().endsWith("+not"));
        }

        /** A noun, a proper noun, a verb, an adjective or a number: a word that says something. */
        public boolean content() {
            return CONTENT.contains(tag);
        }

        /** An @handle, #tag or link: part of the platform, not of what the person says. */
        public boolean platformMarkup() {
            return text.startsWith("@") || text.startsWith("#") || text.startsWith("http") || text.startsWith("www.");
        }
    }
}
