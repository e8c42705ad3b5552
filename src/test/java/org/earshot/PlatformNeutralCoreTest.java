package org.earshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core asks a platform's declared capabilities and never names a platform, so that a new platform
 * is its own package, its folders and one line of wiring: no core source compares with a
 * {@code Platform.MASTODON}-style constant, and the queue page tests no platform id.
 */
class PlatformNeutralCoreTest {
    private static final Path MAIN = Path.of("src/main/java/org/earshot");
    private static final List<String> CORE = List.of("domain", "config", "connector", "http", "matching", "scoring",
            "reply", "intake", "task", "alert", "store", "web", "account");
    private static final Pattern PLATFORM_CONSTANT = Pattern.compile("\\bPlatform\\.[A-Z][A-Z_]*\\b");
    private static final Pattern PLATFORM_ID_IN_QUOTES = Pattern.compile(
            "['\"`](mastodon|x|reddit|bluesky|email|rss|feed|imap)['\"`]");

    @Test
    void noCoreSourceNamesAPlatform() {
        assertThat(coreSources()).flatExtracting(f -> matches(f, PLATFORM_CONSTANT)).isEmpty();
    }

    @Test
    void theQueuePageTestsNoPlatformId() throws IOException {
        Path page = Path.of("src/main/resources/web/queue.js");
        assertThat(matches(page, PLATFORM_ID_IN_QUOTES)).isEmpty();
    }

    private static List<Path> coreSources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(PlatformNeutralCoreTest::inCore)
                    // Platform itself names the shipped platforms for their connectors, the demo and the tests.
                    .filter(f -> !f.endsWith(Path.of("domain/Platform.java"))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean inCore(Path file) {
        Path pkg = MAIN.relativize(file).getParent();
        // connector/ itself is core; connector/mastodon/ and its siblings are the platforms.
        return pkg != null && pkg.getNameCount() == 1 && CORE.contains(pkg.toString());
    }

    private static List<String> matches(Path file, Pattern pattern) {
        try {
            Matcher m = pattern.matcher(Files.readString(file));
            List<String> found = new java.util.ArrayList<>();
            while (m.find()) {
                found.add(file + ": " + m.group());
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
