package org.earshot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.earshot.Wiring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisConfigTest {
    @TempDir
    Path dir;

    private EarshotConfig load(String analysis) throws IOException {
        Path file = dir.resolve("earshot.yaml");
        Files.writeString(file, """
                brands:
                  - id: acme
                    keywords: ["acme air"]
                """ + analysis);
        return new ConfigLoader(n -> null, Wiring.CHANNELS).load(file);
    }

    @Test
    void withoutTheKeyTwentyThousandCharactersAreAnalysed() throws IOException {
        assertThat(load("").analysis().maxChars()).isEqualTo(20_000);
    }

    @Test
    void maxCharsSetsHowMuchOfAMentionIsAnalysed() throws IOException {
        assertThat(load("analysis:\n  maxChars: 5000\n").analysis().maxChars()).isEqualTo(5_000);
    }

    @Test
    void aLimitThatWouldCutOrdinaryPostsIsRefusedWithTheKey() {
        assertThatThrownBy(() -> load("analysis:\n  maxChars: 280\n")).isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("analysis.maxChars must be between 1000 and 10000000, but was 280");
    }
}
