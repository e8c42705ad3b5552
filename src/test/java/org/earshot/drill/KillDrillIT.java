package org.earshot.drill;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kill -9 drill, short: a few kills per platform. The long one is the same drill with more kills:
 * {@code mvn -B test -Dtest=KillDrillIT -Dearshot.drill.kills=100} (see the README's Drills section);
 * {@code -Dearshot.drill.platforms=reddit,mail} drills only those.
 * Counts only: every approval answered 200 posted, each block once, threaded, nothing left waiting.
 */
class KillDrillIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DrillPlatform.Kind.class)
    void everyApprovalAnswered200IsPostedOnceAfterKillsAtRandomMoments(DrillPlatform.Kind platform)
            throws Exception {
        String only = System.getProperty("earshot.drill.platforms", "");
        assumeTrue(only.isBlank() || Arrays.asList(only.toLowerCase(Locale.ROOT).split(",")).contains(
                platform.name().toLowerCase(Locale.ROOT)), "earshot.drill.platforms=" + only + " leaves it out");
        int kills = Integer.getInteger("earshot.drill.kills", 3);
        long seed = Long.getLong("earshot.drill.seed", System.nanoTime());
        // A short drill whose kills all land before any approval proves nothing: it is drilled again
        // (three times at most, each on its own files), and every drill run must lose and repeat nothing.
        KillDrill.Figures figures = null;
        for (int attempt = 0; attempt < 3 && (figures == null || figures.approvalsAnswered() == 0); attempt++) {
            figures = new KillDrill(platform, dir.resolve("attempt-" + attempt), seed + attempt).run(kills, 4);
            System.out.println("kill -9 drill (seed " + (seed + attempt) + ") " + figures);
            assertThat(figures.kills()).isEqualTo(kills);
            assertThat(figures.problems()).as(figures.toString()).isEmpty();
            assertThat(figures.duplicates()).isZero();
            assertThat(figures.lost()).isZero();
            assertThat(figures.misthreaded()).isZero();
            assertThat(figures.stuck()).isZero();
            assertThat(figures.mentionsStoredTwice()).isZero();
        }
        assertThat(figures.approvalsAnswered()).as(figures.toString()).isPositive();
    }
}
