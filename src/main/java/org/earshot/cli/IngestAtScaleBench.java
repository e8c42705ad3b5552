package org.earshot.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.earshot.config.EarshotConfig;
import org.earshot.connector.Connector;
import org.earshot.connector.MentionSource;
import org.earshot.connector.PollResult;
import org.earshot.connector.PostedReply;
import org.earshot.domain.Author;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;

/**
 * Ingest (parse, match, score, dedup, store, open a task) measured with 10,000, 100,000 and 1,000,000
 * mentions already stored, into one H2 file in lexicon mode: the cost per mention must stay flat as
 * the store grows. The old mentions are written by one SQL statement (50,000 people, so a new
 * mention's author has a history to find); the new ones come 100 to a poll, from 2,000 people of whom
 * some wrote before.
 */
final class IngestAtScaleBench {
    private static final int BATCH = 100;

    private IngestAtScaleBench() {
    }

    static void run(EarshotConfig config, List<Integer> storeSizes, int newMentions, String[] samples) throws Exception {
        try (BenchDatabase bench = BenchDatabase.open(config, "earshot-bench-scale", Clock.systemUTC())) {
            int stored = 0;
            for (int size : storeSizes) {
                long fill = System.nanoTime();
                int add = size - stored;
                int offset = stored;
                bench.db.inTransaction(h -> h.execute("insert into mention (connector_id, brand, platform, external_id,"
                        + " author_handle, author_name, author_followers, text, subject, created_at, url, reply_context,"
                        + " received_at, person_key, author_key) select 'old', 'acme', 'MASTODON', 'old-' || (x + ?),"
                        + " 'Person' || mod(x, 50000) || '@mastodon.example', 'Person', 10, 'an old mention about acme air',"
                        + " '', current_timestamp, '', '{}', current_timestamp, 'person' || mod(x, 50000) || ':person',"
                        + " 'person' || mod(x, 50000) || '@mastodon.example'"
                        + " from system_range(1, ?)", offset, add));
                stored = size;
                System.out.printf(Locale.ROOT, "  (stored %,d mentions in %.1f s)%n", size,
                        (System.nanoTime() - fill) / 1e9);
                Connector connector = new Connector("scale-" + size, Platform.MASTODON, "acme", Duration.ofSeconds(1),
                        source("new-" + size + "-", newMentions, samples), block -> new PostedReply("p", ""));
                long[] perMention = new long[(newMentions + BATCH - 1) / BATCH];
                long start = System.nanoTime();
                for (int p = 0; p < perMention.length; p++) {
                    long t0 = System.nanoTime();
                    bench.intake.pollOnce(connector);
                    perMention[p] = (System.nanoTime() - t0) / BATCH;
                }
                long took = System.nanoTime() - start;
                java.util.Arrays.sort(perMention);
                System.out.printf(Locale.ROOT, "%-40s %,10.0f /s   per mention p50 %6.0f µs  p99 %6.0f µs%n",
                        String.format(Locale.ROOT, "ingest with %,d stored (H2 file)", size),
                        newMentions / (took / 1e9), perMention[perMention.length / 2] / 1e3,
                        perMention[(int) Math.min(perMention.length - 1, Math.ceil(perMention.length * 0.99) - 1)] / 1e3);
            }
        }
    }

    private static MentionSource source(String prefix, int count, String[] samples) {
        Instant now = Instant.now();
        return cursor -> {
            int from = cursor == null ? 0 : Integer.parseInt(cursor);
            List<IncomingMention> page = new ArrayList<>();
            for (int i = from; i < Math.min(from + BATCH, count); i++) {
                page.add(new IncomingMention(Platform.MASTODON, prefix + i,
                        new Author("person" + (i % 2000) + "@mastodon.example", "Person " + i, i),
                        samples[i % samples.length], "", now, "", Map.of()));
            }
            return new PollResult(page, String.valueOf(from + page.size()));
        };
    }
}
