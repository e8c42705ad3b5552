package org.earshot.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import org.earshot.Wiring;
import org.earshot.config.EarshotConfig;
import org.earshot.config.Durations;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Mention;
import org.earshot.domain.Platform;
import org.earshot.domain.TaskState;
import org.earshot.reply.ReplyDrafter;
import org.earshot.scoring.CurrentTeamCorrections;
import org.earshot.scoring.MentionScorer;
import org.earshot.store.AuditLog;
import org.earshot.store.Database;
import org.earshot.store.MentionStore;
import org.earshot.store.TaskStore;
import org.earshot.task.BusinessClock;
import org.earshot.task.Triage;
import org.jdbi.v3.core.Handle;

/**
 * What the demo's team heard before the demo started, written to its fresh database before the first
 * poll, so that every kind of alert has something real to raise it within the first minute: two weeks
 * of a few answered complaints a day (the baseline the first poll's burst of complaints spikes over),
 * open tasks whose service levels are about to breach or breached, and an answered complaint whose
 * promised follow-up comes due. Everything goes through the real scorer and drafter and is stored as
 * intake stores it; times count back from the clock. The alerts themselves are left to the triggers.
 */
public final class DemoHistory {
    /** A second Mastodon account of the demo whose access token was revoked: its connector is unhealthy. */
    public static final String REVOKED_CONNECTOR = "mastodon-campaign";
    static final String ID_PREFIX = "demo-history-";
    static final int BASELINE_DAYS = 14;
    static final int COMPLAINTS_PER_DAY = 2;
    private static final String ACTOR = "dana (before the demo)";

    /** Complaints of the quiet weeks: clearly negative, from people who do not write again in the demo. */
    private static final String[] QUIET_COMPLAINTS = {
        "@acmeair my flight to Porto was delayed three hours and nobody told us why",
        "Still waiting for my refund from Acme Air, it has been six weeks",
        "@acmeair the seat was broken and the crew did not care at all",
        "Acme Air lost my suitcase again, this is the worst airline",
        "@acmeair charged twice for my seat upgrade and still no answer",
        "Terrible check-in queue at Acme Air today, an hour for a bag drop",
        "@acmeair your app crashed at payment and now I cannot find my booking",
    };

    /** What was seeded: the quiet complaints, and the ids of the tasks each alert is about. */
    public record Seeded(int quietComplaints, long breachedTask, long aboutToBreachTask, long followUpTask) {
    }

    // The stores hold no state: these write to the daemon's database as its own do.
    private final MentionStore mentions = new MentionStore();
    private final TaskStore tasks = new TaskStore();
    private final AuditLog audit = new AuditLog();
    private final Database database;
    private final ReplyDrafter drafter;
    private final Triage triage;
    private final Instant now;

    private DemoHistory(Database database, EarshotConfig config, Instant now) {
        this.database = database;
        // The demo starts with no corrections from its team, so the scorer's own reading is the team's.
        this.drafter = new ReplyDrafter(config.policy(), Wiring.CHANNELS);
        this.triage = new Triage(new MentionScorer(), new CurrentTeamCorrections(), drafter, config.serviceLevels(),
                new BusinessClock(config.alerts().businessHours()));
        this.now = now;
    }

    /** Seeds the demo's fresh database, with times counted back from {@code now}; call it once, before the first poll. */
    public static Seeded seed(Database database, EarshotConfig config, Instant now) {
        return new DemoHistory(database, config, now).seed();
    }

    private Seeded seed() {
        return database.inTransaction(c -> {
            int quiet = quietWeeks(c);
            long breached = open(c, "x", new IncomingMention(Platform.X, ID_PREFIX + "breached",
                    new Author("marta_lisbon", "Marta Sousa", 2_340),
                    "@acmeair my flight to Lisbon was cancelled, I've been on hold for 90 minutes and still no"
                            + " answer about a new flight. Anyone there?", "", now.minus(Duration.ofMinutes(150)), "",
                    Map.of()), now.minus(Duration.ofMinutes(150)));
            long aboutToBreach = open(c, "reddit", new IncomingMention(Platform.REDDIT, ID_PREFIX + "about-to-breach",
                    new Author("gate_b12", "gate_b12", 310),
                    "Acme Air gate agent told us the connection would wait. It didn't. Where do we even get"
                            + " rebooked?", "", now.minus(Duration.ofMinutes(35)), "", Map.of()),
                    now.minus(Duration.ofMinutes(35)));
            long followUp = answeredWithAPromise(c);
            return new Seeded(quiet, breached, aboutToBreach, followUp);
        });
    }

    /**
     * A few complaints a day over the spike rule's baseline, each answered the same day: the usual
     * volume the first poll's burst is measured against. The hours are spread and never in the last day.
     */
    private int quietWeeks(Handle c) {
        int n = 0;
        for (int day = 1; day <= BASELINE_DAYS; day++) {
            for (int k = 0; k < COMPLAINTS_PER_DAY; k++) {
                Instant heard = now.minus(Duration.ofDays(day)).minus(Duration.ofHours((day * 5L + k * 11L) % 24))
                        .minus(Duration.ofMinutes((day * 17L + k * 29L) % 60));
                Platform platform = n % 2 == 0 ? Platform.X : Platform.MASTODON;
                String connector = Platform.X.equals(platform) ? "x" : "mastodon";
                String handle = Platform.X.equals(platform) ? "flyer" + n : "flyer" + n + "@mastodon.example";
                IncomingMention m = new IncomingMention(platform, ID_PREFIX + "quiet-" + n,
                        new Author(handle, "Flyer " + n, 100L + n * 37L), QUIET_COMPLAINTS[n % QUIET_COMPLAINTS.length],
                        "", heard, "", Map.of());
                OptionalLong task = task(c, connector, m, heard);
                if (task.isPresent()) {
                    String reply = tasks.find(c, task.getAsLong()).orElseThrow().draft().text();
                    answer(c, task.getAsLong(), reply, heard.plus(Duration.ofMinutes(40)));
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * A customer e-mail answered yesterday with a promise to come back within the policy's time; the
     * follow-up that promise opened comes due in a quarter of an hour.
     */
    private long answeredWithAPromise(Handle c) {
        Duration hearBack = drafter.policy().hearBackWithin();
        Instant approved = now.minus(hearBack).plus(Duration.ofMinutes(15));
        Instant heard = approved.minus(Duration.ofMinutes(50));
        IncomingMention mail = new IncomingMention(Platform.EMAIL, "<" + ID_PREFIX + "follow-up@mail.example>",
                new Author("priya.n@mail.example", "Priya Natarajan", 0),
                "Hello, my daughter's wheelchair was damaged on flight AC 318 from Dublin. We filed a report at"
                        + " the desk (ref DUB-4471) but have heard nothing since. Who is handling this?",
                "Damaged wheelchair on AC 318", heard, "", Map.of());
        long id = task(c, "support-mail", mail, heard).orElseThrow();
        String promise = "Hi Priya, I'm so sorry about your daughter's wheelchair. I've passed report DUB-4471 to"
                + " our baggage team and you'll hear back from me within " + Durations.format(hearBack)
                + " with what happens next. Dana, Acme Air Support";
        answer(c, id, promise, approved);
        tasks.startFollowUp(c, id, approved.plus(hearBack));
        return id;
    }

    private long open(Handle c, String connector, IncomingMention m, Instant heard) {
        return task(c, connector, m, heard).orElseThrow();
    }

    /** Stores the mention as heard at {@code heard} and opens its task the way intake does; empty if known. */
    private OptionalLong task(Handle c, String connector, IncomingMention m, Instant heard) {
        OptionalLong mentionId = mentions.insertIfNew(c, connector, "acme", m, heard);
        if (mentionId.isEmpty()) {
            return OptionalLong.empty();
        }
        Mention stored = mentions.find(c, mentionId.getAsLong()).orElseThrow();
        CustomerHistory history = mentions.historyBefore(c, stored.platform(), stored.author(), stored.id());
        Triage.Assessment a = triage.assess(stored, history, heard);
        return OptionalLong.of(tasks.insert(c, stored.id(), a.score(), a.draft(), heard, a.dueAt(), history,
                a.language()));
    }

    /** Approved and posted at {@code at}, as the queue and the outbox would have left it. */
    private void answer(Handle c, long taskId, String text, Instant at) {
        tasks.markApproved(c, taskId, ACTOR, text, at);
        audit.record(c, at, taskId, ACTOR, "approved", text);
        tasks.move(c, taskId, TaskState.APPROVED, TaskState.POSTED, at.plusSeconds(2));
    }
}
