package org.earshot.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.earshot.Wiring;
import org.earshot.config.ConfigException;
import org.earshot.config.ConfigLoader;
import org.earshot.config.Durations;
import org.earshot.config.ReplyPolicy;
import org.earshot.domain.Draft;
import org.earshot.domain.Score;
import org.earshot.domain.Warning;
import org.earshot.reply.DraftInput;
import org.earshot.reply.ReplyDrafter;
import org.earshot.scoring.MentionScorer;
import org.earshot.scoring.ScoringInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "draft", mixinStandardHelpOptions = true,
        description = {
            "Drafts replies for JSON Lines mentions from stdin; writes one JSON line per mention.",
            "In:  the same lines as 'score'.",
            "Out: {\"id\", \"intent\", \"draft\": {\"text\", \"blocks\": [...], \"warnings\": [...], \"followUp\", "
                    + "\"followUpWithin\"}, \"warnings\": [{\"kind\", \"rule\", \"text\"}]}. Spam gets an empty draft and a "
                    + "warning with the reason. Each warning's kind is hard (it breaks the policy), soft or notice "
                    + "(escalate, spam, abuse, answer-by-hand, drafter); draft.warnings has the same as lines ('hard: ...').",
            "A bad line is reported on stderr with its line number and skipped."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every line was good", "1:at least one line was bad (see stderr)",
            "2:the configuration could not be loaded"})
public final class DraftCommand implements Callable<Integer> {
    @Option(names = "--config", defaultValue = "config/earshot.yaml", paramLabel = "FILE",
            description = "Earshot's configuration; its reply policy is used (default: ${DEFAULT-VALUE}).")
    Path config;

    private final JsonLinesFilter filter;
    private final PrintStream err;
    private final Clock clock;

    public DraftCommand() {
        this(System.in, System.out, System.err, Clock.systemUTC());
    }

    /** For tests and embedding: the streams and the clock that says what "now" is. */
    public DraftCommand(InputStream in, OutputStream out, PrintStream err, Clock clock) {
        this.filter = new JsonLinesFilter(in, out, err);
        this.err = err;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        ReplyPolicy policy;
        int maxChars;
        try {
            org.earshot.config.EarshotConfig loaded = ConfigLoader.fromEnvironment(Wiring.CHANNELS).load(config);
            policy = loaded.policy();
            maxChars = loaded.analysis().maxChars();
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 2;
        }
        ReplyDrafter drafter = new ReplyDrafter(policy, Wiring.CHANNELS, maxChars);
        MentionScorer scorer = new MentionScorer(null, maxChars);
        org.earshot.reading.MentionReader reader = org.earshot.reading.MentionReader.standard(null, maxChars);
        Instant now = clock.instant();
        return filter.run(now, m -> {
            org.earshot.reading.MentionReading reading = reader.read(m.subject(), m.text());
            Score score = scorer.score(reading.lexicon(), new ScoringInput(m.platform(), m.text(), m.subject(),
                    m.author(), m.history(), m.createdAt(), now, m.engagement()), Double.NaN);
            Draft d = drafter.draft(new DraftInput(m.platform(), m.author(), m.text(), m.subject(), score, m.history(),
                    false, reading));
            ObjectNode o = JsonLinesFilter.JSON.createObjectNode();
            o.set("id", m.id());
            o.put("language", reading.language());
            o.put("intent", d.intent().id());
            ObjectNode draft = o.putObject("draft");
            draft.put("text", d.text());
            ArrayNode blocks = draft.putArray("blocks");
            d.blocks().forEach(blocks::add);
            ArrayNode lines = draft.putArray("warnings");
            d.warningLines().forEach(lines::add);
            draft.put("followUp", d.followUp());
            if (d.followUp()) {
                // When the follow-up would be due after approval: what the text promises.
                draft.put("followUpWithin", Durations.format(drafter.followUpWithin(d.text(), d.intent(),
                        score.urgencyLevel())));
            }
            ArrayNode warnings = o.putArray("warnings");
            for (Warning w : d.warnings()) {
                warnings.addObject().put("kind", w.kind().id()).put("rule", w.rule()).put("text", w.text());
            }
            return o;
        });
    }
}
