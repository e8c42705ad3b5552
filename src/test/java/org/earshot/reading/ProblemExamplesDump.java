package org.earshot.reading;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.earshot.scoring.AnalysedText;
import org.earshot.scoring.model.LearnedNegativity;
import org.junit.jupiter.api.Test;

/** Dev only (not in the suite): writes the tune set's and the problem examples' embeddings for tuning offline. */
class ProblemExamplesDump {
    @Test
    void dumps() throws Exception {
        String out = System.getProperty("earshot.dev.dump");
        org.junit.jupiter.api.Assumptions.assumeTrue(out != null, "-Dearshot.dev.dump=FILE names where to write");
        LearnedNegativity model = LearnedNegativity.load();
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/main/resources/reading/problem-examples.tsv"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] c = line.split("\t", 2);
                labels.add("ex:" + c[0]);
                texts.add(c[1].strip());
            }
        }
        for (String f : System.getProperty("earshot.dev.texts").split(",")) {
            for (String line : Files.readAllLines(Path.of(f))) {
                String[] c = line.split("\t", 2);
                labels.add(c[0]);
                texts.add(MentionReader.embedded(AnalysedText.of(c[1], AnalysedText.DEFAULT_MAX_CHARS).text()));
            }
        }
        List<float[]> v = model.embeddings(texts);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.size(); i++) {
            b.append(labels.get(i)).append('\t');
            float[] x = v.get(i);
            for (int k = 0; k < x.length; k++) {
                b.append(k == 0 ? "" : ",").append(x[k]);
            }
            b.append('\n');
        }
        Files.writeString(Path.of(out), b);
    }
}
