package org.earshot.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.earshot.domain.Channel;

/**
 * Cuts a reply into the posts of a thread. Where the channel threads blocks, a block holds about 30
 * words, whole sentences where possible, and fits the platform's limit with room for a leading
 * "@handle " (up to 30 characters) where the platform puts one; elsewhere (an e-mail) a reply is one
 * block. In a draft's text the blocks are separated by blank lines, so that the person approving sees,
 * and may edit, each post.
 */
public final class ReplyBlocks {
    public static final int TARGET_WORDS = 30;
    public static final int MAX_WORDS = 40;
    public static final int HANDLE_ROOM = 30;
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "e.g", "i.e", "etc", "vs", "no");

    private ReplyBlocks() {
    }

    /** Characters one block may have on the channel. */
    public static int limit(Channel channel) {
        return channel.handleFirst() ? channel.maxPostLength() - HANDLE_ROOM : channel.maxPostLength();
    }

    /**
     * Packs whole sentences into blocks of about {@value #TARGET_WORDS} words within the platform's limit;
     * a reply of up to {@value #MAX_WORDS} words that fits one post stays one post, and a short block takes
     * the next sentence when that keeps it within {@value #MAX_WORDS} words.
     */
    public static List<String> split(String text, Channel channel) {
        String stripped = text.strip();
        if (!channel.threadsBlocks() || stripped.isEmpty()) {
            return stripped.isEmpty() ? List.of() : List.of(stripped);
        }
        int limit = limit(channel);
        String oneLine = stripped.replaceAll("\\s+", " ");
        if (words(oneLine) <= MAX_WORDS && length(oneLine) <= limit) {
            return List.of(oneLine);
        }
        List<String> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String sentence : sentences(stripped)) {
            for (String piece : fit(sentence, limit)) {
                String joined = current.length() == 0 ? piece : current + " " + piece;
                boolean roomy = words(joined) <= TARGET_WORDS
                        || words(current.toString()) < TARGET_WORDS * 2 / 3 && words(joined) <= MAX_WORDS;
                if (current.length() > 0 && (!roomy || length(joined) > limit)) {
                    blocks.add(current.toString());
                    current.setLength(0);
                    current.append(piece);
                } else {
                    current.setLength(0);
                    current.append(joined);
                }
            }
        }
        if (current.length() > 0) {
            blocks.add(current.toString());
        }
        return blocks;
    }

    /** The blocks of a text as a person left it: its blank-line paragraphs where blocks are threaded, else the whole. */
    public static List<String> paragraphs(String text, Channel channel) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return List.of();
        }
        if (!channel.threadsBlocks()) {
            return List.of(stripped);
        }
        List<String> out = new ArrayList<>();
        for (String p : stripped.split("\\n\\s*\\n")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    /** A sentence longer than a block is cut between words, at a comma where one is near. */
    private static List<String> fit(String sentence, int limit) {
        if (words(sentence) <= MAX_WORDS && length(sentence) <= limit) {
            return List.of(sentence);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : sentence.split("\\s+")) {
            String joined = current.length() == 0 ? word : current + " " + word;
            boolean full = words(joined) > TARGET_WORDS || length(joined) > limit;
            if (full && current.length() > 0) {
                pieces.add(current.toString());
                current.setLength(0);
                current.append(word);
            } else {
                current.setLength(0);
                current.append(joined);
                if (current.toString().endsWith(",") && words(current.toString()) >= TARGET_WORDS * 2 / 3) {
                    pieces.add(current.toString());
                    current.setLength(0);
                }
            }
        }
        if (current.length() > 0) {
            pieces.add(current.toString());
        }
        return pieces;
    }

    /** Sentences end at ".", "!" or "?" before a space, or at a line break; "Dr." and "e.g." do not end one. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n';
            boolean mark = (c == '.' || c == '!' || c == '?') && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1)));
            if (mark && c == '.' && ABBREVIATIONS.contains(lastWord(text, start, i))) {
                mark = false;
            }
            if (mark || lineBreak || i + 1 == n) {
                String s = text.substring(start, i + 1).strip();
                if (!s.isEmpty()) {
                    out.add(s);
                }
                start = i + 1;
            }
        }
        return out;
    }

    private static String lastWord(String text, int from, int dot) {
        int k = dot;
        while (k > from && !Character.isWhitespace(text.charAt(k - 1))) {
            k--;
        }
        return text.substring(k, dot).toLowerCase(java.util.Locale.ROOT);
    }

    static int words(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
