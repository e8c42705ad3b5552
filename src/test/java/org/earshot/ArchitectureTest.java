package org.earshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of STYLE.md, read from the sources' imports so that breaking one fails the
 * build instead of waiting for a review: connectors, the web, the CLI and the demo know the core;
 * the core knows none of them; a platform package knows no other platform.
 */
class ArchitectureTest {
    private static final Path ROOT = Path.of("src/main/java/org/earshot");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.earshot\\.([a-z.]+)\\.[A-Z]", Pattern.MULTILINE);
    private static final Set<String> CORE = Set.of("domain", "config", "connector", "http", "matching", "scoring", "reply",
            "intake", "task", "alert", "store");
    private static final Set<String> OUTER = Set.of("web", "cli", "demo", "schedule");

    record Dependency(String from, String to, Path file) {
        @Override
        public String toString() {
            return from + " -> " + to + " (" + file + ")";
        }
    }

    @Test
    void theCoreImportsNoPlatformPackage() {
        assertThat(dependencies()).filteredOn(d -> CORE.contains(d.from()) && d.to().startsWith("connector."))
                .isEmpty();
    }

    @Test
    void theCoreImportsNeitherTheWebNorTheCommandsNorTheSchedule() {
        assertThat(dependencies()).filteredOn(d -> CORE.contains(d.from()) && OUTER.contains(topLevel(d.to())))
                .isEmpty();
    }

    @Test
    void aPlatformPackageImportsNoOtherPlatform() {
        assertThat(dependencies()).filteredOn(d -> d.from().startsWith("connector.") && d.to().startsWith("connector.")
                && !d.to().equals(d.from())).isEmpty();
    }

    @Test
    void onlyTheWiringKnowsThePlatforms() {
        assertThat(dependencies()).filteredOn(d -> d.to().startsWith("connector.") && !d.from().startsWith("connector."))
                .allSatisfy(d -> assertThat(d.file().getFileName()).hasToString("Wiring.java"));
    }

    @Test
    void theDomainIsPlainJava() {
        assertThat(dependencies()).filteredOn(d -> d.from().equals("domain") && !d.to().equals("domain")).isEmpty();
    }

    @Test
    void scoringIsPureFunctionsOverTheDomain() {
        assertThat(dependencies()).filteredOn(d -> d.from().equals("scoring"))
                .extracting(Dependency::to).allMatch(to -> to.equals("scoring") || to.equals("domain"));
    }

    private static String topLevel(String pkg) {
        int dot = pkg.indexOf('.');
        return dot < 0 ? pkg : pkg.substring(0, dot);
    }

    private static List<Dependency> dependencies() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(f -> f.toString().endsWith(".java")).flatMap(ArchitectureTest::importsOf).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Dependency> importsOf(Path file) {
        Path dir = ROOT.relativize(file).getParent();
        String from = dir == null ? "" : dir.toString().replace('/', '.');
        try {
            Matcher m = IMPORT.matcher(Files.readString(file));
            Stream.Builder<Dependency> found = Stream.builder();
            while (m.find()) {
                found.add(new Dependency(from, m.group(1), file));
            }
            return found.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
