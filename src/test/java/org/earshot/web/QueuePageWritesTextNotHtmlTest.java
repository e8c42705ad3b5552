package org.earshot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What people wrote reaches the queue page only as text: the API sends it as JSON strings, and the
 * page's scripts set {@code textContent}, never HTML built from data (the generated requests of
 * {@link ApiRequestPropertyTest} check the API's side).
 */
class QueuePageWritesTextNotHtmlTest {
    @Test
    void noScriptOfTheQueuePageWritesHtml() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/web"))) {
            List<Path> scripts = files.filter(f -> f.toString().endsWith(".js")).toList();
            assertThat(scripts).isNotEmpty();
            for (Path script : scripts) {
                assertThat(Files.readString(script)).as(script.toString())
                        .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
            }
        }
    }
}
