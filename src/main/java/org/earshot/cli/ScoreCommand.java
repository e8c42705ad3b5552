package org.earshot.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.earshot.domain.Score;
import org.earshot.reading.MentionReader;
import org.earshot.reading.MentionReading;
import org.earshot.scoring.MentionScorer;
import org.earshot.scoring.NegativityModel;
import org.earshot.scoring.ScoringInput;
import org.earshot.scoring.model.LearnedNegativity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = {
            "Scores JSON Lines mentions from stdin; writes one JSON line per mention to stdout.",
            "In:  {\"id\", \"platform\", \"text\", \"subject\"?, \"author\": {\"handle\", \"name\", \"followers\"}, "
                    + "\"createdAt\", \"history\"?: {\"previousComplaints\", ...}, "
                    + "\"engagement\"?: {\"likes\", \"reposts\", \"replies\"}}; only \"text\" is required. "
                    + "Platform defaults to x, createdAt to now.",
            "Out: {\"id\", \"language\" (ISO 639-1), \"notice\"? (not English), \"negativity\" 0..1, \"sentiment\", \"urgency\" 0..1, \"urgencyLevel\", \"priority\", "
                    + "\"reasons\": [...], \"model\": \"learned\" or \"lexicon\", \"modelNegativity\"? 0..1}; "
                    + "modelNegativity is the learned model's own reading, there when it scored the line.",
            "A bad line is reported on stderr with its line number and skipped."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every line was good", "1:at least one line was bad (see stderr)"})
public final class ScoreCommand implements Callable<Integer> {
    /** Which negativity the filter scores with; the names are the option's words. */
    enum Model { lexicon, learned }

    @Option(names = "--model", paramLabel = "lexicon|learned",
            description = {"learned: e5-small-v2 embeddings read by a head trained on VADER's rated tweets, blended "
                    + "with the lexicon (about a hundred lines a second per core); lexicon: the word lists alone, "
                    + "for bulk (tens of thousands a second).",
                "Default: learned, unless EARSHOT_MODEL=lexicon; a model that cannot load falls back to the lexicon."})
    Model model;

    @Option(names = "--threads", paramLabel = "N",
            description = {"Threads scoring side by side in lexicon mode; the output keeps the input's order.",
                "Default: the machine's cores, at most 4. The learned model scores on one."})
    Integer threads;

    private final JsonLinesFilter filter;
    private final Clock clock;

    public ScoreCommand() {
        this(System.in, System.out, System.err, Clock.systemUTC());
    }

    /** For tests and embedding: the streams and the clock that says what "now" is. */
    public ScoreCommand(InputStream in, OutputStream out, PrintStream err, Clock clock) {
        this.filter = new JsonLinesFilter(in, out, err);
        this.clock = clock;
    }

    @Override
    public Integer call() {
        NegativityModel learned = model == null ? LearnedNegativity.preferred()
                : model == Model.learned ? LearnedNegativity.shared() : null;
        MentionScorer scorer = new MentionScorer();
        MentionReader reader = MentionReader.standard(learned);
        Instant now = clock.instant();
        int workers = learned != null ? 1
                : threads != null ? Math.max(1, threads) : Math.min(4, Runtime.getRuntime().availableProcessors());
        return filter.run(now, m -> {
            ScoringInput input = new ScoringInput(m.platform(), m.text(), m.subject(), m.author(), m.history(),
                    m.createdAt(), now, m.engagement());
            MentionReading reading = reader.read(m.subject(), m.text());
            double read = reader.learnedNegativity(reading);
            Score s = scorer.score(reading.lexicon(), input, read, reading.problem().orElse(null));
            ObjectNode o = JsonLinesFilter.JSON.createObjectNode();
            o.set("id", m.id());
            o.put("language", reading.language());
            reading.notice().ifPresent(n -> o.put("notice", n.text()));
            o.put("negativity", s.negativity());
            o.put("sentiment", s.sentiment().id());
            o.put("urgency", s.urgency());
            o.put("urgencyLevel", s.urgencyLevel().id());
            o.put("priority", s.priority());
            ArrayNode reasons = o.putArray("reasons");
            s.reasons().forEach(reasons::add);
            o.put("model", Double.isNaN(read) ? "lexicon" : "learned");
            if (!Double.isNaN(read)) {
                o.put("modelNegativity", Math.round(read * 1000) / 1000.0);
            }
            return o;
        }, workers);
    }
}
