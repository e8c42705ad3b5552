package org.earshot.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Only the part of a preformatted answer that answers: of its sentences that say something (not the
 * greeting, not the one naming who handles it), those that name what the person asked about, or, by
 * meaning, those nearest the mention. "Can my guitar come in the cabin?" gets the sentence about
 * instruments, not the one about bikes and skis. An answer with one such sentence is kept whole.
 */
final class AnswerPart {
    private static final Pattern GREETING = Pattern.compile("^(Hi|Hello|Hey|Dear) \\{name\\}[,!]?\\s+");
    /** How much less near than the nearest sentence another may be and still be kept. */
    private static final double ALSO_NEAR = 0.015;

    private AnswerPart() {
    }

    /** The sentences of an answer that say something: without the greeting and the {handledBy} line. */
    static List<String> contentSentences(String answer) {
        List<String> out = new ArrayList<>();
        for (String s : ReplyBlocks.sentences(withoutGreeting(answer))) {
            if (!s.contains("{handledBy}")) {
                out.add(s);
            }
        }
        return out;
    }

    static String of(String answer, PhraseText mention, List<String> match, Optional<float[]> mentionVector,
                     Meaning meaning) {
        Matcher g = GREETING.matcher(answer);
        String greeting = g.lookingAt() ? g.group() : "";
        List<String> sentences = ReplyBlocks.sentences(answer.substring(greeting.length()));
        List<Integer> content = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            // A short line ("good question about baggage!") frames the answer and stays with it.
            if (!sentences.get(i).contains("{handledBy}") && sentences.get(i).split("\\s+").length >= 8) {
                content.add(i);
            }
        }
        if (content.size() <= 1) {
            return answer;
        }
        List<Integer> chosen = new ArrayList<>();
        List<String> asked = match.stream().filter(mention::has).toList();
        for (int i : content) {
            PhraseText sentence = PhraseText.of(sentences.get(i));
            if (asked.stream().anyMatch(sentence::has)) {
                chosen.add(i);
            }
        }
        if (chosen.isEmpty() && mentionVector.isPresent()) {
            Optional<List<float[]>> vectors = meaning.ofAll(content.stream().map(sentences::get).toList());
            if (vectors.isPresent()) {
                double[] near = new double[content.size()];
                double top = -1;
                for (int k = 0; k < near.length; k++) {
                    near[k] = Meaning.similarity(mentionVector.get(), vectors.get().get(k));
                    top = Math.max(top, near[k]);
                }
                for (int k = 0; k < near.length; k++) {
                    if (near[k] >= top - ALSO_NEAR) {
                        chosen.add(content.get(k));
                    }
                }
            }
        }
        if (chosen.isEmpty() || chosen.size() == content.size()) {
            return answer;
        }
        StringBuilder b = new StringBuilder(greeting);
        boolean first = true;
        for (int i = 0; i < sentences.size(); i++) {
            if (!content.contains(i) || chosen.contains(i)) {
                String s = sentences.get(i);
                b.append(first && !greeting.isEmpty() ? decapitalised(s) : s).append(' ');
                first = false;
            }
        }
        return b.toString().strip();
    }

    private static String withoutGreeting(String answer) {
        Matcher g = GREETING.matcher(answer);
        return g.lookingAt() ? answer.substring(g.end()) : answer;
    }

    /** "A guitar ..." after "Hi Ann, " reads "a guitar ..."; "Wi-Fi" and "I" stay. */
    private static String decapitalised(String s) {
        if (s.length() < 2 || !Character.isUpperCase(s.charAt(0)) || !Character.isLowerCase(s.charAt(1))
                || s.startsWith("I ") || s.startsWith("I'")) {
            return s;
        }
        String firstWord = s.split("[\\s,;:]", 2)[0];
        if (firstWord.chars().skip(1).anyMatch(Character::isUpperCase)) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
