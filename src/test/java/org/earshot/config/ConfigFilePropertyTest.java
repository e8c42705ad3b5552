package org.earshot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.earshot.Wiring;
import org.earshot.connector.FuzzedPlatform;

/**
 * The example config cut short, with a value swapped for garbage, and plain garbage: it loads, or the
 * start stops with a {@link ConfigException} naming the file; no other exception escapes.
 */
class ConfigFilePropertyTest {
    private static final String EXAMPLE = read(Path.of("config/earshot.yaml"))
            .replace("policyFile: policy.yaml", "policyFile: " + Path.of("config/policy.yaml").toAbsolutePath());

    @Provide
    Arbitrary<String> files() {
        Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
        Arbitrary<String> cut = at.map(a -> EXAMPLE.substring(0, (int) (EXAMPLE.length() * a)));
        Arbitrary<String> swapped = Combinators.combine(Arbitraries.just(EXAMPLE), at, Arbitraries.oneOf(
                FuzzedPlatform.garbage(), Arbitraries.of("-1", "0", "99999999999", "[]", "{}", "~", "null", "''",
                        "${UNSET}", "1ms", "\"\"", "[a, b]", "*anchor", "&a x"))).as(FuzzedPlatform::swapAValue);
        return Arbitraries.frequencyOf(Tuple.of(2, cut), Tuple.of(6, swapped), Tuple.of(1, FuzzedPlatform.garbage()));
    }

    @Property(tries = 120)
    void aGarbledConfigLoadsOrStopsTheStartWithTheFileNamed(@ForAll("files") String yaml) throws Exception {
        Path dir = Files.createTempDirectory("earshot-config-fuzz");
        Path file = dir.resolve("earshot.yaml");
        Files.write(file, yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            new ConfigLoader(n -> null, Wiring.CHANNELS).load(file);
        } catch (ConfigException e) {
            assertThat(e.getMessage()).startsWith(file.toString()).hasSizeGreaterThan(file.toString().length() + 2);
        }
    }

    @net.jqwik.api.Example
    void aPolicyFileThatNamesAFolderIsRefusedAtTheKeyThatNamesIt() throws Exception {
        Path dir = Files.createTempDirectory("earshot-config-folder");
        Path file = dir.resolve("earshot.yaml");
        Files.writeString(file, EXAMPLE.replaceFirst("policyFile: .*", "policyFile: " + dir));
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> new ConfigLoader(n -> null, Wiring.CHANNELS).load(file), ConfigException.class).getMessage())
                .startsWith(file.toString()).contains("policyFile").contains("which is not a file");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
