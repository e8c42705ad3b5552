package org.earshot.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.earshot.domain.Platform;
import org.earshot.domain.Score;
import org.earshot.domain.Sentiment;
import org.earshot.domain.UrgencyLevel;

/**
 * How the scorer agrees with a set of customer-service messages labelled by hand with a sentiment and
 * an urgency level: accuracy, each class's precision and recall, the confusion matrix, exact urgency
 * levels, and how well "pressing" (high or critical) is found.
 */
record SupportSetReport(String name, int size, int[][] sentiment, int[][] urgency, List<String> misses) {

    record Labelled(Sentiment sentiment, UrgencyLevel urgency, String text) {
    }

    static SupportSetReport of(String name) throws IOException {
        MentionScorer scorer = new MentionScorer();
        List<Labelled> set = load("/scoring/customer_service_" + name + ".tsv");
        int[][] sentiment = new int[3][3];
        int[][] urgency = new int[4][4];
        List<String> misses = new ArrayList<>();
        for (Labelled l : set) {
            Score s = scorer.score(new ScoringInput(Platform.X, l.text(), "", null, null, null, null));
            sentiment[l.sentiment().ordinal()][s.sentiment().ordinal()]++;
            urgency[l.urgency().ordinal()][s.urgencyLevel().ordinal()]++;
            if (s.sentiment() != l.sentiment() || s.urgencyLevel() != l.urgency()) {
                misses.add(l.sentiment().id() + "/" + l.urgency().id() + " got " + s.sentiment().id() + "/"
                        + s.urgencyLevel().id() + " " + s.reasons() + ": " + l.text());
            }
        }
        return new SupportSetReport(name, set.size(), sentiment, urgency, misses);
    }

    double sentimentAccuracy() {
        return diagonal(sentiment) / (double) size;
    }

    double urgencyAccuracy() {
        return diagonal(urgency) / (double) size;
    }

    double precision(Sentiment s) {
        int said = 0;
        for (int[] row : sentiment) {
            said += row[s.ordinal()];
        }
        return said == 0 ? 0 : sentiment[s.ordinal()][s.ordinal()] / (double) said;
    }

    double recall(Sentiment s) {
        int labelled = 0;
        for (int n : sentiment[s.ordinal()]) {
            labelled += n;
        }
        return labelled == 0 ? 0 : sentiment[s.ordinal()][s.ordinal()] / (double) labelled;
    }

    /** Of the messages labelled high or critical, the share the scorer also puts there. */
    double pressingRecall() {
        int labelled = 0;
        int found = 0;
        for (int l = UrgencyLevel.HIGH.ordinal(); l < 4; l++) {
            for (int g = 0; g < 4; g++) {
                labelled += urgency[l][g];
                found += g >= UrgencyLevel.HIGH.ordinal() ? urgency[l][g] : 0;
            }
        }
        return labelled == 0 ? 0 : found / (double) labelled;
    }

    /** Of the messages the scorer puts at high or critical, the share labelled there. */
    double pressingPrecision() {
        int said = 0;
        int right = 0;
        for (int l = 0; l < 4; l++) {
            for (int g = UrgencyLevel.HIGH.ordinal(); g < 4; g++) {
                said += urgency[l][g];
                right += l >= UrgencyLevel.HIGH.ordinal() ? urgency[l][g] : 0;
            }
        }
        return said == 0 ? 0 : right / (double) said;
    }

    String summary() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "customer-service %s set, %d messages: sentiment %.1f%%; urgency level %.1f%%,"
                + " pressing recall %.1f%% precision %.1f%%%n", name, size, 100 * sentimentAccuracy(),
                100 * urgencyAccuracy(), 100 * pressingRecall(), 100 * pressingPrecision()));
        for (Sentiment s : Sentiment.values()) {
            out.append(String.format(Locale.ROOT, "  %-8s precision %5.1f%% recall %5.1f%%   labelled -> got neg/neu/pos %3d %3d %3d%n",
                    s.id(), 100 * precision(s), 100 * recall(s), sentiment[s.ordinal()][0], sentiment[s.ordinal()][1],
                    sentiment[s.ordinal()][2]));
        }
        for (UrgencyLevel u : UrgencyLevel.values()) {
            int[] row = urgency[u.ordinal()];
            out.append(String.format(Locale.ROOT, "  %-8s labelled -> got low/normal/high/critical %3d %3d %3d %3d%n", u.id(),
                    row[0], row[1], row[2], row[3]));
        }
        return out.toString();
    }

    private static int diagonal(int[][] m) {
        int d = 0;
        for (int i = 0; i < m.length; i++) {
            d += m[i][i];
        }
        return d;
    }

    static List<Labelled> load(String resource) throws IOException {
        List<Labelled> out = new ArrayList<>();
        try (InputStream in = SupportSetReport.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", 3);
                out.add(new Labelled(Sentiment.valueOf(cells[0].toUpperCase(Locale.ROOT)),
                        UrgencyLevel.valueOf(cells[1].toUpperCase(Locale.ROOT)), cells[2]));
            }
        }
        return out;
    }
}
