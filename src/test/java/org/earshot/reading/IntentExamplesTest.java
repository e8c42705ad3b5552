package org.earshot.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntentExamplesTest {

    @Test
    void aTeamsExamplesAreAddedToTheShippedOnes() {
        int shipped = IntentExamples.load(null, null).size();
        assertThat(IntentExamples.load(null, Path.of("config/intent-examples.tsv")).size()).isEqualTo(shipped + 3);
    }

    @Test
    void withoutAModelThereIsNoGuess() {
        assertThat(IntentExamples.load(null, null).guess(new float[384])).isEmpty();
    }

    @Test
    void anExampleOfAnUnknownIntentNamesTheFileTheLineAndTheIntents(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("mine.tsv"), "# ours\ncomplaint\tlate again\ngrumble\tmeh\n");
        assertThatThrownBy(() -> IntentExamples.load(null, file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mine.tsv line 3: 'grumble' is not an intent; use one of [abuse, complaint");
    }
}
